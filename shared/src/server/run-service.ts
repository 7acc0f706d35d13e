import type { LevelServiceHandle, LevelServiceOptions } from './level-service';

/** Runs a level service as a process: config from the environment, clean stop on SIGTERM/SIGINT. */
export async function runService(
  start: (options: LevelServiceOptions) => Promise<LevelServiceHandle>,
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
  const stop = (): void => {
    handle.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
