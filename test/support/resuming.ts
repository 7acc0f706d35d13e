import type { GraphQLFormattedError } from 'graphql';
import { wsClient } from './live';

/** A dashboard that keeps a subscription alive: on any loss it subscribes again after its last cursor. */
export interface ResumingSubscriber<T extends { cursor: string }> {
  items: T[];
  /** The codes of the GraphQL errors that ended a subscription (a lost socket has none). */
  errorCodes: unknown[];
  /** How many times it had to subscribe again. */
  resumptions(): number;
  /** Resolves once `count` items have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Subscribes to `field` at `wsUrl` with `variables` plus `after`, resuming after every failure. */
export function resumingSubscriber<T extends { cursor: string }>(
  wsUrl: string,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
): ResumingSubscriber<T> {
  const items: T[] = [];
  const errorCodes: unknown[] = [];
  let attempts = 0;
  let stopped = false;
  let current: ReturnType<typeof wsClient> | null = null;
  const connect = (): void => {
    if (stopped) return;
    attempts += 1;
    const client = wsClient(wsUrl);
    current = client;
    const after = items.length > 0 ? items[items.length - 1].cursor : undefined;
    const again = (): void => {
      if (current !== client) return;
      current = null;
      void client.dispose();
      setTimeout(connect, 200);
    };
    client.subscribe<Record<string, T>>(
      { query, variables: { ...variables, after } },
      {
        next: (result) => {
          if (result.data) return void items.push(result.data[field]);
          errorCodes.push(...(result.errors ?? []).map((error) => error.extensions?.code));
          again();
        },
        error: (error) => {
          if (Array.isArray(error))
            errorCodes.push(...error.map((e: GraphQLFormattedError) => e.extensions?.code));
          again();
        },
        complete: again,
      },
    );
  };
  connect();
  return {
    items,
    errorCodes,
    resumptions: () => attempts - 1,
    waitFor: async (count, timeoutMs = 30000) => {
      const deadline = Date.now() + timeoutMs;
      while (items.length < count) {
        if (Date.now() > deadline) throw new Error(`Waited for ${count} events, got ${items.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      stopped = true;
      const client = current;
      current = null;
      await client?.dispose();
    },
  };
}
