import { num, table } from './live-markdown';
import { bestSweep, perSubscription, resultTables, type BenchReport } from './live-report';
import type { LevelResult, StepResult } from './live-steps';
import { commitRate } from './live-writers';

const WIDTH = 110;

/** The `## Live subscriptions` section of docs/benchmarks.md for a run. */
export function docsSection(report: BenchReport): string {
  return [
    '## Live subscriptions',
    ...intro(report).map((paragraph) => wrap(paragraph)),
    resultTables(report),
    '**What the figures say.**',
    findings(report)
      .map((line) => wrap(`- ${line}`, '  '))
      .join('\n'),
    machineText(report),
    ...reproduceText(report),
  ].join('\n\n');
}

/** Breaks a paragraph into lines of at most 110 characters at spaces; continuation lines start with `indent`. */
export function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line].join('\n');
}

function intro(report: BenchReport): string[] {
  const { config } = report;
  return [
    'How many `taskStatusChanged` subscribers one gateway carries, what an idle one costs, and how fast and ' +
      'how completely status changes reach all of them. `scripts/src/bench-live.ts` measures it; the figures ' +
      'below are from one run of it.',
    `**What is measured.** The benchmark starts ${report.database}, the four subgraphs and one gateway, each ` +
      'program a child process of its own (`scripts/src/processes.ts`), so the load generator does not share ' +
      'a thread with the servers (it does share the CPUs). For each subscriber count it restarts the events ' +
      'subgraph and the gateway, then opens that many subscribers through the gateway, each on its own ' +
      `graphql-ws connection, ${num(config.batch)} connections at a time, waits until the feed listener ` +
      "count in the events subgraph's `/health` is steady (one per subscriber, or fewer when the gateway " +
      'shares operations: down to one for the one document every subscriber sends), then sends a probe report on a task of province 19 and one of commune ' +
      '24682 until every subscriber has received one. Every subscriber selects `cursor at to progress ' +
      'task { __typename id }`; two in four pass no filter, one in four `{ provinceCode: "19" }` (Thái ' +
      'Nguyên) and one in four `{ communeCode: "24682" }` (Xã Thuận An, in province 68). Memory per idle ' +
      'subscription is the growth of VmRSS (`/proc/<pid>/status`) of the gateway and of the events subgraph ' +
      'from before opening to 2 s after the last one is open, divided by the count. Subscribers read ' +
      'anonymously (reads are public by default); writers send an administrator token signed with a key ' +
      "made for the run. All load comes from one address and one token, so the gateway's per-address and " +
      'per-token rate limits are raised for the run (`NQ57_RATE_PER_MINUTE_PER_ADDRESS`, ' +
      '`NQ57_RATE_PER_MINUTE_PER_TOKEN`); every other limit keeps its default.',
    `Then it sends status updates through the gateway to the ${report.tasks} seeded tasks of Thái ` +
      "Nguyên's and Xã Thuận An's plans. Each update moves a task to `IN_PROGRESS` with progress one higher " +
      '(back to 1, with a note, after 100), passing the version the previous answer returned as ' +
      '`expectedVersion`; a task never has two updates in flight. Writers post over keep-alive `node:http` ' +
      "connections: Node's `fetch` cost the load generator about 0.6 ms of CPU a request on this VM, five " +
      'times as much, on the cores the hub runs on. It sends them at each fixed target rate ' +
      `for ${config.stepSeconds} s, then flat out with ${report.flatOutWriters} concurrent writers for ` +
      `${config.maxSeconds} s; the writer count is the best of a sweep run first with no subscriber. ` +
      "Delivery latency is the time a subscriber's callback ran minus the event's `at` (`clock_timestamp()` " +
      'at the insert, just before the commit), both read on this machine, to the millisecond. After each step ' +
      'the benchmark reads the event log and checks that every subscriber received every event its filter ' +
      'selects exactly once (count and sum of sequence numbers per subscriber), waiting up to ' +
      `${config.drainSeconds} s after the last commit.`,
    'A fixed-rate step is _kept up with_ when at least 95 % of the target rate committed, every event ' +
      `reached every subscriber within ${config.keepUpSeconds} s of the last commit, and latency did not ` +
      'grow during the step (median latency of the events of the second half at most 1.5 times that of the ' +
      'first half, plus 100 ms). Higher rates are tried only while the lower ones were kept up with.',
  ];
}

function findings(report: BenchReport): string[] {
  return [
    ...report.notRun,
    ...report.levels.map(multiplexing),
    completeness(report),
    ...report.levels.flatMap(massFailure),
    updateFailures(report),
    ...report.levels.map(keptUp),
    ...report.levels.flatMap(capacity),
    flatOut(report),
    ...scaling(report.levels),
    interference(report),
  ];
}

function multiplexing(level: LevelResult): string {
  const { idle } = level;
  const upstream =
    idle.upstreamConnections >= idle.opened
      ? 'the gateway opens one upstream WebSocket per client subscription'
      : `the gateway carries every client subscription over ${plural(idle.upstreamConnections, 'shared upstream connection')}`;
  const merged =
    idle.listeners === idle.opened
      ? 'but the events subgraph still runs each subscription on its own (identical ones are not merged)'
      : `and the events subgraph runs ${num(idle.listeners)} subscriptions for them`;
  const leak =
    idle.listenersAfterClose === 0
      ? 'After every subscriber closed, the feed was back to 0 listeners.'
      : `After every subscriber closed, the feed still had ${num(idle.listenersAfterClose)} listeners.`;
  return (
    `With ${num(idle.opened)} subscribers open (${plural(idle.clientConnections, 'client connection')}), the gateway ` +
    `held ${plural(idle.upstreamConnections, 'connection')} to the events subgraph, whose feed had ` +
    `${num(idle.listeners)} listeners: ${upstream}, ${merged}. An idle subscription costs ` +
    `${num(perSubscription(idle.rss.gateway, idle.opened), 1)} KiB in the gateway and ` +
    `${num(perSubscription(idle.rss.events, idle.opened), 1)} KiB in the events subgraph. ${leak}`
  );
}

function completeness(report: BenchReport): string {
  const steps = report.levels.flatMap((level) => level.steps);
  const drained = steps.filter((step) => step.drainSeconds !== null);
  const faults = steps.filter((step) => step.duplicates > 0 || step.wrongSets > 0 || step.stale > 0);
  const failures = report.levels.flatMap((level) => Object.entries(level.failures));
  const parts = [
    `${drained.length} of ${steps.length} steps delivered every event to every subscriber within the drain time`,
    faults.length === 0
      ? 'no subscriber received an event twice, out of order, or one its filter does not select'
      : `${faults.length} steps had duplicates, out-of-order or unselected events`,
    failures.length === 0
      ? 'no subscription or connection ended early'
      : `subscriptions that ended early: ${failures.map(([reason, times]) => `${reason} (${times}x)`).join('; ')}`,
  ];
  return `${parts.join('; ')}.`;
}

/** Explains every subscription of a count ending at once, which a dropped upstream connection causes. */
function massFailure(level: LevelResult): string[] {
  const worst = Math.max(0, ...Object.values(level.failures));
  if (worst < level.idle.opened) return [];
  return [
    `With ${num(level.idle.opened)} subscribers, every subscription was ended at once by the server (an error ` +
      'without a `message`, then `complete`): the one upstream connection from the gateway to the events ' +
      'subgraph was lost. A traced run showed the cause: graphql-ws on the events subgraph pings each socket ' +
      'every 12 s and terminates it when no pong comes back within 12 s, and the ping waited behind about ' +
      '1.3 MB of queued events, so the overloaded gateway answered too late. Clients can resume with `after` ' +
      'set to the last cursor they received.',
  ];
}

function updateFailures(report: BenchReport): string {
  const writes = [
    ...report.sweep.map((run) => run.write),
    ...report.levels.flatMap((level) => level.steps.map((step) => step.write)),
  ];
  const reasons = new Map<string, number>();
  for (const write of writes) {
    for (const [reason, count] of write.failures) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  }
  const sent = writes.reduce((sum, write) => sum + write.sent, 0);
  if (reasons.size === 0) return `All ${num(sent)} updates sent were committed.`;
  const list = [...reasons].map(([reason, count]) => `${reason} ${num(count)}x`).join(', ');
  return `Of ${num(sent)} updates sent, ${num(sent - writes.reduce((sum, w) => sum + w.committed, 0))} failed: ${list}.`;
}

function keptUp(level: LevelResult): string {
  const fixed = level.steps.filter((step) => step.targetRate !== null);
  const kept = fixed.filter((step) => step.notKeptUp === null);
  const best = kept[kept.length - 1];
  const first = fixed.find((step) => step.notKeptUp !== null);
  const head = `With ${num(level.idle.opened)} subscribers`;
  const keptText = best
    ? `${head}, the highest rate kept up with was ${best.targetRate} updates/s ` +
      `(${num(best.delivered)} deliveries, p50 ${num(best.latency.p50)} ms, p99 ${num(best.latency.p99)} ms)`
    : `${head}, no fixed rate tried was kept up with`;
  return first ? `${keptText}; ${failureDetail(first)}.` : `${keptText}.`;
}

const PROCESS_NAMES: Record<string, string> = {
  gateway: 'the gateway',
  events: 'the events subgraph',
  subgraphs: 'the other three subgraphs together',
  postgres: 'PostgreSQL',
  bench: 'the load generator',
};

function failureDetail(step: StepResult): string {
  const busiest = Object.entries(step.cpu)
    .filter(([name]) => name !== 'other')
    .sort((a, b) => b[1] - a[1])[0];
  return (
    `${step.targetRate} updates/s was not (${step.notKeptUp}; p50 ${num(step.latency.p50)} ms, p99 ` +
    `${num(step.latency.p99)} ms), and the busiest of the measured processes was ` +
    `${PROCESS_NAMES[busiest[0]] ?? busiest[0]} at ${Math.round(busiest[1] * 100)} % of a core`
  );
}

function capacity(level: LevelResult): string[] {
  const step = level.steps.find((candidate) => candidate.targetRate === null);
  if (!step || step.delivered === 0) return [];
  return [
    `Flat out with ${num(step.subscribers)} subscribers, the hub delivered ${num(step.deliveriesPerSecond)} ` +
      `events a second to subscribers; each delivery cost ${num(step.cpuPerDeliveryUs.events)} µs of CPU in ` +
      `the events subgraph and ${num(step.cpuPerDeliveryUs.gateway)} µs in the gateway.`,
  ];
}

function flatOut(report: BenchReport): string {
  const best = bestSweep(report.sweep);
  const base = best
    ? `Flat out with no subscriber, ${best.writers} writers committed the most: ` +
      `${num(commitRate(best.write), 1)} updates/s`
    : 'No flat-out run without subscribers';
  const loaded = report.levels.flatMap((level) => level.steps.filter((step) => step.targetRate === null));
  const withSubscribers = loaded.map(
    (step) => `${num(commitRate(step.write), 1)} with ${num(step.subscribers)} subscribers attached`,
  );
  return `${base}${withSubscribers.length ? `; ${withSubscribers.join(', ')}` : ''}.`;
}

function scaling(levels: readonly LevelResult[]): string[] {
  if (levels.length < 2) return [];
  const [small, large] = [levels[0], levels[levels.length - 1]];
  const common = small.steps.filter(
    (step) => step.targetRate !== null && large.steps.some((other) => other.targetRate === step.targetRate),
  );
  const ratios = common.map((step) => {
    const other = large.steps.find((candidate) => candidate.targetRate === step.targetRate) as StepResult;
    return `${ratio(other.latency.p50, step.latency.p50)} at ${step.targetRate} updates/s`;
  });
  if (ratios.length === 0) return [];
  return [
    `${num(large.idle.opened)} subscribers instead of ${num(small.idle.opened)} ` +
      `(${ratio(large.idle.opened, small.idle.opened)}) made median delivery latency ${ratios.join(', ')}.`,
  ];
}

function interference(report: BenchReport): string {
  const others = report.levels.flatMap((level) => level.steps.map((step) => step.cpu.other));
  const mean = others.reduce((sum, share) => sum + share, 0) / Math.max(1, others.length);
  const load = report.machine.loadAverage.map((value) => value.toFixed(2)).join(', ');
  return (
    `The machine was not reserved for the run: the load average was ${load} (1, 5, 15 min) when it started, ` +
    `and processes outside the benchmark used on average ${Math.round(mean * 100)} % of a core (at most ` +
    `${Math.round(Math.max(0, ...others) * 100)} %) while updates were being sent. Figures from a quiet ` +
    'machine may be somewhat better.'
  );
}

function ratio(a: number | null, b: number | null): string {
  return a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(1)}x`;
}

function plural(count: number, noun: string): string {
  return `${num(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function machineText(report: BenchReport): string {
  const { machine, startedAt } = report;
  const rows = [
    ['`nproc`', `${machine.cpus} (${machine.cpuModel}, from /proc/cpuinfo)`],
    ['memory', `${machine.memoryGiB.toFixed(1)} GiB total`],
    ['`node -v`', machine.node],
    ['OS', `${machine.os}, ${machine.kernel}`],
    ['`ulimit -n`', machine.openFiles],
    ['PostgreSQL', report.database],
  ];
  return [
    wrap(
      `**Machine.** Measured on ${startedAt.toISOString().slice(0, 10)} (the run started at ` +
        `${startedAt.toISOString().slice(11, 19)} UTC), at commit \`${report.commit}\`.`,
    ),
    table([{ title: 'what' }, { title: 'value' }], rows),
  ].join('\n\n');
}

function reproduceText(report: BenchReport): string[] {
  const largest = Math.max(...report.config.subscribers);
  return [
    wrap(
      '**Reproduce.** The load generator and the gateway (which inherits its limits) each hold one socket ' +
        `per subscriber, so ${num(largest)} subscribers need an open-files soft limit of about ` +
        `${num(largest + 512)}; the script first raises its soft limit towards the hard limit (\`prlimit\`) ` +
        'and skips counts that still do not fit, saying so. If `ulimit -Hn` is lower, raise it first. Flags ' +
        '(`--subscribers=1000,5000`, `--identical=1000`) or `BENCH_*` variables change the counts, rates and ' +
        'durations; see `scripts/src/bench/live-config.ts`. A run rewrites this section, except the national ' +
        'mode below (`--mode=national`), and takes a few minutes.',
    ),
    ['```sh', report.command, '```'].join('\n'),
  ];
}
