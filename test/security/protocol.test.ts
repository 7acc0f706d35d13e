import { createHash } from 'node:crypto';
import { useTestHub } from '../support/hub';

// Protocol features that mainstream clients use: automatic persisted queries (Apollo's PersistedQueryLink, urql's
// persisted exchange), request batching (refused), and incremental delivery (refused, see docs/security.md).
const hub = useTestHub();

interface Answer {
  status: number;
  body: unknown;
}

/** POSTs `body` to the gateway as a GraphQL-over-HTTP client does. */
async function post(body: unknown): Promise<Answer> {
  const response = await fetch(hub().gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** GETs an operation with its parameters in the query string, as PersistedQueryLink does for hashed queries. */
async function get(params: Record<string, unknown>): Promise<Answer> {
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  const response = await fetch(`${hub().gateway.url}?${search}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const persisted = (sha256Hash: string, version = 1) => ({ persistedQuery: { version, sha256Hash } });

describe('automatic persisted queries', () => {
  const query = 'query PersistedDirective { directive(number: "71/NQ-CP") { number tasks { ref } } }';
  const answered = {
    status: 200,
    body: {
      data: {
        directive: {
          number: '71/NQ-CP',
          tasks: Array.from({ length: 15 }, (_unused, index) => ({ ref: `71/NQ-CP#${index + 1}` })),
        },
      },
    },
  };

  test('a hash the gateway has not seen is not found (HTTP 200); sent with its document it runs, then by hash alone', async () => {
    const extensions = persisted(sha256(query));
    expect(await post({ extensions })).toEqual({
      status: 200,
      body: {
        errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
      },
    });
    expect(await post({ query, extensions })).toEqual(answered);
    expect(await post({ extensions })).toEqual(answered);
    expect(await get({ extensions })).toEqual(answered);
  });

  test('variables and the operation name travel with the hash', async () => {
    const withVariables =
      'query PersistedByNumber($number: String!) { directive(number: $number) { number } }';
    const extensions = persisted(sha256(withVariables));
    await post({ query: withVariables, extensions, variables: { number: '57-NQ/TW' } });
    expect(
      await post({ extensions, variables: { number: '71/NQ-CP' }, operationName: 'PersistedByNumber' }),
    ).toEqual({ status: 200, body: { data: { directive: { number: '71/NQ-CP' } } } });
  });

  test('a document that does not match its hash, and an unknown protocol version, are refused with codes', async () => {
    expect(await post({ query, extensions: persisted(sha256(`${query} `)) })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The document does not match its sha256Hash.',
            extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
          },
        ],
      },
    });
    expect(await post({ extensions: persisted(sha256(query), 2) })).toEqual({
      status: 400,
      body: {
        errors: [
          { message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } },
        ],
      },
    });
  });
});

test('a batch of operations in one request is refused with a clear message', async () => {
  const query = 'query Batched { directives { number } }';
  expect(await post([{ query }, { query }])).toEqual({
    status: 400,
    body: { errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }] },
  });
});

test.each([
  ['@defer', 'query Deferred { directive(number: "71/NQ-CP") { number ... @defer { tasks { ref } } } }'],
  ['@stream', 'query Streamed { directives @stream(initialCount: 1) { number } }'],
])('%s is refused by the gateway’s validation, naming the directive', async (directive, query) => {
  expect(await post({ query })).toEqual({
    status: 400,
    body: {
      errors: [
        {
          message: `Unknown directive "${directive}".`,
          locations: [{ line: 1, column: query.indexOf(directive) + 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    },
  });
});
