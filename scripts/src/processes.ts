import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The programs of the hub, each runnable as its own process from its compiled `dist/index.js`. */
export type ProgramName = 'central' | 'provincial' | 'commune' | 'events' | 'gateway';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY: Record<ProgramName, string> = {
  central: 'services/central/dist/index.js',
  provincial: 'services/provincial/dist/index.js',
  commune: 'services/commune/dist/index.js',
  events: 'services/events/dist/index.js',
  gateway: 'gateway/dist/index.js',
};

/** A program running as a child process on a port of its own. */
export interface RunningProcess {
  name: ProgramName;
  port: number;
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
}

/** A free TCP port on 127.0.0.1, as the OS hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a program with `env` on `port` (a free one if omitted) and resolves once its health check passes. */
export async function spawnProgram(
  name: ProgramName,
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  const chosen = port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [...profileFlags(name), path.join(ROOT, ENTRY[name])], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(chosen), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running: RunningProcess = {
    name,
    port: chosen,
    url: `http://127.0.0.1:${chosen}/graphql`,
    wsUrl: `ws://127.0.0.1:${chosen}/graphql`,
    child,
    exited,
    output: () => output,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await waitUntilHealthy(running);
  return running;
}

/**
 * Node flags that write a CPU profile of the child into NQ57_CPU_PROF_DIR when it is set (Node refuses
 * --cpu-prof in NODE_OPTIONS); NQ57_CPU_PROF_ONLY, a comma-separated list of program names, narrows it.
 */
function profileFlags(name: ProgramName): string[] {
  const dir = process.env.NQ57_CPU_PROF_DIR;
  const only = process.env.NQ57_CPU_PROF_ONLY?.split(',').map((part) => part.trim());
  if (!dir || (only && !only.includes(name))) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}

async function waitUntilHealthy(running: RunningProcess, timeoutMs = 60000): Promise<void> {
  const healthUrl = `http://127.0.0.1:${running.port}/${running.name === 'gateway' ? 'readiness' : 'health'}`;
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void running.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${running.name} exited while starting:\n${running.output()}`);
    const ok = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await running.kill('SIGKILL');
  throw new Error(`${running.name} was not healthy within ${timeoutMs} ms:\n${running.output()}`);
}

/** The subgraph URLs a gateway process federates. */
export interface SubgraphProcesses {
  central: RunningProcess;
  provincial: RunningProcess;
  commune: RunningProcess;
  events: RunningProcess;
}

/** Starts the four subgraphs as processes on one database, the events subgraph first (it owns the log). */
export async function spawnSubgraphs(databaseUrl: string): Promise<SubgraphProcesses> {
  const started: RunningProcess[] = [];
  const keep = async (starting: Promise<RunningProcess>): Promise<RunningProcess> => {
    const running = await starting;
    started.push(running);
    return running;
  };
  try {
    const events = await keep(spawnProgram('events', { DATABASE_URL: databaseUrl }));
    const central = await keep(spawnProgram('central', { DATABASE_URL: databaseUrl }));
    const provincial = await keep(
      spawnProgram('provincial', { DATABASE_URL: databaseUrl, CENTRAL_URL: central.url }),
    );
    const commune = await keep(spawnSubgraphReplica('commune', databaseUrl, { central, provincial }));
    return { central, provincial, commune, events };
  } catch (error) {
    // A later subgraph failed to start: stop the earlier ones rather than leave them orphaned.
    await Promise.all(started.map((running) => running.kill('SIGTERM')));
    throw error;
  }
}

/** One more process of a subgraph on the same database (a replica), with the URLs it needs of the others. */
export function spawnSubgraphReplica(
  name: Exclude<ProgramName, 'gateway'>,
  databaseUrl: string,
  upstream: { central: RunningProcess; provincial: RunningProcess },
  port?: number,
): Promise<RunningProcess> {
  return spawnProgram(
    name,
    { DATABASE_URL: databaseUrl, CENTRAL_URL: upstream.central.url, PROVINCIAL_URL: upstream.provincial.url },
    port,
  );
}

/** Starts a gateway process federating the given subgraph processes. */
export function spawnGateway(subgraphs: SubgraphProcesses, port?: number): Promise<RunningProcess> {
  return spawnProgram(
    'gateway',
    {
      CENTRAL_URL: subgraphs.central.url,
      PROVINCIAL_URL: subgraphs.provincial.url,
      COMMUNE_URL: subgraphs.commune.url,
      EVENTS_URL: subgraphs.events.url,
    },
    port,
  );
}
