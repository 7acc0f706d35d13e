import {
  createGatewayRuntime,
  getGraphQLWSOptions,
  type GatewayRuntime,
} from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  capSubscriptions,
  limitPlugins,
  resolveLimits,
  runtimeSecurityConfig,
  withBodyLimit,
  type LimitOptions,
} from './limits';
import { loadSupergraph, type SubgraphUrls } from './supergraph';
import { failFastWsTransport } from './ws-transport';
import { forwardToken, socketAuthentication, useAuthentication } from './authentication';
import {
  WS_KEEP_ALIVE_MS,
  closeWebSockets,
  keepConnectionsAlive,
  loadAuthConfig,
  type AuthConfig,
} from '@nq57/shared';

/** Where the gateway listens and which subgraphs it federates. */
export interface GatewayOptions {
  port?: number;
  host?: string;
  subgraphs: SubgraphUrls;
  /** How bearer tokens are verified (default: from the environment, see loadAuthConfig). */
  auth?: AuthConfig;
  /** Abuse limits in place of those the environment sets (see gateway/src/limits/options.ts). */
  limits?: Partial<LimitOptions>;
}

/** A running gateway: one port for queries, mutations (HTTP) and subscriptions (graphql-ws). */
export interface GatewayHandle {
  url: string;
  wsUrl: string;
  port: number;
  stop(): Promise<void>;
}

const EXAMPLE_QUERY = `# Follow one central task down to the provincial tasks that carry it out.
query Trace {
  directive(number: "07-TB/CQTTBCĐ") {
    number
    title
    tasks {
      content
      provincialTasks {
        content
        plan { number province { name } }
      }
    }
  }
}
`;

/** Starts the federated gateway (Hive Gateway runtime) with its offline query page at /graphql. */
export async function start(options: GatewayOptions): Promise<GatewayHandle> {
  const auth = options.auth ?? (await loadAuthConfig());
  const limits = resolveLimits(options.limits);
  const runtime = createGatewayRuntime({
    supergraph: loadSupergraph(options.subgraphs),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    // The bundled GraphiQL needs no CDN: the page works with no internet access.
    renderGraphiQL,
    graphiql: { title: 'nq57-hub', defaultQuery: EXAMPLE_QUERY },
    // Introspection and the query page off when the limits say so (this may replace graphiql above).
    ...runtimeSecurityConfig(limits),
    landingPage: false,
    // Authentication first: the rate limit counts per context.identity.subject.
    plugins: () => [useAuthentication(auth), ...limitPlugins(limits)],
    propagateHeaders: { fromClientToSubgraphs: forwardToken },
    // The events subgraph streams its subscription over graphql-ws; queries still go over HTTP.
    transportEntries: {
      events: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } },
    },
    // Given statically: the runtime's own dynamic import() of a transport fails inside Jest's module system.
    transports: { http: httpTransport, ws: failFastWsTransport },
    logging: process.env.NQ57_GATEWAY_LOG === 'debug' ? 'debug' : 'warn',
  });
  // The runtime builds its schema on the first HTTP request; a WebSocket subscription that came first
  // would find none ("Expected null to be a GraphQL schema"), so build it before taking connections.
  await runtime.getSchema();
  const server = createServer(withBodyLimit(runtime, limits.maxBodyBytes));
  keepConnectionsAlive(server);
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: limits.maxBodyBytes });
  const wsServer = useServer(
    capSubscriptions(
      {
        ...getGraphQLWSOptions<Record<string, unknown>, Extra>(runtime, (context) => ({
          req: context.extra.request,
          socket: context.extra.socket,
        })),
        ...socketAuthentication(auth),
      },
      limits.maxSubscriptionsPerConnection,
    ),
    sockets,
    WS_KEEP_ALIVE_MS,
  );
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    port,
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    stop: () => stopAll(server, sockets, wsServer, runtime),
  };
}

async function stopAll(
  server: Server,
  sockets: WebSocketServer,
  wsServer: { dispose: () => void | Promise<void> },
  runtime: GatewayRuntime,
): Promise<void> {
  await closeWebSockets(wsServer, sockets);
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
  // The runtime keeps timers and upstream connections alive until disposed.
  await runtime.dispose();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
