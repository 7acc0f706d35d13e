import path from 'node:path';
import { ensureDatabase, withDatabase } from '@nq57/shared';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { startHub } from './hub';
import { portInUseMessage, readStartConfig, type StartConfig } from './start-config';

const DATABASE = 'nq57';

/** `npm start`: the whole hub on one machine, with an embedded PostgreSQL unless DATABASE_URL is set. */
async function main(config: StartConfig): Promise<void> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded(config);
  try {
    const serverUrl = process.env.DATABASE_URL ?? (embedded as EmbeddedDatabase).url;
    const databaseUrl = process.env.DATABASE_URL ?? withDatabase(serverUrl, DATABASE);
    if (embedded) await ensureDatabase(serverUrl, DATABASE);
    const hub = await startHub({
      databaseUrl,
      gatewayPort: config.gatewayPort,
      host: config.host,
      subgraphPorts: config.subgraphPorts,
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
  } catch (error) {
    // A failed start must not leave the embedded server running behind it.
    await embedded?.stop();
    throw error;
  }
}

async function startEmbedded(config: StartConfig): Promise<EmbeddedDatabase> {
  console.log(`Starting embedded PostgreSQL on 127.0.0.1:${config.postgresPort} (data in ${config.dataDir})`);
  return startEmbeddedPostgres({ dataDir: config.dataDir, port: config.postgresPort, persistent: true });
}

function run(): void {
  let config: StartConfig;
  try {
    config = readStartConfig(process.env, path.resolve(__dirname, '../..'));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  main(config).catch((error: unknown) => {
    console.error(portInUseMessage(error, config) ?? error);
    process.exit(1);
  });
}

run();
