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
  OperationLimits,
  resolveLimits,
  runtimeSecurityConfig,
  withBodyLimit,
  type LimitOptions,
} from './limits';
import { withDashboard } from './pages/dashboard';
import { renderQueryPage, withQueryPage } from './pages/query-page';
import { queryPlannerFromEnv, unifiedGraphHandlerFor, type QueryPlanner } from './query-planner';
import { loadSupergraph, type SubgraphUrls } from './supergraph';
import { failFastWsTransport } from './ws-transport';
import { socketAuthentication, useAuthentication } from './authentication';
import { corsFromEnvironment, type CorsSetting } from './cors';
import {
  EventResults,
  SharedSubscriptions,
  requestErrorsAsErrorMessages,
  useConcurrentSubscriptionEvents,
  shareIdenticalSubscriptions,
  type ShareStats,
} from './live';
import { useAutomaticPersistedQueries } from './persisted-queries';
import {
  useCodedRequestErrors,
  useFiniteFloatLiterals,
  useOperationResolution,
  useUpstreamUnavailable,
} from './error-codes';
import {
  WS_KEEP_ALIVE_MS,
  closeWebSockets,
  keepConnectionsAlive,
  loadAuthConfig,
  type AuthConfig,
} from '@nq57/shared/core';

/**
 * How the gateway calls every subgraph over HTTP. No merging of identical in-flight queries: to merge, the
 * executor copies every query's answer (`structuredClone`), merged or not, which was a tenth of the gateway's CPU
 * on a national trace (1 MB); and requests carry the caller's token, so only one caller's twin requests merged.
 */
const SUBGRAPH_HTTP_OPTIONS = { deduplicateInflightRequests: false } as const;

/** Where the gateway listens and which subgraphs it federates. */
export interface GatewayOptions {
  port?: number;
  host?: string;
  subgraphs: SubgraphUrls;
  /** How bearer tokens are verified (default: from the environment, see loadAuthConfig). */
  auth?: AuthConfig;
  /** Abuse limits in place of those the environment sets (see gateway/src/limits/options.ts). */
  limits?: Partial<LimitOptions>;
  /** Cross-origin policy in place of NQ57_CORS_ORIGINS's (default: no other origin may read). */
  cors?: CorsSetting;
  /** How operations are planned in place of NQ57_QUERY_PLANNER's (default: the Rust planner). */
  queryPlanner?: QueryPlanner;
}

/** A running gateway: one port for queries, mutations (HTTP) and subscriptions (graphql-ws). */
export interface GatewayHandle {
  url: string;
  wsUrl: string;
  port: number;
  /** Shared subscription executions, their subscribers, and the events executed so far (health, leak tests). */
  liveStats(): ShareStats & { eventExecutions: number };
  stop(): Promise<void>;
}

const EXAMPLE_QUERY = `# Follow one central task down to the provincial and commune tasks that carry it out (the README's Trace).
query Trace {
  directive(number: "71/NQ-CP") {
    number
    issuedOn
    tasks {
      ref
      content
      deadline {
        text
        dueDate
      }
      provincialTasks {
        ordinal
        plan {
          number
          province {
            name
          }
        }
      }
      communeTasks {
        ordinal
        commune {
          name
          province {
            name
          }
        }
      }
    }
  }
}
`;

/** Starts the federated gateway (Hive Gateway runtime) with the dashboard at / and the query page at /graphql. */
export async function start(options: GatewayOptions): Promise<GatewayHandle> {
  const auth = options.auth ?? (await loadAuthConfig());
  const limits = resolveLimits(options.limits);
  // One set of rate buckets for the plugins and for the joiners of shared executions.
  const operationLimits = new OperationLimits(limits);
  const eventResults = new EventResults();
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
    // No @defer/@stream (`deferStream`): the runtime's experimental support answered a deferred field of the
    // same subgraph with null (docs/security.md, "Protocol features"); validation refuses both directives.
    cors: options.cors ?? corsFromEnvironment(process.env),
    // Authentication first: the rate limit counts per context.identity.subject.
    plugins: () => [
      useAutomaticPersistedQueries(),
      useAuthentication(auth),
      useOperationResolution(),
      useCodedRequestErrors(),
      useFiniteFloatLiterals(),
      useUpstreamUnavailable(),
      ...limitPlugins(limits, { operationLimits }),
      useConcurrentSubscriptionEvents(eventResults),
    ],
    transportEntries: {
      '*': { options: SUBGRAPH_HTTP_OPTIONS },
      // The events subgraph streams its subscription over graphql-ws; queries still go over HTTP.
      events: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } },
    },
    // Given statically: the runtime's own dynamic import() of a transport fails inside Jest's module system.
    transports: { http: httpTransport, ws: failFastWsTransport },
    logging: process.env.NQ57_GATEWAY_LOG === 'debug' ? 'debug' : 'warn',
    // Hive's Rust query planner where it can (gateway/src/query-planner.ts): about a third of stitching's gateway
    // CPU on a national trace (docs/decisions/0007-national-load-trace.md). NQ57_QUERY_PLANNER=stitching goes back.
    unifiedGraphHandler: unifiedGraphHandlerFor(options.queryPlanner ?? queryPlannerFromEnv()),
  });
  // The runtime builds its schema on the first HTTP request; a WebSocket subscription that came first
  // would find none ("Expected null to be a GraphQL schema"), so build it before taking connections.
  await runtime.getSchema();
  const pageOf = (accept: string): Promise<Response> =>
    Promise.resolve(runtime.fetch('http://gateway/graphql', { headers: { accept } }));
  const server = createServer(
    // The live dashboard at / and its routes; GraphiQL stays at /graphql.
    withDashboard(withQueryPage(withBodyLimit(runtime, limits.maxBodyBytes), () => renderQueryPage(pageOf))),
  );
  keepConnectionsAlive(server);
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: limits.maxBodyBytes });
  const shared = new SharedSubscriptions();
  const wsServer = useServer(
    capSubscriptions(
      requestErrorsAsErrorMessages(
        shareIdenticalSubscriptions(
          {
            ...getGraphQLWSOptions<Record<string, unknown>, Extra>(runtime, (context) => ({
              req: context.extra.request,
              socket: context.extra.socket,
            })),
            ...socketAuthentication(auth),
          },
          shared,
          limits.maxTokens,
          (context) => operationLimits.rate(context),
        ),
      ),
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
    liveStats: () => ({ ...shared.stats(), eventExecutions: eventResults.executions }),
    stop: async () => {
      shared.dispose();
      await stopAll(server, sockets, wsServer, runtime);
    },
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
