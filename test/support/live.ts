import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a subscription has received so far, and how to wait for more. */
export interface Received<T> {
  items: T[];
  errors: unknown[];
  /** Resolves once `count` items have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Ends the subscription (the client stays open). */
  stop(): void;
  /** Resolves when the server ended the subscription (completed or failed). */
  ended: Promise<void>;
}

/** A graphql-ws client of `wsUrl`, sending `token` in connection_init when given, retrying `retries` times. */
export function wsClient(wsUrl: string, retries = 0, token?: string): Client {
  return createClient({
    url: wsUrl,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    webSocketImpl: WebSocket,
    retryAttempts: retries,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
    shouldRetry: () => retries > 0,
    lazy: true,
  });
}

/** Subscribes with `client` and collects each `data[field]` it receives. */
export function collect<T>(
  client: Client,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
): Received<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const settle = (): void => {
    for (const waiter of [...waiters]) {
      if (items.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) items.push(result.data[field]);
        settle();
      },
      error: (error) => {
        errors.push(error);
        markEnded();
      },
      complete: () => markEnded(),
    },
  );
  return {
    items,
    errors,
    ended,
    stop,
    waitFor: (count, timeoutMs = 15000) =>
      new Promise<T[]>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`Waited for ${count} events, got ${items.length}: ${JSON.stringify(errors)}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(items.slice(0, count));
          },
        });
        settle();
      }),
  };
}

/** How many live listeners the events subgraph at `eventsUrl` (its /graphql URL) serves, from its /health. */
export async function feedListeners(eventsUrl: string): Promise<number> {
  const response = await fetch(eventsUrl.replace('/graphql', '/health'));
  const health = (await response.json()) as { feed: { listeners: number } };
  return health.feed.listeners;
}

/** Waits (10 s at most) until the events subgraph at `eventsUrl` serves `count` listeners: subscriptions are live. */
export async function feedListenersReach(eventsUrl: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if ((await feedListeners(eventsUrl)) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The events subgraph never reached ${count} listeners`);
}
