import type { Server } from 'node:http';
import type { WebSocketServer } from 'ws';

/** How long a graphql-ws server may take to close its sockets gracefully before they are cut. */
const CLOSE_GRACE_MS = 2000;

/**
 * graphql-ws keep-alive: a ping every this many ms, and the socket is dropped without a pong in as long. 12 s
 * (the default) killed the gateway's one upstream socket, and with it every subscription, when a ping queued
 * behind a backlog of events.
 */
export const WS_KEEP_ALIVE_MS = 60_000;

/**
 * Ends a graphql-ws server: asks every socket to close, waits at most CLOSE_GRACE_MS (a socket with a backlog
 * may never finish), then cuts the rest and closes the WebSocket server.
 */
export async function closeWebSockets(
  graphqlWs: { dispose: () => void | Promise<void> },
  sockets: WebSocketServer,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
  await Promise.race([Promise.resolve(graphqlWs.dispose()), grace]);
  clearTimeout(timer);
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
}

/**
 * Keeps idle HTTP connections open longer than clients keep them (undici: 4 s), so a client never reuses a
 * socket this server has just closed ("socket hang up" on a busy gateway).
 */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
