import type { Transport } from '@graphql-mesh/transport-common';
import { buildGraphQLWSExecutor } from '@graphql-tools/executor-graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

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
    return buildGraphQLWSExecutor(client);
  },
};
