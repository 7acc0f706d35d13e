import type { SubgraphServiceHandle, SubgraphServiceOptions } from './level-service';

/** Runs a subgraph service as a process: config from the environment, clean stop on SIGTERM/SIGINT. */
export async function runService(
  start: (options: SubgraphServiceOptions) => Promise<SubgraphServiceHandle>,
  defaultPort: number,
): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('DATABASE_URL is required to run one service alone (npm start runs the whole hub)');
  const handle = await start({
    databaseUrl,
    port: Number(process.env.PORT ?? defaultPort),
    host: process.env.HOST ?? '0.0.0.0',
    seed: process.env.SEED !== 'false',
  });
  console.log(`[${handle.name}] subgraph ready at ${handle.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a library's signal-exit hook re-raises the signal when it finds no other listener.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
