import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { CENTRAL, Role, localKeyPair, signToken } from '@nq57/shared';
import {
  spawnGateway,
  spawnProgram,
  spawnSubgraphReplica,
  type RunningProcess,
  type SubgraphProcesses,
} from '../processes';
import { raiseRateLimits, startBenchDatabase } from './harness';

/** The hub under test: a database, the four subgraphs and one gateway, each program a child process. */
export interface BenchHub {
  databaseUrl: string;
  /** Where the database came from, for the report. */
  database: string;
  /** The postmaster's process id when the benchmark started the server itself. */
  postgresPid: number | null;
  /** A bearer token of the hub's administrator, for the writers (subscribers read anonymously). */
  writerToken: string;
  /** A token of `role` in `jurisdiction` (a province or commune code), signed with the run's throw-away key. */
  signToken(role: Role, jurisdiction: string): Promise<string>;
  subgraphs: SubgraphProcesses;
  gateway: RunningProcess;
  /** Replaces the events subgraph and the gateway with fresh processes (for clean memory figures). */
  restartLive(): Promise<void>;
  /** The highest sequence number in the event log. */
  lastSeq(): Promise<number>;
  /** The logged events after `fromSeq`, with what subscribers filter them on. */
  eventsAfter(fromSeq: number): Promise<LoggedEvent[]>;
  /** Stops every process and the database; safe to call twice. */
  stop(): Promise<void>;
}

/** An event of the log as a filter sees it. */
export interface LoggedEvent {
  seq: number;
  provinceCode: string | null;
  communeCode: string | null;
  /** Folded numbers of the directives the task implements, as a `directiveNumber` filter matches them. */
  directiveKeys: string[];
}

const STOP_TIMEOUT_MS = 10_000;

/** Starts a throw-away database (embedded, or a fresh one on DATABASE_URL's server), the subgraphs and a gateway. */
export async function startBenchHub(log: (line: string) => void): Promise<BenchHub> {
  raiseRateLimits(log);
  const auth = await throwAwayAuth(log);
  const database = await startBenchDatabase('live', log).catch(async (error: unknown) => {
    await auth.remove();
    throw error;
  });
  const alive = new Set<RunningProcess>();
  const track = (child: RunningProcess): RunningProcess => {
    alive.add(child);
    return child;
  };
  const end = async (child: RunningProcess): Promise<void> => {
    await stopProcess(child, log);
    alive.delete(child);
  };
  const sql = new Client({ connectionString: database.url });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await sql.end().catch(() => undefined);
    // The gateway first, so no client request reaches a stopped subgraph; then the subgraphs together.
    const children = [...alive];
    await Promise.all(children.filter((child) => child.name === 'gateway').map(end));
    await Promise.all(children.filter((child) => child.name !== 'gateway').map(end));
    await database.stop();
    await auth.remove();
  };
  try {
    log('Starting the subgraphs and the gateway as child processes');
    const subgraphs = await startSubgraphs(database.url, track);
    const hub: BenchHub = {
      databaseUrl: database.url,
      database: database.description,
      postgresPid: database.pid,
      writerToken: auth.token,
      signToken: auth.sign,
      subgraphs,
      gateway: track(await spawnGateway(subgraphs)),
      restartLive: async () => {
        await end(hub.gateway);
        await end(hub.subgraphs.events);
        const events = track(await spawnProgram('events', { DATABASE_URL: database.url }));
        hub.subgraphs = { ...hub.subgraphs, events };
        hub.gateway = track(await spawnGateway(hub.subgraphs));
      },
      lastSeq: () => lastSeq(sql),
      eventsAfter: (fromSeq) => eventsAfter(sql, fromSeq),
      stop,
    };
    await sql.connect();
    return hub;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The four subgraphs in the order and with the settings of `spawnSubgraphs` (scripts/src/processes.ts), but
 * each one tracked as soon as it is healthy, so a failure further on still stops the ones already running.
 */
async function startSubgraphs(
  databaseUrl: string,
  track: (child: RunningProcess) => RunningProcess,
): Promise<SubgraphProcesses> {
  const events = track(await spawnProgram('events', { DATABASE_URL: databaseUrl }));
  const central = track(await spawnProgram('central', { DATABASE_URL: databaseUrl }));
  const provincial = track(
    await spawnProgram('provincial', { DATABASE_URL: databaseUrl, CENTRAL_URL: central.url }),
  );
  const commune = track(await spawnSubgraphReplica('commune', databaseUrl, { central, provincial }));
  return { central, provincial, commune, events };
}

async function lastSeq(sql: Client): Promise<number> {
  const { rows } = await sql.query<{ seq: string }>(
    'SELECT coalesce(max(seq), 0) AS seq FROM events.task_event',
  );
  return Number(rows[0].seq);
}

async function eventsAfter(sql: Client, fromSeq: number): Promise<LoggedEvent[]> {
  const { rows } = await sql.query<{
    seq: string;
    province_code: string | null;
    commune_code: string | null;
    directive_keys: string[] | null;
  }>(
    'SELECT seq, province_code, commune_code, directive_keys FROM events.task_event WHERE seq > $1 ORDER BY seq',
    [fromSeq],
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    directiveKeys: row.directive_keys ?? [],
  }));
}

/**
 * A development key pair of the run's own, in a temporary NQ57_AUTH_DIR that the hub's processes inherit, and
 * an administrator's token signed with it. Keys configured by NQ57_JWT_* are not used by this throw-away hub.
 */
async function throwAwayAuth(log: (line: string) => void): Promise<{
  token: string;
  sign(role: Role, jurisdiction: string): Promise<string>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nq57-bench-auth-'));
  for (const name of ['NQ57_JWT_SECRET', 'NQ57_JWT_PUBLIC_KEY_FILE', 'NQ57_JWKS_FILE', 'NQ57_PUBLIC_READS']) {
    if (process.env[name] !== undefined) log(`Ignoring ${name}: the benchmark's hub uses a key of its own`);
    delete process.env[name];
  }
  process.env.NQ57_AUTH_DIR = dir;
  const { privateKey } = await localKeyPair(dir);
  const sign = (role: Role, jurisdiction: string): Promise<string> =>
    signToken(
      { subject: `bench-live-${role}-${jurisdiction}`, role, jurisdiction, ttlSeconds: 24 * 3600 },
      { issuer: 'nq57-hub', audience: 'nq57-hub', signingKey: privateKey, algorithm: 'ES256' },
    );
  const token = await sign(Role.ADMIN, CENTRAL);
  return { token, sign, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** SIGTERM, then SIGKILL if the process has not ended within 10 s; says how it ended unless it exited with 0. */
async function stopProcess(child: RunningProcess, log: (line: string) => void): Promise<void> {
  const timer = setTimeout(() => void child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const { code, signal } = await child.kill('SIGTERM');
  clearTimeout(timer);
  if (code !== 0) {
    log(`${child.name} (port ${child.port}) ended with ${signal ?? `exit code ${code}`} on SIGTERM:`);
    log(child.output().split('\n').slice(-20).join('\n'));
  }
}
