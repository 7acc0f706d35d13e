import { SignJWT, errors, jwtVerify, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from './auth-config';
import { isJurisdiction, isRole, unauthenticated, type Identity, type Role } from './identity';

/** The bearer token of an Authorization header value, or null when there is none. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_.-]{1,4096})\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Tokens already verified, per configuration: a signature is checked once per token, not once per request. */
const VERIFIED = new WeakMap<AuthConfig, LRUCache<string, Identity>>();
/** Distinct live tokens kept verified per process; beyond that the least recently used is verified again. */
export const VERIFIED_TOKENS_KEPT = 20_000;

/**
 * The identity a token proves; UNAUTHENTICATED for a bad signature, a wrong issuer, expiry or odd claims. A
 * token that verified before is answered from memory until it expires (its expiry is checked on every call).
 */
export async function verifyToken(token: string, config: AuthConfig): Promise<Identity> {
  const verified = verifiedTokens(config);
  const known = verified.get(token);
  if (known) {
    if (Date.now() < known.expiresAt * 1000) return known;
    verified.delete(token);
    throw unauthenticated('The token has expired');
  }
  const identity = Object.freeze(await verifySignature(token, config));
  verified.set(token, identity, { ttl: Math.max(1, identity.expiresAt * 1000 - Date.now()) });
  return identity;
}

function verifiedTokens(config: AuthConfig): LRUCache<string, Identity> {
  let verified = VERIFIED.get(config);
  if (!verified) {
    verified = new LRUCache<string, Identity>({ max: VERIFIED_TOKENS_KEPT });
    VERIFIED.set(config, verified);
  }
  return verified;
}

async function verifySignature(token: string, config: AuthConfig): Promise<Identity> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, config.key as KeyLike, {
      algorithms: config.algorithms,
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    const expired = error instanceof errors.JWTExpired;
    throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid here');
  }
  const { sub, role, jurisdiction, agency, exp } = payload;
  // An empty subject would make every such caller one actor in the log; an empty agency, no agency at all.
  if (!isSubject(sub) || !isRole(role) || !isJurisdiction(jurisdiction) || typeof exp !== 'number') {
    throw unauthenticated('The token lacks a subject, a known role or a jurisdiction');
  }
  if (agency !== undefined && (typeof agency !== 'string' || agency.trim() === '' || agency.length > 200)) {
    throw unauthenticated('The agency claim, when given, must be a short non-empty string');
  }
  return { subject: sub, role, jurisdiction, agency: agency ?? null, expiresAt: exp };
}

function isSubject(sub: unknown): sub is string {
  return typeof sub === 'string' && sub.trim() !== '' && sub.length <= 200;
}

/** A token for `claims`, signed with `key` (the local key, or an issuer's, in tests and `npm run token`). */
export function signToken(
  claims: { subject: string; role: Role; jurisdiction: string; agency?: string; ttlSeconds: number },
  config: Pick<AuthConfig, 'issuer' | 'audience'> & { signingKey: KeyLike | Uint8Array; algorithm: string },
): Promise<string> {
  return new SignJWT({
    role: claims.role,
    jurisdiction: claims.jurisdiction,
    ...(claims.agency ? { agency: claims.agency } : {}),
  })
    .setProtectedHeader({ alg: config.algorithm })
    .setSubject(claims.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + claims.ttlSeconds)
    .sign(config.signingKey);
}
