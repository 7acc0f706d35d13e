import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { useTestHub } from '../support/hub';

const hub = useTestHub();
const clients: Client[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

/** What the socket sent for one operation: each `next` payload, then `complete` or the `error` payload. */
function overSocket(payload: { query: string; operationName?: string; variables?: Record<string, unknown> }) {
  const client = createClient({ url: hub().gateway.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  clients.push(client);
  return new Promise<unknown[]>((resolve) => {
    const messages: unknown[] = [];
    client.subscribe(payload, {
      next: (value) => messages.push({ next: value }),
      error: (error) => resolve([...messages, { error }]),
      complete: () => resolve([...messages, 'complete']),
    });
  });
}

async function overHttp(query: string, variables: Record<string, unknown>): Promise<[number, unknown]> {
  const response = await fetch(hub().gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return [response.status, await response.json()];
}

const LOG = 'query Log($n: Int, $f: TaskEventFilter) { taskEvents(first: $n, filter: $f) { endCursor } }';

describe('errors before execution', () => {
  it.each([
    [
      'a float for an Int',
      { n: 1.5 },
      'Variable "$n" got invalid value 1.5; Int cannot represent non-integer value: 1.5',
    ],
    [
      'a bad enum value',
      { f: { level: 'NOPE' } },
      'Variable "$f" got invalid value "NOPE" at "f.level"; Value "NOPE" does not exist in "TaskLevel" enum.',
    ],
    [
      'an unknown input field',
      { f: { bogus: 1 } },
      'Variable "$f" got invalid value { bogus: 1 }; Field "bogus" is not defined by type "TaskEventFilter".',
    ],
  ])(
    'answer variables that do not coerce (%s) with 400 and BAD_USER_INPUT',
    async (_case, variables, message) => {
      // The location is the variable's definition: $n at column 11, $f at 20.
      const column = 'n' in variables ? 11 : 20;
      expect(await overHttp(LOG, variables)).toEqual([
        400,
        { errors: [{ message, locations: [{ line: 1, column }], extensions: { code: 'BAD_USER_INPUT' } }] },
      ]);
    },
  );

  it('come over graphql-ws as the protocol error message, coded, without HTTP details', async () => {
    expect({
      unknownOperation: await overSocket({ query: 'query Ping { __typename }', operationName: 'Nope' }),
      invalid: await overSocket({ query: 'query Wrong { nope }' }),
      badVariable: await overSocket({ query: LOG, variables: { n: 1.5 } }),
      fine: await overSocket({ query: 'query Ping { __typename }' }),
    }).toEqual({
      unknownOperation: [
        {
          error: [
            {
              message: 'Could not determine what operation to execute.',
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
            },
          ],
        },
      ],
      invalid: [
        {
          error: [
            {
              message: 'Cannot query field "nope" on type "Query".',
              locations: [{ line: 1, column: 15 }],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
      ],
      badVariable: [
        {
          error: [
            {
              message: 'Variable "$n" got invalid value 1.5; Int cannot represent non-integer value: 1.5',
              locations: [{ line: 1, column: 11 }],
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        },
      ],
      fine: [{ next: { data: { __typename: 'Query' } } }, 'complete'],
    });
  });

  it('answer an unknown operationName over HTTP with the same code', async () => {
    const response = await fetch(hub().gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'query Ping { __typename }', operationName: 'Nope' }),
    });
    expect([response.status, await response.json()]).toEqual([
      400,
      {
        errors: [
          {
            message: 'Could not determine what operation to execute.',
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
          },
        ],
      },
    ]);
  });
});
