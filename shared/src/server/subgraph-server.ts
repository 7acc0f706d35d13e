import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { maskUnexpectedError, UNEXPECTED_MESSAGE } from './mask-errors';
import { readBody, BodyError } from './read-body';
import { WS_KEEP_ALIVE_MS, closeWebSockets, keepConnectionsAlive } from './sockets';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** Builds the per-request context (fresh DataLoaders for every request). */
  context: (request: IncomingMessage) => Promise<TContext> | TContext;
  /** Reports readiness; throws when a dependency (the database) is unreachable. */
  health: () => Promise<Record<string, unknown>>;
  maxBodyBytes?: number;
  /** Also serve subscriptions over graphql-ws (WebSocket) at /graphql. */
  subscriptions?: boolean;
}

/** A listening HTTP server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The largest body a subgraph reads: NQ57_MAX_BODY_BYTES, the gateway's own limit, so that a request the gateway
 * admitted (a large plan import) is not refused on its way down; 1 MiB when unset or not a positive integer.
 */
export function subgraphBodyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.NQ57_MAX_BODY_BYTES);
  return Number.isInteger(value) && value > 0 ? value : 1024 * 1024;
}

/** Serves a subgraph schema at /graphql and its health at /health on one port. */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    // Subgraphs are internal (clients use the gateway's query page) and report no traces to a vendor. No schema
    // sets cache hints, and the cache-control plugin wraps every field resolver: on a national trace that is
    // tens of thousands of calls per request for nothing.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // No driver or runtime text reaches a client: it is logged under the reference the answer carries.
    formatError: maskUnexpectedError,
  });
  await apollo.start();
  const server = createServer((request, response) => {
    route(apollo, options, request, response).catch((error: unknown) => {
      console.error(error);
      fail(response, 500, UNEXPECTED_MESSAGE);
    });
  });
  keepConnectionsAlive(server);
  const stopSockets = options.subscriptions ? serveSubscriptions(server, options) : async () => undefined;
  const port = await listen(server, options.port, options.host ?? '127.0.0.1');
  return {
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    stop: async () => {
      await stopSockets();
      await closeServer(server);
      await apollo.stop();
    },
  };
}

/** graphql-ws on the server's /graphql; returns how to close every socket (ending their subscriptions). */
function serveSubscriptions<TContext extends BaseContext>(
  server: Server,
  options: SubgraphServerOptions<TContext>,
): () => Promise<void> {
  const sockets = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: options.maxBodyBytes ?? subgraphBodyLimit(),
  });
  const graphqlWs = useServer(
    {
      schema: options.schema,
      context: (ctx) => options.context(ctx.extra.request),
      // The same masking as over HTTP, for the errors of each streamed result.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? { ...result, errors: result.errors.map((error) => maskUnexpectedError(error.toJSON(), error)) }
          : undefined,
    },
    sockets,
    WS_KEEP_ALIVE_MS,
  );
  return () => closeWebSockets(graphqlWs, sockets);
}

async function route<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: SubgraphServerOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/health') return health(options, response);
  if (pathname !== '/graphql') return fail(response, 404, 'Not found: use /graphql or /health');
  let body: unknown;
  try {
    body = await readBody(request, options.maxBodyBytes ?? subgraphBodyLimit());
  } catch (error) {
    if (error instanceof BodyError) return fail(response, error.status, error.message);
    throw error;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers, search, body },
    context: () => Promise.resolve(options.context(request)),
  });
  response.statusCode = result.status ?? 200;
  for (const [key, value] of result.headers) response.setHeader(key, value);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

async function health<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
  response: ServerResponse,
): Promise<void> {
  try {
    const details = await options.health();
    sendJson(response, 200, { status: 'ok', service: options.name, ...details });
  } catch (error) {
    sendJson(response, 503, { status: 'unavailable', service: options.name, error: String(error) });
  }
}

function fail(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.end();
  sendJson(response, status, { errors: [{ message }] });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(value));
}

/** Listens on `port` (0 picks a free one) and resolves with the port bound. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops accepting connections, ends idle keep-alive ones, and resolves once the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
