import { Role, localKeyPair, signToken } from '@nq57/shared';

/** The claims a test token carries; `ttlSeconds` defaults to an hour. */
export interface TestClaims {
  role: Role | `${Role}`;
  jurisdiction: string;
  agency?: string;
  subject?: string;
  ttlSeconds?: number;
}

/** A token signed with the run's development key (NQ57_AUTH_DIR, made by the global setup). */
export async function tokenFor(claims: TestClaims): Promise<string> {
  const dir = process.env.NQ57_AUTH_DIR;
  if (!dir) throw new Error('NQ57_AUTH_DIR is not set: the global setup makes the key pair');
  const { privateKey } = await localKeyPair(dir);
  return signToken(
    {
      subject: claims.subject ?? `${claims.role}@${claims.jurisdiction}`,
      role: claims.role as Role,
      jurisdiction: claims.jurisdiction,
      agency: claims.agency,
      ttlSeconds: claims.ttlSeconds ?? 3600,
    },
    { issuer: 'nq57-hub', audience: 'nq57-hub', signingKey: privateKey, algorithm: 'ES256' },
  );
}

/** A token of the hub's administrator, for tests about something other than authorization. */
export function adminToken(): Promise<string> {
  return tokenFor({ role: Role.ADMIN, jurisdiction: 'central', subject: 'test-admin' });
}
