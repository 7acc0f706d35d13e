import { setTimeout as sleep } from 'node:timers/promises';
import { SubscriberPool } from './live-subscribers';
import {
  openIdle,
  runStep,
  waitForListeners,
  warmUp,
  type BenchContext,
  type IdleResult,
  type StepResult,
} from './live-steps';
import { writeAtRate } from './live-writers';

/** Issue 10's rate for identical subscribers: 1,000 of them keep up with 50 reports/s. */
export const KEEP_UP_RATE = 50;

/** N identical unfiltered subscribers, then 2N, at one fixed rate: what one more subscriber costs. */
export interface IdenticalResult {
  subscribers: number;
  rate: number;
  /** Opening the first N on fresh processes, and the second N beside them. */
  idle: IdleResult;
  idleMore: IdleResult;
  base: StepResult;
  /** N subscribers at KEEP_UP_RATE. */
  keepUp: StepResult;
  doubled: StepResult;
  /** CPU of the gateway and the events subgraph per event per extra subscriber, in µs. */
  costUs: number;
  /** RSS growth of the gateway and the events subgraph per idle subscription, in KiB (first N). */
  idleKiB: number;
  listenersAfterClose: number | null;
}

/**
 * (CPU of gateway + events over the step with the larger count − with the smaller) / (extra subscribers × events),
 * in µs, events being the mean of the two steps (both ran at one fixed rate). Pure; NaN without events.
 */
export function extraSubscriberCostUs(small: StepResult, large: StepResult): number {
  const cpuUs = (step: StepResult): number =>
    (step.cpuPerDeliveryUs.gateway + step.cpuPerDeliveryUs.events) * step.delivered;
  const extra = large.subscribers - small.subscribers;
  const events = (small.events + large.events) / 2;
  if (small.events === 0 || large.events === 0 || extra <= 0) return NaN;
  return (cpuUs(large) - cpuUs(small)) / (extra * events);
}

/** Gateway plus events-subgraph RSS growth per opened subscription, in KiB. */
export function idleKiB(idle: IdleResult): number {
  const growth = idle.rss.gateway[1] - idle.rss.gateway[0] + (idle.rss.events[1] - idle.rss.events[0]);
  return idle.opened === 0 ? NaN : growth / idle.opened;
}

/**
 * On fresh live processes: opens N = `config.identical` identical unfiltered subscribers, runs a step at
 * KEEP_UP_RATE and one at `config.identicalRate`, opens N more and runs that rate again; then closes all.
 */
export async function runIdentical(context: BenchContext): Promise<IdenticalResult> {
  const { hub, config, log } = context;
  const count = config.identical;
  const rate = config.identicalRate;
  await hub.restartLive();
  await warmUp(hub);
  const subscribers = new SubscriberPool(hub.gateway.wsUrl, () => 'all');
  const step = (load: number): Promise<StepResult> =>
    runStep(context, subscribers, { targetRate: load, writers: null }, () =>
      writeAtRate({ url: hub.gateway.url, token: hub.writerToken }, context.pool, load, config.stepSeconds),
    );
  let result: IdenticalResult;
  try {
    log(`${count} identical unfiltered subscribers (fresh events subgraph and gateway)`);
    const idle = await openIdle(context, subscribers, count);
    // The keep-up step first: it also warms the fresh processes up, so N and 2N are both measured warm.
    log(`  ${subscribers.size} identical, ${KEEP_UP_RATE} updates/s for ${config.stepSeconds} s`);
    const keepUp = await step(KEEP_UP_RATE);
    await sleep(1000);
    log(`  ${subscribers.size} identical, ${rate} updates/s for ${config.stepSeconds} s`);
    const base = await step(rate);
    await sleep(1000);
    const idleMore = await openIdle(context, subscribers, count);
    log(`  ${subscribers.size} identical, ${rate} updates/s for ${config.stepSeconds} s`);
    const doubled = await step(rate);
    result = {
      ...{ subscribers: count, rate, idle, idleMore, base, keepUp, doubled },
      costUs: extraSubscriberCostUs(base, doubled),
      idleKiB: idleKiB(idle),
      listenersAfterClose: null,
    };
  } finally {
    await subscribers.close(config.batch);
  }
  result.listenersAfterClose = await waitForListeners(hub, 0, 30);
  return result;
}
