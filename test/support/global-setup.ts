import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../shared/src/db/embedded-postgres';

/** Starts one throw-away PostgreSQL for the whole run, unless DATABASE_URL points at one already. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nq57-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  process.env.DATABASE_URL = database.url;
  (globalThis as { __NQ57_PG__?: { stop(): Promise<void> } }).__NQ57_PG__ = database;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
