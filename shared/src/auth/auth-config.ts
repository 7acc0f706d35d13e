import {
  createLocalJWKSet,
  generateKeyPair,
  exportPKCS8,
  exportSPKI,
  importPKCS8,
  importSPKI,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { createPublicKey, createSecretKey } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How tokens are checked, where the key comes from, and whether reads need one. */
export interface AuthConfig {
  key: KeyLike | Uint8Array | JWTVerifyGetKey;
  algorithms: string[];
  issuer: string;
  audience: string;
  /** Reads without a token (default true: "Ba công khai", progress and results are public). */
  publicReads: boolean;
  /** Set only for the local development key: lets `npm run token` sign. */
  signingKey?: KeyLike;
}

const ISSUER = 'nq57-hub';
const LOCAL_ALGORITHM = 'ES256';

/**
 * Reads the verification key from the environment: NQ57_JWT_SECRET (HS256, at least 32 bytes),
 * NQ57_JWT_PUBLIC_KEY_FILE (PEM: RS256 or ES256) or NQ57_JWKS_FILE; else the local development key pair in
 * NQ57_AUTH_DIR (default `.data/auth`), generated on first use. Throws on a weak or unreadable key.
 */
export async function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): Promise<AuthConfig> {
  const common = {
    issuer: env.NQ57_JWT_ISSUER ?? ISSUER,
    audience: env.NQ57_JWT_AUDIENCE ?? ISSUER,
    publicReads: env.NQ57_PUBLIC_READS !== 'false',
  };
  if (env.NQ57_JWT_SECRET) {
    const secret = Buffer.from(env.NQ57_JWT_SECRET, 'utf8');
    if (secret.length < 32) throw new Error('NQ57_JWT_SECRET must be at least 32 bytes');
    return { ...common, key: createSecretKey(secret), algorithms: ['HS256'] };
  }
  if (env.NQ57_JWT_PUBLIC_KEY_FILE) {
    const pem = await readFile(env.NQ57_JWT_PUBLIC_KEY_FILE, 'utf8');
    const algorithm = createPublicKey(pem).asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
    return { ...common, key: await importSPKI(pem, algorithm), algorithms: [algorithm] };
  }
  if (env.NQ57_JWKS_FILE) {
    const jwks = JSON.parse(await readFile(env.NQ57_JWKS_FILE, 'utf8')) as Parameters<
      typeof createLocalJWKSet
    >[0];
    return { ...common, key: createLocalJWKSet(jwks), algorithms: ['RS256', 'ES256'] };
  }
  const pair = await localKeyPair(env.NQ57_AUTH_DIR ?? path.resolve(__dirname, '../../../.data/auth'));
  return { ...common, key: pair.publicKey, algorithms: [LOCAL_ALGORITHM], signingKey: pair.privateKey };
}

/** The development key pair in `dir`, created (private key mode 0600) when it does not exist yet. */
export async function localKeyPair(dir: string): Promise<{ publicKey: KeyLike; privateKey: KeyLike }> {
  const privateFile = path.join(dir, 'jwt-private.pem');
  const publicFile = path.join(dir, 'jwt-public.pem');
  const existing = await readFile(privateFile, 'utf8').catch(() => null);
  if (existing) {
    return {
      privateKey: await importPKCS8(existing, LOCAL_ALGORITHM),
      publicKey: await importSPKI(await readFile(publicFile, 'utf8'), LOCAL_ALGORITHM),
    };
  }
  const pair = await generateKeyPair(LOCAL_ALGORITHM, { extractable: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Written without overwriting: two processes starting at once keep whichever key landed first.
  await writeFile(privateFile, await exportPKCS8(pair.privateKey), { mode: 0o600, flag: 'wx' }).catch(
    (error: { code?: string }) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await writeFile(publicFile, await exportSPKI(pair.publicKey), { flag: 'wx' }).catch(
    (error: { code?: string }) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await chmod(privateFile, 0o600);
  return localKeyPair(dir);
}
