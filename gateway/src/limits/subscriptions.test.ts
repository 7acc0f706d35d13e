import { buildSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { capSubscriptions } from './subscriptions';

const schema = buildSchema(`
  type Query { ping: String }
  type Subscription { ticks: Int once: Int }
`);

/** `ticks` sends 1 and then nothing until stopped; `once` sends 1 and completes. */
const roots = {
  subscription: {
    ticks: async function* () {
      yield { ticks: 1 };
      await new Promise(() => undefined);
    },
    once: async function* () {
      yield { once: 1 };
    },
  },
  query: { ping: () => 'pong' },
};

let server: Server;
let url: string;
let dispose: () => Promise<void> | void;
const subscribed: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  server = createServer();
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  const options = {
    schema,
    roots,
    // The wrapped options' own onSubscribe, as getGraphQLWSOptions has one: it must still run.
    onSubscribe: (_ctx: unknown, id: string) => {
      subscribed.push(id);
    },
  };
  const wsServer = useServer(capSubscriptions(options, 2), sockets);
  dispose = () => wsServer.dispose();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await dispose();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A client on a connection of its own. */
function connect(): Client {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

/** Subscribes; resolves with the first thing that happens: a value, the errors, or completion. */
function subscribe(client: Client, query: string): { first: Promise<unknown>; stop: () => void } {
  let stop: () => void = () => undefined;
  const first = new Promise((resolve) => {
    stop = client.subscribe(
      { query },
      {
        next: (value) => resolve({ next: value }),
        error: (errors) => resolve({ error: errors }),
        complete: () => resolve('complete'),
      },
    );
  });
  return { first, stop };
}

const TOO_MANY = {
  error: [
    {
      message: 'This connection already runs 2 operations; the limit is 2.',
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2, measured: 3 },
    },
  ],
};

describe('capSubscriptions', () => {
  test('refuses the (max+1)-th running subscription of a connection, and frees a slot when one is stopped', async () => {
    const client = connect();
    const a = subscribe(client, 'subscription A { ticks }');
    const b = subscribe(client, 'subscription B { ticks }');
    expect(await Promise.all([a.first, b.first])).toEqual([
      { next: { data: { ticks: 1 } } },
      { next: { data: { ticks: 1 } } },
    ]);
    const c = subscribe(client, 'subscription C { ticks }');
    expect(await c.first).toEqual(TOO_MANY);
    // The refused one never reached the wrapped onSubscribe.
    expect(subscribed).toHaveLength(2);
    a.stop();
    const d = subscribe(client, 'subscription D { ticks }');
    expect(await d.first).toEqual({ next: { data: { ticks: 1 } } });
    expect(subscribed).toHaveLength(3);
    b.stop();
    d.stop();
  });

  test('counts per connection: another connection has its own slots', async () => {
    const first = connect();
    const second = connect();
    const held = [subscribe(first, 'subscription A { ticks }'), subscribe(first, 'subscription B { ticks }')];
    await Promise.all(held.map((s) => s.first));
    const other = [
      subscribe(second, 'subscription A { ticks }'),
      subscribe(second, 'subscription B { ticks }'),
    ];
    expect(await Promise.all(other.map((s) => s.first))).toEqual([
      { next: { data: { ticks: 1 } } },
      { next: { data: { ticks: 1 } } },
    ]);
    expect(await subscribe(first, 'subscription C { ticks }').first).toEqual(TOO_MANY);
    for (const s of [...held, ...other]) s.stop();
  });

  test('frees the slot of a subscription the server completes, and of a query', async () => {
    const client = connect();
    const held = subscribe(client, 'subscription A { ticks }');
    await held.first;
    for (let i = 0; i < 3; i += 1) {
      const once = subscribe(client, 'subscription Once { once }');
      expect(await once.first).toEqual({ next: { data: { once: 1 } } });
      const ping = subscribe(client, 'query Ping { ping }');
      expect(await ping.first).toEqual({ next: { data: { ping: 'pong' } } });
    }
    held.stop();
  });
});
