import { SignJWT, errors, jwtVerify, type KeyLike } from 'jose';
import type { AuthConfig } from './auth-config';
import { isJurisdiction, isRole, unauthenticated, type Identity, type Role } from './identity';

/** The bearer token of an Authorization header value, or null when there is none. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_.-]{1,4096})\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** The identity a token proves; UNAUTHENTICATED for a bad signature, a wrong issuer, expiry or odd claims. */
export async function verifyToken(token: string, config: AuthConfig): Promise<Identity> {
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
  if (typeof sub !== 'string' || !isRole(role) || !isJurisdiction(jurisdiction) || typeof exp !== 'number') {
    throw unauthenticated('The token lacks a subject, a known role or a jurisdiction');
  }
  if (agency !== undefined && (typeof agency !== 'string' || agency.length > 200)) {
    throw unauthenticated('The agency claim must be a short string');
  }
  return { subject: sub, role, jurisdiction, agency: agency ?? null, expiresAt: exp };
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
