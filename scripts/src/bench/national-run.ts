import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { LiveBenchConfig } from './live-config';
import type { BenchHub } from './live-hub';
import {
  cpuSeconds,
  CpuMeter,
  machineBusySeconds,
  openFilesSoftLimit,
  PeakRss,
  postgresCpuSeconds,
  raiseOpenFiles,
  rssKiB,
} from './live-proc';
import { logTail, pidOf, steadyListeners, waitForListeners, withOthers } from './live-steps';
import { emptyResult, sendUpdate, TaskPool } from './live-writers';
import type { NationalFill } from './national-data';
import {
  CommitClock,
  latencyOf,
  latencyReport,
  type LatencyReport,
  type LatencySummary,
} from './national-latency';
import {
  countByKind,
  distinctDocuments,
  distinctOperations,
  subscriberMix,
  type NationalKind,
  type NationalSubscriber,
} from './national-mix';
import { expectedDigests, verify, type Verdict } from './national-oracle';
import {
  fillNationDatabase,
  indexNation,
  vacuumNation,
  loadNation,
  type NationalData,
  type NationalTask,
} from './national-setup';
import { NationalPool, nowMs, type NationalRecording } from './national-subscribers';
import { reportAtRate, reporterTokens, spreadOrder, type NationalWriteResult } from './national-writers';

/** Latency and commit counts are reported per window of this many seconds. */
export const WINDOW_SECONDS = 10;
const PROBE_ROUNDS = 3;
const PROBE_WAIT_MS = 15_000;
const LISTENERS_TIMEOUT_S = 180;
const OPEN_FILES_MARGIN = 512;

/** How the subscribers were opened and made ready before the measured run. */
export interface NationalIdle {
  requested: number;
  opened: number;
  openSeconds: number;
  /** The events subgraph's feed listeners once the count was steady. */
  listeners: number;
  /** Subscribers a probe report was aimed at, and how many of them received one. */
  probed: number;
  ready: number;
  probeReports: number;
  readySeconds: number;
  rss: { gateway: [number, number]; events: [number, number] };
}

/** Everything one national run measured. */
export interface NationalResult {
  fill: NationalFill;
  /** Tasks indexed for search after the fill, and how long it took. */
  indexed: number;
  indexSeconds: number;
  /** Seconds of the VACUUM ANALYZE after the indexing. */
  vacuumSeconds: number;
  tasks: number;
  provinces: number;
  communes: number;
  directives: string[];
  subscribers: Record<NationalKind, number>;
  crossSubscribers: number;
  distinctOperations: number;
  openFiles: number;
  idle: NationalIdle;
  /** The reports before the measured ones (none when `warmupSeconds` is 0). */
  warmup: NationalWriteResult | null;
  write: NationalWriteResult;
  events: number;
  verdict: Verdict;
  /** The same check for each kind of subscriber. */
  verdicts: Record<NationalKind, Verdict>;
  stale: number;
  latency: LatencyReport;
  /** Latency from commit for each kind of subscriber, and for plain and cross-subgraph selections. */
  latencyBy: Record<NationalKind | 'plain' | 'cross', LatencySummary>;
  /** Seconds from the last report answered to the last delivery; null when some were missing at the deadline. */
  drainSeconds: number | null;
  /** Share of one core per process while reports were sent. */
  cpu: Record<string, number>;
  /** CPU seconds per process over the reports and the drain. */
  cpuSeconds: Record<string, number>;
  peakRssKiB: Record<string, number>;
  failures: Record<string, number>;
  listenersAfterClose: number | null;
  serverLogs?: Record<string, string>;
}

/** Fills the national data set into the hub, restarts its levels, and runs the national mode once. */
export async function runNational(
  hub: BenchHub,
  config: LiveBenchConfig,
  log: (line: string) => void,
): Promise<NationalResult> {
  log('Filling the national data set (50 tasks for each province and commune, and their trace links)');
  const fill = await fillNationDatabase(hub.databaseUrl);
  log(
    `${fill.provincialTasks} provincial, ${fill.communeTasks} commune tasks, ${fill.links} links in ${fill.seconds.toFixed(1)} s`,
  );
  const indexStarted = performance.now();
  const indexed = await indexNation(hub.databaseUrl);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  log(`${indexed} tasks indexed for search in ${indexSeconds.toFixed(1)} s`);
  const vacuumSeconds = await vacuumNation(hub.databaseUrl);
  log(`VACUUM ANALYZE in ${vacuumSeconds.toFixed(1)} s`);
  // Fresh events subgraph and gateway: memory and CPU figures start from processes that served nothing yet.
  await hub.restartLive();
  const data = await loadNation(hub.databaseUrl);
  const mix = subscriberMix(
    config,
    data.provinces,
    data.communes.map((commune) => commune.code),
    data.directives,
  );
  const tokens = await reporterTokens(data.tasks, hub.signToken);
  log(
    `${mix.length} subscribers (${distinctOperations(mix)} distinct operations), ${data.tasks.length} tasks, ${tokens.size} reporter tokens`,
  );
  const openFiles = checkOpenFiles(mix.length, log);
  const pool = new NationalPool(hub.gateway.wsUrl, mix);
  const tasks = new TaskPool(spreadOrder(data.tasks, 57));
  let result: NationalResult;
  try {
    const idle = await openAndProbe(hub, config, pool, mix, data, log);
    const warmup = await warmUp(hub, config, data, tasks, log);
    const measured = await measure(hub, config, pool, mix, tasks, tokens, log);
    const failed = pool.failures.size > 0 || measured.write.failures.size > 0;
    result = {
      fill,
      indexed,
      indexSeconds,
      vacuumSeconds,
      tasks: data.tasks.length,
      provinces: data.provinces.length,
      communes: data.communes.length,
      directives: data.directives,
      subscribers: countByKind(mix),
      crossSubscribers: mix.filter((subscriber) => subscriber.cross).length,
      distinctOperations: distinctOperations(mix),
      openFiles,
      idle,
      warmup,
      ...measured,
      failures: Object.fromEntries(pool.failures),
      listenersAfterClose: null,
      serverLogs: failed
        ? { gateway: logTail(hub.gateway), events: logTail(hub.subgraphs.events) }
        : undefined,
    };
  } finally {
    await pool.close(config.batch);
  }
  result.listenersAfterClose = await waitForListeners(hub, 0, 30);
  return result;
}

/**
 * The open-files soft limit after raising it for `subscribers` sockets in the load generator and in the
 * gateway (which inherits the limit), plus a margin; throws when it cannot be raised that far.
 */
function checkOpenFiles(subscribers: number, log: (line: string) => void): number {
  const needed = subscribers + OPEN_FILES_MARGIN;
  const before = openFilesSoftLimit();
  const limit = raiseOpenFiles(needed);
  if (limit !== before) log(`Raised the open-files soft limit from ${before} to ${limit}`);
  if (limit < needed) {
    throw new Error(
      `${subscribers} subscribers need about ${needed} open files; the soft limit is ${limit} and could not be ` +
        `raised (try \`ulimit -n ${needed}\` first)`,
    );
  }
  return limit;
}

/** Opens every subscriber, waits for a steady listener count, then sends probe reports until they arrive. */
async function openAndProbe(
  hub: BenchHub,
  config: LiveBenchConfig,
  pool: NationalPool,
  mix: readonly NationalSubscriber[],
  data: NationalData,
  log: (line: string) => void,
): Promise<NationalIdle> {
  const pids = { gateway: pidOf(hub.gateway), events: pidOf(hub.subgraphs.events) };
  const before = { gateway: rssKiB(pids.gateway), events: rssKiB(pids.events) };
  const started = performance.now();
  const opened = await pool.open(config.batch);
  const listeners = await steadyListeners(hub, distinctDocuments(mix), mix.length, LISTENERS_TIMEOUT_S);
  const openSeconds = (performance.now() - started) / 1000;
  log(
    `  ${opened} of ${mix.length} connections acknowledged in ${openSeconds.toFixed(1)} s; feed listeners ${listeners}`,
  );
  await sleep(2000);
  const rss = {
    gateway: [before.gateway, rssKiB(pids.gateway)] as [number, number],
    events: [before.events, rssKiB(pids.events)] as [number, number],
  };
  const probeStarted = performance.now();
  const probes = probeTasks(data);
  // A commune subscriber is aimed at only when its commune holds a probe task.
  const aimed = mix.map(
    (subscriber) => subscriber.kind !== 'commune' || probes.communes.has(subscriber.key.slice(2)),
  );
  let ready = 0;
  for (let round = 0; round < PROBE_ROUNDS; round++) {
    pool.watchAfter(await hub.lastSeq());
    await sendProbes(hub, probes.tasks);
    ready = await waitForProbes(pool, aimed, PROBE_WAIT_MS);
    log(
      `  probe round ${round + 1}: ${probes.tasks.length} reports, ${ready} of ${count(aimed)} subscribers aimed at received one`,
    );
    if (ready === count(aimed)) break;
  }
  return {
    requested: mix.length,
    opened,
    openSeconds,
    listeners,
    probed: count(aimed),
    ready,
    probeReports: probes.tasks.length,
    readySeconds: (performance.now() - probeStarted) / 1000,
    rss,
  };
}

/** One commune task in each province (it reaches that province's and the national subscribers), one per directive. */
function probeTasks(data: NationalData): { tasks: NationalTask[]; communes: Set<string> } {
  const provinceOf = new Map(data.communes.map((commune) => [commune.code, commune.provinceCode]));
  const byProvince = new Map<string, NationalTask>();
  for (const task of data.tasks) {
    const province =
      task.mutation === 'updateCommuneTaskStatus' ? provinceOf.get(task.jurisdiction) : undefined;
    if (province && !byProvince.has(province)) byProvince.set(province, task);
  }
  const byId = new Map(data.tasks.map((task) => [task.id, task]));
  const directive = [...data.directiveProbes.values()].flatMap((id) => byId.get(id) ?? []);
  const tasks = [...new Set([...byProvince.values(), ...directive])];
  return { tasks, communes: new Set([...byProvince.values()].map((task) => task.jurisdiction)) };
}

async function sendProbes(hub: BenchHub, tasks: readonly NationalTask[]): Promise<void> {
  // A pool of their own: a probe's release must not put a task into the reporters' pool a second time.
  const probePool = new TaskPool([]);
  const result = emptyResult();
  for (let start = 0; start < tasks.length; start += 8) {
    await Promise.all(
      tasks
        .slice(start, start + 8)
        .map((task) => sendUpdate({ url: hub.gateway.url, token: hub.writerToken }, probePool, task, result)),
    );
  }
}

async function waitForProbes(
  pool: NationalPool,
  aimed: readonly boolean[],
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let ready = 0;
  while (Date.now() < deadline) {
    ready = aimed.filter((wanted, i) => wanted && pool.hasSeen(i)).length;
    if (ready === count(aimed)) return ready;
    await sleep(200);
  }
  return ready;
}

function count(flags: readonly boolean[]): number {
  return flags.filter(Boolean).length;
}

/** Milliseconds the warm-up's last deliveries get before the measured reports start. */
export const WARMUP_SETTLE_MS = 5000;

/**
 * Reports at the measured rate for `warmupSeconds` (null when 0), each jurisdiction with a token signed for the
 * warm-up alone: the processes' code is compiled and their pools are open, as in a hub that has run before
 * the peak, while every token of the measured reports still costs its first verification.
 */
async function warmUp(
  hub: BenchHub,
  config: LiveBenchConfig,
  data: NationalData,
  tasks: TaskPool,
  log: (line: string) => void,
): Promise<NationalWriteResult | null> {
  if (config.warmupSeconds <= 0) return null;
  const tokens = await reporterTokens(data.tasks, hub.signToken);
  log(`  warm-up: ${config.nationalRate} reports/s for ${config.warmupSeconds} s, tokens of its own`);
  const warmup = await reportAtRate(hub.gateway.url, tasks, tokens, {
    rate: config.nationalRate,
    seconds: config.warmupSeconds,
    concurrency: config.concurrency,
    windowSeconds: WINDOW_SECONDS,
  });
  log(`  warm-up: ${warmup.committed} of ${warmup.planned} committed`);
  await sleep(WARMUP_SETTLE_MS);
  return warmup;
}

type Measured = Pick<
  NationalResult,
  | 'write'
  | 'events'
  | 'verdict'
  | 'verdicts'
  | 'stale'
  | 'latency'
  | 'latencyBy'
  | 'drainSeconds'
  | 'cpu'
  | 'cpuSeconds'
  | 'peakRssKiB'
>;

/** The measured run: reports at the target rate with every subscriber attached, then the drain and the check. */
async function measure(
  hub: BenchHub,
  config: LiveBenchConfig,
  pool: NationalPool,
  mix: readonly NationalSubscriber[],
  tasks: TaskPool,
  tokens: ReadonlyMap<string, string>,
  log: (line: string) => void,
): Promise<Measured> {
  const listener = new Client({ connectionString: hub.databaseUrl });
  await listener.connect();
  const clock = await CommitClock.listen(listener, nowMs);
  try {
    const fromSeq = await hub.lastSeq();
    const planned = Math.round(config.nationalRate * config.nationalSeconds);
    const fanOut = config.dashboards + config.perProvince + config.perCommune + config.directiveSubscribers;
    const recording = pool.record(fromSeq, planned * fanOut);
    const meters = processMeters(hub);
    const startedAt = nowMs();
    log(
      `  ${config.nationalRate} reports/s for ${config.nationalSeconds} s, at most ${config.concurrency} in flight`,
    );
    const write = await reportAtRate(hub.gateway.url, tasks, tokens, {
      rate: config.nationalRate,
      seconds: config.nationalSeconds,
      concurrency: config.concurrency,
      windowSeconds: WINDOW_SECONDS,
    });
    const cpu = withOthers(meters.during.stop());
    const lastAnswerAt = nowMs();
    const events = await hub.eventsAfter(fromSeq);
    const expected = expectedDigests(events);
    const keys = mix.map((subscriber) => subscriber.key);
    const total = keys.reduce((sum, key) => sum + (expected.get(key)?.count ?? 0), 0);
    log(`  ${write.committed} of ${write.planned} committed; waiting for ${total} deliveries`);
    const complete = await drain(recording, total, lastAnswerAt + config.drainSeconds * 1000);
    return {
      write,
      events: events.length,
      verdict: verify(keys, recording.received, expected),
      verdicts: verdictsByKind(mix, recording, expected),
      stale: recording.stale,
      latency: latencyReport(recording.deliveries, clock.committedAt, startedAt, WINDOW_SECONDS),
      latencyBy: latencyByGroup(mix, recording, clock.committedAt),
      drainSeconds: complete ? Math.max(0, recording.lastDeliveryAt - lastAnswerAt) / 1000 : null,
      cpu,
      cpuSeconds: meters.whole.seconds(),
      peakRssKiB: meters.peak.stop(),
    };
  } finally {
    await clock.stop();
  }
}

function latencyByGroup(
  mix: readonly NationalSubscriber[],
  recording: NationalRecording,
  committedAt: ReadonlyMap<number, number>,
): NationalResult['latencyBy'] {
  const of = (chosen: (subscriber: NationalSubscriber) => boolean): LatencySummary =>
    latencyOf(recording.deliveries, committedAt, (i) => chosen(mix[i]));
  return {
    national: of((subscriber) => subscriber.kind === 'national'),
    province: of((subscriber) => subscriber.kind === 'province'),
    commune: of((subscriber) => subscriber.kind === 'commune'),
    directive: of((subscriber) => subscriber.kind === 'directive'),
    plain: of((subscriber) => !subscriber.cross),
    cross: of((subscriber) => subscriber.cross),
  };
}

function verdictsByKind(
  mix: readonly NationalSubscriber[],
  recording: NationalRecording,
  expected: ReturnType<typeof expectedDigests>,
): Record<NationalKind, Verdict> {
  const kinds: NationalKind[] = ['national', 'province', 'commune', 'directive'];
  const entries = kinds.map((kind) => {
    const indexes = mix.flatMap((subscriber, i) => (subscriber.kind === kind ? [i] : []));
    const keys = indexes.map((i) => mix[i].key);
    return [
      kind,
      verify(
        keys,
        indexes.map((i) => recording.received[i]),
        expected,
      ),
    ] as const;
  });
  return Object.fromEntries(entries) as Record<NationalKind, Verdict>;
}

function processMeters(hub: BenchHub): { during: CpuMeter; whole: CpuMeter; peak: PeakRss } {
  const pids = {
    gateway: pidOf(hub.gateway),
    events: pidOf(hub.subgraphs.events),
    central: pidOf(hub.subgraphs.central),
    provincial: pidOf(hub.subgraphs.provincial),
    commune: pidOf(hub.subgraphs.commune),
    bench: process.pid,
  };
  const readers = {
    gateway: () => cpuSeconds(pids.gateway),
    events: () => cpuSeconds(pids.events),
    subgraphs: () => cpuSeconds(pids.central) + cpuSeconds(pids.provincial) + cpuSeconds(pids.commune),
    postgres: () => (hub.postgresPid === null ? NaN : postgresCpuSeconds(hub.postgresPid)),
    bench: () => cpuSeconds(process.pid),
  };
  return {
    during: new CpuMeter({ ...readers, machine: machineBusySeconds }),
    whole: new CpuMeter(readers),
    peak: new PeakRss(pids),
  };
}

async function drain(recording: NationalRecording, total: number, deadline: number): Promise<boolean> {
  while (recording.delivered < total && Date.now() < deadline) await sleep(100);
  return recording.delivered >= total;
}
