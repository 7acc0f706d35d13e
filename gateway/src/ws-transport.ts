import type { Transport } from '@graphql-mesh/transport-common';
import { buildGraphQLWSExecutor } from '@graphql-tools/executor-graphql-ws';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const LOST = new GraphQLError(
  'The live stream from the events subgraph was lost: subscribe again with `after` set to the last cursor received',
  { extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
);

/**
 * Rethrows what a lost socket throws (a close event, not an Error) as a GraphQL error clients can act on.
 * A plain iterator, not an async generator: a generator queues `return()` behind a pending `next()`, so a
 * client that leaves would keep its upstream subscription until the next event.
 */
function explainLoss<T>(source: AsyncIterable<T>): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    next: () =>
      iterator.next().catch((error: unknown) => {
        throw error instanceof Error ? error : LOST;
      }),
    return: (value?: unknown) =>
      iterator.return ? iterator.return(value) : Promise.resolve({ done: true as const, value: undefined }),
    throw: (error?: unknown) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Subscriptions to a subgraph over graphql-ws that fail when the subgraph's socket is lost, instead of
 * reconnecting behind the client's back. A silent reconnect would re-send the original `after` (a duplicate
 * replay) or none (a gap); failing lets the client resume from the last cursor it actually received.
 */
export const failFastWsTransport: Transport = {
  getSubgraphExecutor({ transportEntry }) {
    if (!transportEntry.location) throw new Error(`No location for subgraph ${transportEntry.subgraph}`);
    const client = createClient({
      url: transportEntry.location.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 3000,
      retryAttempts: 0,
    });
    const executor = buildGraphQLWSExecutor(client);
    const explained = ((request: ExecutionRequest) => {
      const result = executor(request);
      return isAsyncIterable(result) ? explainLoss(result) : result;
    }) as Executor;
    // The runtime disposes executors on shutdown: pass that on to the client's socket.
    return Object.assign(explained, { [Symbol.asyncDispose]: () => client.dispose() });
  },
};

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
