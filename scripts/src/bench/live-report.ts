import type { LiveBenchConfig } from './live-config';
import { num, percent, table } from './live-markdown';
import type { MachineInfo } from './live-proc';
import { updateLatency, type LevelResult, type StepResult, type SweepResult } from './live-steps';
import { commitRate, type WriteResult } from './live-writers';
import { idleKiB, KEEP_UP_RATE, type IdenticalResult } from './live-identical';

/** Everything one run measured, and where. */
export interface BenchReport {
  config: LiveBenchConfig;
  machine: MachineInfo;
  startedAt: Date;
  database: string;
  commit: string;
  command: string;
  tasks: number;
  sweep: SweepResult[];
  flatOutWriters: number;
  levels: LevelResult[];
  /** N identical unfiltered subscribers, then 2N (null when not run). */
  identical: IdenticalResult | null;
  /** Subscriber counts asked for but not measured, and why. */
  notRun: string[];
}

const MiB = 1024;

/** The result tables, as printed at the end of a run and put in the docs. */
export function resultTables(report: BenchReport): string {
  return [
    '**Idle subscriptions: memory and connections.**',
    idleTable(report.levels),
    '**Delivery at a fixed update rate.**',
    deliveryTable(report),
    '**Where the CPU went.** CPU while updates were sent, as a share of one core (the machine has ' +
      `${report.machine.cpus}); peak RSS during the step; deliveries per second from the first update to the ` +
      'last delivery; CPU time of the gateway and of the events subgraph over the whole step (updates and ' +
      'drain) divided by the deliveries.',
    cpuTable(report.levels),
    '**Highest sustained update rate.**',
    flatOutTable(report),
    ...(report.levels.length > 1 ? [`**${ratioTitle(report.levels)}**`, ratioTable(report.levels)] : []),
    ...(report.identical ? identicalTables(report.identical) : []),
  ].join('\n\n');
}

function idleTable(levels: readonly LevelResult[]): string {
  return table(
    [
      { title: 'subscribers' },
      { title: 'opened in', right: true },
      { title: 'feed listeners', right: true },
      { title: 'listeners after close', right: true },
      { title: 'client connections', right: true },
      { title: 'gateway to events connections', right: true },
      { title: 'gateway RSS before -> after', right: true },
      { title: 'gateway per subscription', right: true },
      { title: 'events RSS before -> after', right: true },
      { title: 'events per subscription', right: true },
    ],
    levels.map(({ idle }) => [
      idle.opened === idle.requested ? num(idle.opened) : `${num(idle.opened)} of ${num(idle.requested)}`,
      `${num(idle.openSeconds, 1)} s`,
      num(idle.listeners),
      num(idle.listenersAfterClose),
      num(idle.clientConnections),
      num(idle.upstreamConnections),
      `${num(idle.rss.gateway[0] / MiB)} -> ${num(idle.rss.gateway[1] / MiB)} MiB`,
      `${num(perSubscription(idle.rss.gateway, idle.opened), 1)} KiB`,
      `${num(idle.rss.events[0] / MiB)} -> ${num(idle.rss.events[1] / MiB)} MiB`,
      `${num(perSubscription(idle.rss.events, idle.opened), 1)} KiB`,
    ]),
  );
}

/** RSS growth per subscription in KiB. */
export function perSubscription([before, after]: [number, number], count: number): number {
  return count === 0 ? NaN : (after - before) / count;
}

function deliveryTable(report: BenchReport): string {
  const rows = report.levels.flatMap((level) => [
    ...level.steps.filter((step) => step.targetRate !== null).map(deliveryRow),
    ...level.skippedRates.map((rate) => [
      num(level.idle.opened),
      num(rate),
      'not run: a lower rate was not kept up with',
      ...Array<string>(12).fill(''),
    ]),
  ]);
  return table(
    [
      { title: 'subscribers' },
      { title: 'target updates/s', right: true },
      { title: 'committed updates/s', right: true },
      { title: 'failed updates', right: true },
      { title: 'events', right: true },
      { title: 'delivered / expected', right: true },
      { title: 'dup', right: true },
      { title: 'missed', right: true },
      { title: 'p50', right: true },
      { title: 'p95', right: true },
      { title: 'p99', right: true },
      { title: 'max', right: true },
      { title: 'last delivery after last commit', right: true },
      { title: 'p50, 1st -> 2nd half', right: true },
      { title: 'kept up' },
    ],
    rows,
  );
}

function deliveryRow(step: StepResult): string[] {
  return [
    num(step.subscribers),
    num(step.targetRate),
    num(commitRate(step.write), 1),
    num(failedUpdates(step.write)),
    num(step.events),
    `${num(step.delivered)} / ${num(step.expected)} (${percent(step.delivered, step.expected)})`,
    num(step.duplicates),
    num(step.missed),
    ms(step.latency.p50),
    ms(step.latency.p95),
    ms(step.latency.p99),
    ms(step.latency.max),
    step.drainSeconds === null ? 'not all within the drain time' : `${num(step.drainSeconds, 1)} s`,
    `${ms(step.latency.early50)} -> ${ms(step.latency.late50)}`,
    step.notKeptUp === null ? 'yes' : `no: ${step.notKeptUp}`,
  ];
}

function cpuTable(levels: readonly LevelResult[]): string {
  return table(
    [
      { title: 'subscribers' },
      { title: 'load' },
      { title: 'gateway', right: true },
      { title: 'events', right: true },
      { title: 'central + provincial + commune', right: true },
      { title: 'postgres', right: true },
      { title: 'load generator', right: true },
      { title: 'other processes', right: true },
      { title: 'gateway peak RSS', right: true },
      { title: 'events peak RSS', right: true },
      { title: 'deliveries/s', right: true },
      { title: 'gateway CPU per delivery', right: true },
      { title: 'events CPU per delivery', right: true },
    ],
    levels.flatMap((level) =>
      level.steps.map((step) => [
        num(step.subscribers),
        step.targetRate === null ? `flat out, ${step.writers} writers` : `${step.targetRate} updates/s`,
        share(step.cpu.gateway),
        share(step.cpu.events),
        share(step.cpu.subgraphs),
        share(step.cpu.postgres),
        share(step.cpu.bench),
        share(step.cpu.other),
        `${num(step.peakRssKiB.gateway / MiB)} MiB`,
        `${num(step.peakRssKiB.events / MiB)} MiB`,
        num(step.deliveriesPerSecond),
        `${num(step.cpuPerDeliveryUs.gateway)} µs`,
        `${num(step.cpuPerDeliveryUs.events)} µs`,
      ]),
    ),
  );
}

function flatOutTable(report: BenchReport): string {
  const best = bestSweep(report.sweep);
  const baseline = best ? commitRate(best.write) : NaN;
  const sweepRows = report.sweep.map((run) => [
    '0',
    num(run.writers),
    num(commitRate(run.write), 1),
    num(failedUpdates(run.write)),
    run === best ? 'best with no subscriber' : percent(commitRate(run.write), baseline),
    ms(updateLatency(run.write).p50),
    ms(updateLatency(run.write).p99),
    '',
    '',
    '',
  ]);
  const loadedRows = report.levels.flatMap((level) =>
    level.steps
      .filter((step) => step.targetRate === null)
      .map((step) => [
        num(step.subscribers),
        num(step.writers),
        num(commitRate(step.write), 1),
        num(failedUpdates(step.write)),
        percent(commitRate(step.write), baseline),
        ms(updateLatency(step.write).p50),
        ms(updateLatency(step.write).p99),
        `${num(step.delivered)} / ${num(step.expected)} (${percent(step.delivered, step.expected)})`,
        ms(step.latency.p50),
        ms(step.latency.p99),
      ]),
  );
  return table(
    [
      { title: 'subscribers' },
      { title: 'writers', right: true },
      { title: 'committed updates/s', right: true },
      { title: 'failed updates', right: true },
      { title: 'vs best with none', right: true },
      { title: 'update p50', right: true },
      { title: 'update p99', right: true },
      { title: `delivered within ${report.config.drainSeconds} s`, right: true },
      { title: 'delivery p50', right: true },
      { title: 'delivery p99', right: true },
    ],
    [...sweepRows, ...loadedRows],
  );
}

/** Updates that were refused or failed in a run. */
export function failedUpdates(write: WriteResult): number {
  return [...write.failures.values()].reduce((sum, count) => sum + count, 0);
}

/** The sweep run with the most updates committed per second. */
export function bestSweep(sweep: readonly SweepResult[]): SweepResult | undefined {
  return [...sweep].sort((a, b) => commitRate(b.write) - commitRate(a.write))[0];
}

function ratioTitle(levels: readonly LevelResult[]): string {
  const [small, large] = [levels[0], levels[levels.length - 1]];
  return (
    `${num(large.idle.opened)} subscribers compared with ${num(small.idle.opened)}` +
    ' (ratio = larger / smaller).'
  );
}

function ratioTable(levels: readonly LevelResult[]): string {
  const [small, large] = [levels[0], levels[levels.length - 1]];
  const rows: string[][] = [
    ratioRow('subscribers', small.idle.opened, large.idle.opened, (value) => num(value)),
    ratioRow(
      'gateway RSS per subscription (KiB)',
      perSubscription(small.idle.rss.gateway, small.idle.opened),
      perSubscription(large.idle.rss.gateway, large.idle.opened),
      (value) => num(value, 1),
    ),
    ratioRow(
      'events RSS per subscription (KiB)',
      perSubscription(small.idle.rss.events, small.idle.opened),
      perSubscription(large.idle.rss.events, large.idle.opened),
      (value) => num(value, 1),
    ),
  ];
  for (const smallStep of small.steps) {
    const largeStep = large.steps.find((step) => step.targetRate === smallStep.targetRate);
    if (!largeStep) continue;
    const load = smallStep.targetRate === null ? 'flat out' : `${smallStep.targetRate} updates/s`;
    if (smallStep.targetRate === null) {
      rows.push(
        ratioRow(
          `committed updates/s, ${load}`,
          commitRate(smallStep.write),
          commitRate(largeStep.write),
          (v) => num(v, 1),
        ),
      );
    }
    for (const key of ['p50', 'p99'] as const) {
      rows.push(
        ratioRow(`delivery ${key} (ms), ${load}`, smallStep.latency[key], largeStep.latency[key], ms),
      );
    }
  }
  return table(
    [
      { title: 'measure' },
      { title: num(small.idle.opened), right: true },
      { title: num(large.idle.opened), right: true },
      { title: 'ratio', right: true },
    ],
    rows,
  );
}

function ratioRow(
  label: string,
  small: number | null,
  large: number | null,
  format: (value: number | null) => string,
): string[] {
  const ratio = small !== null && large !== null && small > 0 ? `${(large / small).toFixed(2)}x` : '–';
  return [label, format(small), format(large), ratio];
}

function ms(value: number | null): string {
  return value === null ? '–' : `${num(value)} ms`;
}

function share(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value * 100)} %`;
}

/** The identical-subscriber tables: the steps, then the issue-10 targets they measure. */
function identicalTables(identical: IdenticalResult): string[] {
  const steps = [identical.keepUp, identical.base, identical.doubled];
  const stepRows = steps.map((step) => [
    num(step.subscribers),
    num(step.targetRate),
    num(commitRate(step.write), 1),
    num(step.events),
    `${num(step.delivered)} / ${num(step.expected)}`,
    ms(step.latency.p50),
    ms(step.latency.p99),
    `${num(step.cpuPerDeliveryUs.gateway + step.cpuPerDeliveryUs.events)} µs`,
    `${num(((step.cpuPerDeliveryUs.gateway + step.cpuPerDeliveryUs.events) * step.delivered) / step.events / 1000, 1)} ms`,
    step.notKeptUp === null ? 'yes' : `no: ${step.notKeptUp}`,
  ]);
  const keptUp = identical.keepUp.notKeptUp === null;
  const targets = [
    [
      'an extra subscriber to an identical subscription costs at most 20 µs of CPU per event',
      `${num(identical.costUs, 1)} µs (${num(identical.subscribers)} -> ${num(identical.doubled.subscribers)} at ${identical.rate} updates/s)`,
      identical.costUs <= 20 ? 'met' : '**not met**',
    ],
    [
      'an idle subscription costs at most 20 KiB, gateway and events together',
      `${num(identical.idleKiB, 1)} KiB (first ${num(identical.idle.opened)}); ${num(idleKiB(identical.idleMore), 1)} KiB (next ${num(identical.idleMore.opened)})`,
      identical.idleKiB <= 20 ? 'met' : '**not met**',
    ],
    [
      `${num(identical.subscribers)} identical unfiltered subscribers keep up with ${KEEP_UP_RATE} reports/s`,
      keptUp ? 'kept up' : `not kept up: ${identical.keepUp.notKeptUp}`,
      keptUp && identical.subscribers >= 1000 ? 'met' : '**not met**',
    ],
  ];
  return [
    `**Identical subscribers.** ${num(identical.subscribers)} subscribers of one identical unfiltered operation ` +
      `on fresh processes: first ${KEEP_UP_RATE} updates/s (which also warms the processes up), then ` +
      `${identical.rate} updates/s; then ${num(identical.subscribers)} more and ${identical.rate} updates/s ` +
      'again. "CPU per event" is the CPU time of the gateway and the events subgraph over the step (updates ' +
      'and drain) divided by the events. The cost of an extra subscriber is (that CPU time with 2N ' +
      'subscribers − with N) / (N × events), events being the mean of the two steps. Memory per idle ' +
      'subscription is the RSS growth of both processes from before the first N opened to 2 s after, divided ' +
      'by N.',
    table(
      [
        { title: 'subscribers' },
        { title: 'target updates/s', right: true },
        { title: 'committed updates/s', right: true },
        { title: 'events', right: true },
        { title: 'delivered / expected', right: true },
        { title: 'p50', right: true },
        { title: 'p99', right: true },
        { title: 'gateway + events CPU per delivery', right: true },
        { title: 'CPU per event', right: true },
        { title: 'kept up' },
      ],
      stepRows,
    ),
    table([{ title: 'target (issue 10)' }, { title: 'measured' }, { title: 'met' }], targets),
  ];
}
