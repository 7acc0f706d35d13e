import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { bearerToken, unauthenticated, verifyToken, type AuthConfig, type Identity } from '@nq57/shared/core';
import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { SHARED_EXECUTION } from './live/share-options';
import { rememberSocketIdentity } from './live/socket-identity';

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
  const header =
    context.request?.headers.get('authorization') ?? authorizationParam(context.connectionParams);
  if (header === undefined || header === null) return null;
  const token = typeof header === 'string' ? bearerToken(header) : null;
  if (!token) throw unauthenticated('Send the token as "Authorization: Bearer <token>"');
  return token;
}

/** The init payload's authorization value, its key matched without regard to case as HTTP headers are. */
function authorizationParam(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const key = Object.keys(params).find((name) => name.toLowerCase() === 'authorization');
  return key === undefined ? undefined : params[key];
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
      // An execution shared by several clients carries none of their tokens upstream (see SHARED_EXECUTION).
      const shared = (context as { [SHARED_EXECUTION]?: boolean })[SHARED_EXECUTION] === true;
      extendContext({ identity, token: shared ? null : token });
    },
    // Over HTTP and over graphql-ws alike: the runtime's own header propagation needs a Fetch Request, which a
    // WebSocket operation does not have, so a mutation sent over the socket would reach its subgraph anonymous.
    onSubgraphExecute({ executionRequest }) {
      const token = (executionRequest.context as Partial<IdentityContext> | undefined)?.token;
      if (!token || executionRequest.operationType === 'subscription') return;
      const extensions = (executionRequest.extensions ??= {});
      extensions.headers = {
        ...(extensions.headers as Record<string, string>),
        ...forwardToken({ context: { token } }),
      };
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
      const socket = ctx.extra.socket;
      rememberSocketIdentity(socket, identity);
      if (!identity) return auth.publicReads;
      const expiresAt = identity.expiresAt * 1000;
      const closeWhenExpired = (): void => {
        const left = expiresAt - Date.now();
        // Node's timers hold at most 2^31 - 1 ms (24.8 days): a longer token is checked again at that horizon.
        if (left > 0) timers.set(socket, setTimeout(closeWhenExpired, Math.min(left, MAX_TIMER_MS)));
        else socket.close(CLOSE_UNAUTHENTICATED, 'Token expired');
      };
      closeWhenExpired();
      return true;
    },
    onClose: (ctx) => clearTimeout(timers.get(ctx.extra.socket)),
  };
}

/** The longest delay setTimeout honours; longer ones fire at once (with a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
