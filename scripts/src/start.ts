import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@nq57/shared';
import { startHub } from './hub';

const DATABASE = 'nq57';

/** `npm start`: the whole hub on one machine, with an embedded PostgreSQL unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded();
  const serverUrl = process.env.DATABASE_URL ?? (embedded as EmbeddedDatabase).url;
  const databaseUrl = process.env.DATABASE_URL ?? withDatabase(serverUrl, DATABASE);
  if (embedded) await ensureDatabase(serverUrl, DATABASE);
  const hub = await startHub({
    databaseUrl,
    gatewayPort: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '127.0.0.1',
    subgraphPorts: { central: 4001, provincial: 4002, commune: 4003, events: 4004 },
  });
  console.log(
    `nq57-hub is ready: ${hub.gateway.url} (query page in a browser, GraphQL over HTTP and WebSocket)`,
  );
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await hub.stop();
    await embedded?.stop();
    process.exit(0);
  };
  // `on`, not `once`: a library's signal-exit hook re-raises the signal when it finds no other listener.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function startEmbedded(): Promise<EmbeddedDatabase> {
  const dataDir = process.env.NQ57_DATA_DIR ?? path.resolve(__dirname, '../../.data/postgres');
  const port = Number(process.env.NQ57_PG_PORT ?? 5433);
  console.log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
  return startEmbeddedPostgres({ dataDir, port, persistent: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
