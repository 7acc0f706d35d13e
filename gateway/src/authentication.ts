import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { bearerToken, unauthenticated, verifyToken, type AuthConfig, type Identity } from '@nq57/shared';
import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

/** What authentication adds to the gateway's context. */
export interface IdentityContext {
  identity: Identity | null;
  /** The client's token, forwarded to subgraphs so they verify it themselves. */
  token: string | null;
}

/** The bearer token of an HTTP request or of a WebSocket's connection_init payload; null when none is sent. */
export function tokenOf(context: {
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
}): string | null {
  const header = context.request?.headers.get('authorization') ?? context.connectionParams?.authorization;
  if (header === undefined || header === null) return null;
  const token = typeof header === 'string' ? bearerToken(header) : null;
  if (!token) throw unauthenticated('Send the token as "Authorization: Bearer <token>"');
  return token;
}

/**
 * Verifies every operation's token at the gateway: a bad or expired one is refused (UNAUTHENTICATED), none
 * is anonymous (allowed to read unless reads are closed), and the token goes on to the subgraphs.
 */
export function useAuthentication(auth: AuthConfig): GatewayPlugin<IdentityContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const token = tokenOf(context);
      const identity = token ? await verifyToken(token, auth) : null;
      if (!identity && !auth.publicReads) throw unauthenticated('Reads need a token on this hub');
      extendContext({ identity, token });
    },
  };
}

/** Sends the client's own token to each subgraph, which verifies it again (defence in depth). */
export function forwardToken({ context }: { context: Partial<IdentityContext> }): Record<string, string> {
  return context.token ? { authorization: `Bearer ${context.token}` } : {};
}

const CLOSE_UNAUTHENTICATED = 4401;

/**
 * graphql-ws hooks: a connection whose token does not verify is refused at connection_init, and a socket is
 * closed when its token expires, ending its subscriptions (the client must reconnect with a fresh token).
 */
export function socketAuthentication(auth: AuthConfig): {
  onConnect: (ctx: Context<Record<string, unknown> | undefined, Extra>) => Promise<boolean>;
  onClose: (ctx: Context<Record<string, unknown> | undefined, Extra>) => void;
} {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  return {
    onConnect: async (ctx) => {
      let identity: Identity | null;
      try {
        const token = tokenOf({ connectionParams: ctx.connectionParams });
        identity = token ? await verifyToken(token, auth) : null;
      } catch {
        return false;
      }
      if (!identity) return auth.publicReads;
      const socket = ctx.extra.socket;
      const closeAt = identity.expiresAt * 1000 - Date.now();
      timers.set(
        socket,
        setTimeout(() => socket.close(CLOSE_UNAUTHENTICATED, 'Token expired'), Math.max(0, closeAt)),
      );
      return true;
    },
    onClose: (ctx) => clearTimeout(timers.get(ctx.extra.socket)),
  };
}
