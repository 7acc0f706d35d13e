import { setTimeout as sleep } from 'node:timers/promises';
import type { LiveBenchConfig } from './live-config';
import { quantile } from './live-histogram';
import type { BenchHub, LoggedEvent } from './live-hub';
import {
  connectionsFrom,
  CpuMeter,
  machineBusySeconds,
  cpuSeconds,
  PeakRss,
  postgresCpuSeconds,
  rssKiB,
} from './live-proc';
import { SubscriberPool, type FilterKind, type Recording } from './live-subscribers';
import {
  commitRate,
  emptyResult,
  loadTasks,
  sendUpdate,
  type BenchTask,
  TaskPool,
  writeAtRate,
  writeFlatOut,
  type WriteResult,
  type WriteTarget,
} from './live-writers';

/** Memory and connections of one subscriber count, idle. */
export interface IdleResult {
  requested: number;
  opened: number;
  openSeconds: number;
  /** Listeners the events subgraph's feed reports once its count is steady (see `steadyListeners`). */
  listeners: number;
  /** Subscribers that received a probe report before the steps (every one, when all subscriptions are live). */
  ready: number;
  /** Established TCP connections from the gateway to the events subgraph, and from the load generator to the gateway. */
  upstreamConnections: number;
  clientConnections: number;
  /** Listeners the feed still had 30 s (at most) after every subscriber was closed. */
  listenersAfterClose: number | null;
  /** RSS in KiB before opening and after opening (and a 2 s settle). */
  rss: { gateway: [number, number]; events: [number, number] };
}

/** One step of updates with subscribers attached, and what they received. */
export interface StepResult {
  subscribers: number;
  /** Target rate, or null for a flat-out run. */
  targetRate: number | null;
  writers: number | null;
  write: WriteResult;
  events: number;
  expected: number;
  delivered: number;
  duplicates: number;
  missed: number;
  /** Subscribers whose set of events differs from what their filter selects (beyond missing ones). */
  wrongSets: number;
  /** Events of earlier steps that arrived during this one. */
  stale: number;
  /** Delivery latency in ms; `early50` and `late50` are the medians for events of the first and second half. */
  latency: {
    p50: number | null;
    p95: number | null;
    p99: number | null;
    max: number;
    early50: number | null;
    late50: number | null;
  };
  /** Seconds from the last commit to the last delivery; null when some were still missing at the deadline. */
  drainSeconds: number | null;
  /** Why the step was not kept up with; null when it was (or for a flat-out step, which has no target). */
  notKeptUp: string | null;
  /** Share of one core each process used while updates were being sent. */
  cpu: Record<string, number>;
  /** CPU time of the gateway and the events subgraph over the whole step (updates and drain) per delivery. */
  cpuPerDeliveryUs: { gateway: number; events: number };
  /** Deliveries per second from the start of the step to the last delivery. */
  deliveriesPerSecond: number;
  peakRssKiB: Record<string, number>;
}

/** Everything measured with one subscriber count. */
export interface LevelResult {
  idle: IdleResult;
  steps: StepResult[];
  /** Target rates not run because a lower one was not kept up with. */
  skippedRates: number[];
  failures: Record<string, number>;
  /** The last lines the gateway and the events subgraph wrote, kept when a subscription or an update failed. */
  serverLogs?: Record<string, string>;
}

/** A flat-out run with no subscriber attached. */
export interface SweepResult {
  writers: number;
  write: WriteResult;
}

/** What the benchmark needs of the running hub, shared by every step. */
export interface BenchContext {
  hub: BenchHub;
  config: LiveBenchConfig;
  pool: TaskPool;
  /** How many tasks the updates go to. */
  tasks: number;
  /** One task of province 19 and one of commune 24682: a report on each reaches every kind of subscriber. */
  probes: BenchTask[];
  log: (line: string) => void;
}

/** Loads the tasks to update and makes the context of every step. */
export async function benchContext(
  hub: BenchHub,
  config: LiveBenchConfig,
  log: (line: string) => void,
): Promise<BenchContext> {
  const tasks = await loadTasks(hub.gateway.url);
  log(`Updating ${tasks.length} seeded tasks (province 19 plans and commune 24682 plans)`);
  const probes = ['updateProvincialTaskStatus', 'updateCommuneTaskStatus'].flatMap(
    (mutation) => tasks.find((task) => task.mutation === mutation) ?? [],
  );
  return { hub, config, pool: new TaskPool(tasks), tasks: tasks.length, probes, log };
}

/** Flat-out update runs with no subscriber, one per writer count of the sweep. */
export async function writerSweep(context: BenchContext): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (const writers of context.config.writerSweep) {
    const write = await writeFlatOut(
      writeTarget(context.hub),
      context.pool,
      writers,
      context.config.maxSeconds,
    );
    context.log(`  no subscribers, ${writers} writers: ${commitRate(write).toFixed(1)} updates/s committed`);
    results.push({ writers, write });
  }
  return results;
}

/** Opens `count` subscribers, measures them idle, runs the fixed-rate steps and a flat-out one, closes them. */
export async function runLevel(
  context: BenchContext,
  count: number,
  flatOutWriters: number,
): Promise<LevelResult> {
  const { hub, config, log } = context;
  await warmUp(hub);
  const subscribers = new SubscriberPool(hub.gateway.wsUrl);
  let idle: IdleResult | null = null;
  try {
    idle = await openIdle(context, subscribers, count);
    const steps: StepResult[] = [];
    const skippedRates: number[] = [];
    for (const rate of config.rates) {
      if (steps.some((step) => step.notKeptUp !== null)) {
        skippedRates.push(rate);
        continue;
      }
      log(`  ${idle.opened} subscribers, ${rate} updates/s for ${config.stepSeconds} s`);
      const write = (): Promise<WriteResult> =>
        writeAtRate(writeTarget(hub), context.pool, rate, config.stepSeconds);
      steps.push(await runStep(context, subscribers, { targetRate: rate, writers: null }, write));
      await sleep(1000);
    }
    log(`  ${idle.opened} subscribers, flat out with ${flatOutWriters} writers for ${config.maxSeconds} s`);
    steps.push(
      await runStep(context, subscribers, { targetRate: null, writers: flatOutWriters }, () =>
        writeFlatOut(writeTarget(hub), context.pool, flatOutWriters, config.maxSeconds),
      ),
    );
    const failed = subscribers.failures.size > 0 || steps.some((step) => step.write.failures.size > 0);
    const serverLogs = failed
      ? { gateway: logTail(hub.gateway), events: logTail(hub.subgraphs.events) }
      : undefined;
    if (failed)
      log('  something failed: the last lines of the gateway and events logs go in the raw results');
    return { idle, steps, skippedRates, failures: Object.fromEntries(subscribers.failures), serverLogs };
  } finally {
    await subscribers.close(config.batch);
    if (idle) idle.listenersAfterClose = await waitForListeners(hub, 0, 30);
  }
}

/** One query and one short subscription through a fresh gateway, so lazy set-up is not counted per subscriber. */
export async function warmUp(hub: BenchHub): Promise<void> {
  await loadTasks(hub.gateway.url);
  const one = new SubscriberPool(hub.gateway.wsUrl);
  await one.open(1, 1);
  await waitForListeners(hub, 1, 30);
  await one.close(1);
  // The gateway closes an idle upstream connection 3 s after its last subscription ends.
  await sleep(4000);
}

/** Opens `count` more subscribers in `subscribers`, waits until they are live, and measures them idle. */
export async function openIdle(
  context: BenchContext,
  subscribers: SubscriberPool,
  count: number,
): Promise<IdleResult> {
  const { hub, config, log } = context;
  const pids = { gateway: pidOf(hub.gateway), events: pidOf(hub.subgraphs.events) };
  const before = { gateway: rssKiB(pids.gateway), events: rssKiB(pids.events) };
  const startedAt = performance.now();
  const opened = await subscribers.open(count, config.batch);
  if (opened < count)
    log(`  only ${opened} of ${count} subscribers could connect: ${failureText(subscribers)}`);
  // Every subscriber sends one document: a gateway that routes filters itself holds one upstream for all.
  const listeners = await steadyListeners(hub, 1, opened, 300);
  const openSeconds = (performance.now() - startedAt) / 1000;
  await sleep(2000);
  const rss = { gateway: rssKiB(pids.gateway), events: rssKiB(pids.events) };
  const ready = await probeUntilReady(context, subscribers);
  if (ready < opened) log(`  only ${ready} of ${opened} subscribers received a probe report`);
  const idle: IdleResult = {
    requested: count,
    opened,
    openSeconds,
    listeners,
    ready,
    upstreamConnections: connectionsFrom(pids.gateway, hub.subgraphs.events.port),
    clientConnections: connectionsFrom(process.pid, hub.gateway.port),
    listenersAfterClose: null,
    rss: {
      gateway: [before.gateway, rss.gateway],
      events: [before.events, rss.events],
    },
  };
  log(
    `  ${opened} subscribers open in ${openSeconds.toFixed(1)} s; events listeners ${listeners}, ` +
      `gateway connections to events ${idle.upstreamConnections}, client connections to the gateway ${idle.clientConnections}`,
  );
  return idle;
}

/**
 * Polls the feed's listener count until it equals `most` (one listener per subscriber) or has stayed at `least`
 * or more for 3 s (a gateway that shares identical operations opens fewer upstreams, down to one per document);
 * returns the count it saw last.
 */
export async function steadyListeners(
  hub: BenchHub,
  least: number,
  most: number,
  timeoutSeconds: number,
): Promise<number> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let last = -1;
  let steadySince = Date.now();
  while (Date.now() < deadline) {
    const listeners = await feedListeners(hub);
    if (listeners === most) return listeners;
    if (listeners !== last) {
      last = listeners;
      steadySince = Date.now();
    } else if (listeners >= least && Date.now() - steadySince >= 3000) {
      return listeners;
    }
    await sleep(250);
  }
  return last;
}

const PROBE_ROUNDS = 3;
const PROBE_WAIT_MS = 15_000;

/**
 * Sends the context's probe reports (administrator token) until every subscriber has received one, at most
 * three rounds: a subscriber that has received an event is subscribed, whatever the listener count says.
 * Returns how many subscribers received one.
 */
async function probeUntilReady(context: BenchContext, subscribers: SubscriberPool): Promise<number> {
  let ready = 0;
  for (let round = 0; round < PROBE_ROUNDS && ready < subscribers.size; round++) {
    const recording = subscribers.record(await context.hub.lastSeq(), Date.now());
    const result = emptyResult();
    const probePool = new TaskPool([]);
    await Promise.all(
      context.probes.map((task) => sendUpdate(writeTarget(context.hub), probePool, task, result)),
    );
    const deadline = Date.now() + PROBE_WAIT_MS;
    do {
      await sleep(100);
      ready = recording.counts.filter((received) => received > 0).length;
    } while (ready < subscribers.size && Date.now() < deadline);
  }
  return ready;
}

/** Polls the events subgraph's /health until its feed has `count` listeners; returns the count it saw last. */
export async function waitForListeners(
  hub: BenchHub,
  count: number,
  timeoutSeconds: number,
): Promise<number> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let listeners = -1;
  while (Date.now() < deadline) {
    listeners = await feedListeners(hub);
    if (listeners === count) return listeners;
    await sleep(250);
  }
  return listeners;
}

/** The listener count the events subgraph's /health reports for its feed (-1 when it reports none). */
export async function feedListeners(hub: BenchHub): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${hub.subgraphs.events.port}/health`);
  const health = (await response.json()) as { feed?: { listeners?: number } };
  return health.feed?.listeners ?? -1;
}

/** Runs `write` with everyone subscribed and checks every subscriber got exactly the events its filter selects. */
export async function runStep(
  context: BenchContext,
  subscribers: SubscriberPool,
  load: { targetRate: number | null; writers: number | null },
  write: () => Promise<WriteResult>,
): Promise<StepResult> {
  const { hub, config } = context;
  const seconds = load.targetRate === null ? config.maxSeconds : config.stepSeconds;
  const recording = subscribers.record(await hub.lastSeq(), Date.now() + (seconds * 1000) / 2);
  const pids = { gateway: pidOf(hub.gateway), events: pidOf(hub.subgraphs.events) };
  const peak = new PeakRss(pids);
  const startedAt = Date.now();
  const whole = new CpuMeter({
    gateway: () => cpuSeconds(pids.gateway),
    events: () => cpuSeconds(pids.events),
  });
  try {
    const others = [hub.subgraphs.central, hub.subgraphs.provincial, hub.subgraphs.commune].map(pidOf);
    const cpu = new CpuMeter({
      gateway: () => cpuSeconds(pids.gateway),
      events: () => cpuSeconds(pids.events),
      subgraphs: () => others.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
      postgres: () => (hub.postgresPid === null ? NaN : postgresCpuSeconds(hub.postgresPid)),
      bench: () => cpuSeconds(process.pid),
      machine: machineBusySeconds,
    });
    const written = await write();
    const cpuShare = withOthers(cpu.stop());
    const lastCommitAt = Date.now();
    const expectation = expectationOf(await hub.eventsAfter(recording.fromSeq), subscribers.filterKinds);
    const complete = await waitForDelivery(
      recording,
      expectation.total,
      lastCommitAt + config.drainSeconds * 1000,
    );
    const drainSeconds = complete ? Math.max(0, recording.lastDeliveryAt - lastCommitAt) / 1000 : null;
    const check = verify(recording, expectation, subscribers.filterKinds);
    const used = whole.seconds();
    const lastAt = recording.lastDeliveryAt || Date.now();
    return {
      subscribers: subscribers.size,
      ...load,
      write: written,
      events: expectation.events,
      expected: expectation.total,
      delivered: recording.delivered,
      ...check,
      stale: recording.stale,
      latency: {
        early50: recording.early.percentile(0.5),
        late50: recording.late.percentile(0.5),
        p50: recording.latencies.percentile(0.5),
        p95: recording.latencies.percentile(0.95),
        p99: recording.latencies.percentile(0.99),
        max: recording.latencies.max,
      },
      drainSeconds,
      notKeptUp: whyNotKeptUp(config, load.targetRate, written, recording, drainSeconds),
      cpu: cpuShare,
      cpuPerDeliveryUs: {
        gateway: (used.gateway * 1e6) / recording.delivered,
        events: (used.events * 1e6) / recording.delivered,
      },
      deliveriesPerSecond: recording.delivered / Math.max(0.001, (lastAt - startedAt) / 1000),
      peakRssKiB: peak.stop(),
    };
  } finally {
    peak.stop();
  }
}

/**
 * A fixed-rate step is kept up with when 95 % of its target rate committed, every event reached every
 * subscriber within `keepUpSeconds` of the last commit, and latency did not grow during the step (the median
 * for events of the second half is at most 1.5 times that of the first half, plus 100 ms).
 */
function whyNotKeptUp(
  config: LiveBenchConfig,
  targetRate: number | null,
  written: WriteResult,
  recording: Recording,
  drainSeconds: number | null,
): string | null {
  if (targetRate === null) return null;
  const rate = commitRate(written);
  if (rate < 0.95 * targetRate) return `${rate.toFixed(1)} of ${targetRate} updates/s committed`;
  if (drainSeconds === null) return 'not all delivered within the drain time';
  if (drainSeconds > config.keepUpSeconds)
    return `last delivery ${drainSeconds.toFixed(1)} s after the last commit`;
  const early = recording.early.percentile(0.5) ?? 0;
  const late = recording.late.percentile(0.5) ?? 0;
  if (late > 1.5 * early + 100) return `median latency grew from ${early} ms to ${late} ms during the step`;
  return null;
}

interface Expectation {
  events: number;
  total: number;
  byKind: Record<FilterKind, { count: number; sum: number }>;
}

/** What each kind of subscriber should receive of the logged events: how many, and the sum of their numbers. */
function expectationOf(events: readonly LoggedEvent[], kinds: readonly FilterKind[]): Expectation {
  const byKind: Expectation['byKind'] = {
    all: { count: 0, sum: 0 },
    province19: { count: 0, sum: 0 },
    commune24682: { count: 0, sum: 0 },
  };
  const add = (kind: FilterKind, seq: number): void => {
    byKind[kind].count++;
    byKind[kind].sum += seq;
  };
  for (const event of events) {
    add('all', event.seq);
    if (event.provinceCode === '19') add('province19', event.seq);
    if (event.communeCode === '24682') add('commune24682', event.seq);
  }
  const total = kinds.reduce((sum, kind) => sum + byKind[kind].count, 0);
  return { events: events.length, total, byKind };
}

async function waitForDelivery(recording: Recording, total: number, deadline: number): Promise<boolean> {
  while (recording.delivered < total && Date.now() < deadline) await sleep(50);
  return recording.delivered >= total;
}

function verify(
  recording: Recording,
  expectation: Expectation,
  kinds: readonly FilterKind[],
): { duplicates: number; missed: number; wrongSets: number } {
  let duplicates = 0;
  let missed = 0;
  let wrongSets = 0;
  kinds.forEach((kind, i) => {
    const wanted = expectation.byKind[kind];
    duplicates += recording.duplicates[i];
    missed += Math.max(0, wanted.count - recording.counts[i]);
    const exact = recording.counts[i] === wanted.count && recording.sums[i] === wanted.sum;
    if (!exact && recording.counts[i] >= wanted.count) wrongSets++;
  });
  return { duplicates, missed, wrongSets };
}

/** Adds `other`: the machine's busy time not spent by the hub, its database or the load generator. */
export function withOthers(shares: Record<string, number>): Record<string, number> {
  const { machine, ...ours } = shares;
  const spent = Object.values(ours).reduce((sum, share) => sum + (Number.isNaN(share) ? 0 : share), 0);
  return { ...ours, other: Math.max(0, machine - spent) };
}

/** The median and 99th percentile of the update round trips of a run, in ms. */
export function updateLatency(write: WriteResult): { p50: number | null; p99: number | null } {
  return { p50: quantile(write.latencies, 0.5), p99: quantile(write.latencies, 0.99) };
}

const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The last 4,000 characters a process wrote, without terminal colours. */
export function logTail(process: { output(): string }): string {
  return process.output().replace(COLOURS, '').slice(-4000);
}

/** The current gateway (it changes on restart) and the writers' token. */
function writeTarget(hub: BenchHub): WriteTarget {
  return { url: hub.gateway.url, token: hub.writerToken };
}

/** The operating-system process id of a hub process. */
export function pidOf(child: { child: { pid?: number } }): number {
  if (child.child.pid === undefined) throw new Error('A child process has no pid');
  return child.child.pid;
}

function failureText(subscribers: SubscriberPool): string {
  return (
    [...subscribers.failures].map(([reason, times]) => `${reason} (${times}x)`).join('; ') ||
    'no reason given'
  );
}
