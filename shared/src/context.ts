import type { IncomingMessage } from 'node:http';
import type { AuthConfig } from './auth/auth-config';
import { unauthenticated, type Identity } from './auth/identity';
import { bearerToken, verifyToken } from './auth/tokens';

/**
 * Who is calling, from the request's bearer token (the gateway forwards the client's): null without one,
 * UNAUTHENTICATED for a token that does not verify. No header the caller could simply set is trusted.
 */
export async function identityOf(request: IncomingMessage, auth: AuthConfig): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const token = bearerToken(header);
  if (!token) throw unauthenticated('Send the token as "Authorization: Bearer <token>"');
  return verifyToken(token, auth);
}

/** What every resolver gets: this request's loaders, the verified identity, and the actor events record. */
export interface RequestContext<Loaders> {
  loaders: Loaders;
  identity: Identity | null;
  /** The identity's subject, or "anonymous". */
  actor: string;
}
