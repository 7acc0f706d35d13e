import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { seedIds } from '@nq57/shared';
import { useTestHub } from '../support/hub';
import { collect } from '../support/live';
import { tokenFor } from '../support/tokens';

const hub = useTestHub();
const clients: Client[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

/** A graphql-ws client whose connection_init payload is `params`; `closed` resolves with the close code. */
function socket(params: Record<string, unknown>): { client: Client; closed: Promise<number> } {
  let markClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (markClosed = resolve));
  const client = createClient({
    url: hub().gateway.wsUrl,
    connectionParams: params,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => markClosed((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closed };
}

const REPORT = `mutation SocketReport($input: TaskStatusInput!) {
  updateProvincialTaskStatus(input: $input) { task { id status progress version } event { actor } }
}`;

/** Sends one operation over the socket and resolves with its only result. */
function once(client: Client, query: string, variables: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query, variables },
      { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('authentication over graphql-ws', () => {
  it('carries the token of connection_init to the subgraph that runs a mutation, whatever the case of its key', async () => {
    const token = await tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'ws-reporter' });
    const lower = socket({ authorization: `Bearer ${token}` });
    const capital = socket({ Authorization: `Bearer ${token}` });
    const id = seedIds.task('003-2');
    const first = await once(lower.client, REPORT, {
      input: { id, status: 'IN_PROGRESS', progress: 30, expectedVersion: 1 },
    });
    const second = await once(capital.client, REPORT, {
      input: { id, status: 'IN_PROGRESS', progress: 40, expectedVersion: 2 },
    });
    expect([first, second]).toEqual([
      {
        data: {
          updateProvincialTaskStatus: {
            task: { id, status: 'IN_PROGRESS', progress: 30, version: 2 },
            event: { actor: 'ws-reporter' },
          },
        },
      },
      {
        data: {
          updateProvincialTaskStatus: {
            task: { id, status: 'IN_PROGRESS', progress: 40, version: 3 },
            event: { actor: 'ws-reporter' },
          },
        },
      },
    ]);
  });

  it('keeps a socket open whose token is valid for longer than a timer can wait (24.8 days)', async () => {
    const token = await tokenFor({ role: 'viewer', jurisdiction: '19', ttlSeconds: 30 * 24 * 3600 });
    const { client, closed } = socket({ authorization: `Bearer ${token}` });
    const live = collect(
      client,
      'taskStatusChanged',
      `subscription LongLived { taskStatusChanged { cursor } }`,
    );
    const outcome = await Promise.race([
      closed.then((code) => `closed with ${code}`),
      new Promise((resolve) => setTimeout(() => resolve('open'), 1500)),
    ]);
    live.stop();
    expect([outcome, live.errors]).toEqual(['open', []]);
  });
});
