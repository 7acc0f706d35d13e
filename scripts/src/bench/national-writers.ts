import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@nq57/shared';
import { emptyResult, sendUpdate, TaskPool, type WriteResult } from './live-writers';
import type { NationalTask } from './national-setup';

/** A fixed-rate national run: what a plain write run records, plus what the rate and the bound left unsent. */
export interface NationalWriteResult extends WriteResult {
  /** Reports the rate and duration called for. */
  planned: number;
  /** Committed reports per window of the run (by the second their answer came back). */
  committedPerWindow: number[];
}

/**
 * `tasks` in a fixed pseudo-random order (seeded), so that reports taken in turn fall on each jurisdiction in
 * proportion to its task count. Pure.
 */
export function spreadOrder<T>(tasks: readonly T[], seed: number): T[] {
  const order = [...tasks];
  const random = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One reporter token per jurisdiction of `tasks`, signed once with `sign` (in parallel, `batch` at a time). */
export async function reporterTokens(
  tasks: readonly NationalTask[],
  sign: (role: Role, jurisdiction: string) => Promise<string>,
  batch = 200,
): Promise<Map<string, string>> {
  const codes = [...new Set(tasks.map((task) => task.jurisdiction))];
  const tokens = new Map<string, string>();
  for (let start = 0; start < codes.length; start += batch) {
    const group = codes.slice(start, start + batch);
    const signed = await Promise.all(group.map((code) => sign(Role.REPORTER, code)));
    group.forEach((code, i) => tokens.set(code, signed[i]));
  }
  return tokens;
}

/**
 * Sends `rate` reports a second for `seconds` through the gateway at `url`, open loop: each tick sends at its
 * planned time (late ticks catch up), each report with its task's jurisdiction token. At most `concurrency` are
 * in flight; a tick that finds that many waiting sends nothing and counts as skipped. Then waits for answers.
 */
export async function reportAtRate(
  url: string,
  pool: TaskPool,
  tokens: ReadonlyMap<string, string>,
  load: { rate: number; seconds: number; concurrency: number; windowSeconds: number },
): Promise<NationalWriteResult> {
  const planned = Math.round(load.rate * load.seconds);
  const result: NationalWriteResult = { ...emptyResult(), planned, committedPerWindow: [] };
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let tick = 0; tick < planned; tick++) {
    const wait = startedAt + (tick * 1000) / load.rate - performance.now();
    if (wait > 0) await sleep(wait);
    const task = inFlight.size < load.concurrency ? (pool.take() as NationalTask | null) : null;
    if (!task) {
      result.skipped++;
      continue;
    }
    const one = emptyWrite();
    const sending = sendUpdate({ url, token: tokenOf(tokens, task) }, pool, task, one).then(() => {
      merge(result, one);
      if (one.committed > 0) countWindow(result, startedAt, load.windowSeconds);
      inFlight.delete(sending);
    });
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  result.seconds = Math.max(load.seconds, (performance.now() - startedAt) / 1000);
  return result;
}

function emptyWrite(): WriteResult {
  return { sent: 0, committed: 0, failures: new Map(), skipped: 0, seconds: 0, latencies: [] };
}

// One report's own result, merged when it is answered: concurrent reports never share a counter mid-flight.
function merge(into: WriteResult, one: WriteResult): void {
  into.sent += one.sent;
  into.committed += one.committed;
  into.latencies.push(...one.latencies);
  for (const [reason, count] of one.failures)
    into.failures.set(reason, (into.failures.get(reason) ?? 0) + count);
}

function tokenOf(tokens: ReadonlyMap<string, string>, task: NationalTask): string {
  const token = tokens.get(task.jurisdiction);
  if (!token) throw new Error(`No token for jurisdiction ${task.jurisdiction}`);
  return token;
}

function countWindow(result: NationalWriteResult, startedAt: number, windowSeconds: number): void {
  const window = Math.floor((performance.now() - startedAt) / 1000 / windowSeconds);
  for (let i = result.committedPerWindow.length; i <= window; i++) result.committedPerWindow.push(0);
  result.committedPerWindow[window]++;
}
