import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/src/embedded-postgres';
import { freePort } from '../../scripts/src/processes';
import { localKeyPair } from '../../shared/src/auth/auth-config';

/** Starts one throw-away PostgreSQL for the whole run, unless DATABASE_URL points at one already. */
export default async function globalSetup(): Promise<void> {
  // One development key pair for the run: in-process services, child processes and test tokens share it.
  process.env.NQ57_AUTH_DIR ??= await mkdtemp(path.join(os.tmpdir(), 'nq57-test-auth-'));
  await localKeyPair(process.env.NQ57_AUTH_DIR);
  if (process.env.DATABASE_URL) return;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nq57-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  process.env.DATABASE_URL = database.url;
  (globalThis as { __NQ57_PG__?: { stop(): Promise<void> } }).__NQ57_PG__ = database;
}
