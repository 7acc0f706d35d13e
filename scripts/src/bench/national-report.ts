import type { LiveBenchConfig } from './live-config';
import { wrap } from './live-docs';
import { num, percent, table } from './live-markdown';
import type { MachineInfo } from './live-proc';
import type { LatencySummary } from './national-latency';
import { EVENT_FIELDS, type NationalKind } from './national-mix';
import type { Verdict } from './national-oracle';
import { WARMUP_SETTLE_MS, WINDOW_SECONDS, type NationalResult } from './national-run';

/** The `##` section of docs/benchmarks.md the national subsection belongs to, and its own heading. */
export const LIVE_SECTION = '## Live subscriptions';
export const NATIONAL_HEADING = '### National mode';

/** One national run, and where it ran. */
export interface NationalReport {
  config: LiveBenchConfig;
  machine: MachineInfo;
  startedAt: Date;
  database: string;
  commit: string;
  command: string;
  result: NationalResult;
}

/** A target of issue 10, what was measured, and whether it was met. */
export interface TargetRow {
  target: string;
  measured: string;
  met: boolean;
}

const KIND_TEXT: Record<NationalKind, string> = {
  national: 'no filter (national dashboards)',
  province: '`{ provinceCode }`, per province',
  commune: '`{ communeCode }`, per commune',
  directive: '`{ directiveNumber }`, spread over the directives',
};

const MiB = 1024;
const P99_TARGET_MS = 500;

/** The national-mode targets of issue 10, each judged on the run (pure). */
export function nationalTargets(report: NationalReport): TargetRow[] {
  const { config, result } = report;
  const { write, verdict, latency, idle } = result;
  const rate = write.committed / write.seconds;
  const committedShare = write.planned === 0 ? 0 : write.committed / write.planned;
  const growth = latencyGrowth(report);
  return [
    {
      target: '200 reports/s sustained for 60 s',
      measured: `${num(rate, 1)} committed/s over ${num(write.seconds, 1)} s (aimed at ${config.nationalRate}/s for ${config.nationalSeconds} s)`,
      met: config.nationalRate >= 200 && config.nationalSeconds >= 60 && rate >= 0.95 * 200,
    },
    {
      target: 'at least 95 % of reports commit',
      measured: `${num(write.committed)} of ${num(write.planned)} (${percent(write.committed, write.planned)})`,
      met: committedShare >= 0.95,
    },
    {
      target: 'every event reaches every subscriber whose filter selects it, exactly once and in order',
      measured:
        `${num(verdict.exact)} of ${num(idle.requested)} subscribers exact; ${num(verdict.delivered)} of ` +
        `${num(verdict.expected)} deliveries, ${num(verdict.missed)} missed, ${num(verdict.extra)} extra, ` +
        `${num(verdict.repeatedOrLate)} repeated or out of order`,
      met: verdict.exact === idle.requested && verdict.expected > 0 && result.drainSeconds !== null,
    },
    {
      target: `p99 from commit to client at most ${P99_TARGET_MS} ms`,
      measured: `p99 ${ms(latency.fromCommit.p99)} (from \`at\`: ${ms(latency.fromAt.p99)})`,
      met: latency.fromCommit.p99 !== null && latency.fromCommit.p99 <= P99_TARGET_MS,
    },
    {
      target: 'p99 does not grow over the run',
      measured: growth.text,
      met: growth.met,
    },
  ];
}

/**
 * Whether latency grew: p99 of the last window that started within the run against the first (allowed 1.5
 * times the first plus 100 ms, the synthetic mode's rule for medians), and no backlog at the end: the last
 * delivery within `keepUpSeconds` of the last answer (a backlog left at the end is latency that was growing).
 */
function latencyGrowth(report: NationalReport): { text: string; met: boolean } {
  const { result, config } = report;
  const inRun = result.latency.windows.filter((window) => window.fromSecond < result.write.seconds);
  const first = inRun[0]?.fromCommit.p99 ?? null;
  const last = inRun[inRun.length - 1]?.fromCommit.p99 ?? null;
  if (first === null || last === null || inRun.length < 2)
    return { text: 'fewer than two windows', met: false };
  const drained = result.drainSeconds !== null && result.drainSeconds <= config.keepUpSeconds;
  const drain =
    result.drainSeconds === null
      ? 'not all delivered within the drain time'
      : `last delivery ${num(result.drainSeconds, 1)} s after the last answer (at most ${config.keepUpSeconds} s)`;
  return {
    text: `p99 ${ms(first)} in the first ${WINDOW_SECONDS} s, ${ms(last)} in the last window; ${drain}`,
    met: last <= 1.5 * first + 100 && drained,
  };
}

/** The national run's tables, as printed at the end of a run and put in the docs. */
export function nationalTables(report: NationalReport): string {
  return [
    '**Targets of issue 10.**',
    targetTable(report),
    '**Subscribers and what they received.**',
    subscriberTable(report.result),
    `**Latency by ${WINDOW_SECONDS}-second window** (by commit time, from the start of the reports).`,
    windowTable(report.result),
    '**Latency by subscriber**, from commit to client, over the whole run.',
    groupTable(report.result),
    '**Where the CPU and memory went.** CPU while reports were sent, as a share of one core (the machine has ' +
      `${report.machine.cpus}); CPU seconds over the reports and the drain; peak RSS.`,
    cpuTable(report.result),
  ].join('\n\n');
}

function targetTable(report: NationalReport): string {
  return table(
    [{ title: 'target' }, { title: 'measured' }, { title: 'met' }],
    nationalTargets(report).map((row) => [row.target, row.measured, row.met ? 'met' : '**not met**']),
  );
}

function subscriberTable(result: NationalResult): string {
  const kinds: NationalKind[] = ['national', 'province', 'commune', 'directive'];
  const row = (label: string, count: number, verdict: Verdict): string[] => [
    label,
    num(count),
    num(verdict.exact),
    `${num(verdict.delivered)} / ${num(verdict.expected)}`,
    num(verdict.missed),
    num(verdict.extra),
    num(verdict.wrongSets),
    num(verdict.repeatedOrLate),
  ];
  return table(
    [
      { title: 'filter' },
      { title: 'subscribers', right: true },
      { title: 'exact', right: true },
      { title: 'delivered / expected', right: true },
      { title: 'missed', right: true },
      { title: 'extra', right: true },
      { title: 'wrong set', right: true },
      { title: 'repeated or out of order', right: true },
    ],
    [
      ...kinds.map((kind) => row(KIND_TEXT[kind], result.subscribers[kind], result.verdicts[kind])),
      row('all', result.idle.requested, result.verdict),
    ],
  );
}

function windowTable(result: NationalResult): string {
  const rows = result.latency.windows.map((window) => [
    `${window.fromSecond}-${window.fromSecond + WINDOW_SECONDS} s`,
    num(result.write.committedPerWindow[window.fromSecond / WINDOW_SECONDS] ?? 0),
    num(window.fromCommit.count),
    ms(window.fromCommit.p50),
    ms(window.fromCommit.p95),
    ms(window.fromCommit.p99),
    ms(window.fromCommit.max),
    ms(window.fromAt.p99),
  ]);
  const all = result.latency;
  rows.push([
    'whole run',
    num(result.write.committed),
    num(all.fromCommit.count),
    ...summaryCells(all.fromCommit),
    ms(all.fromAt.p99),
  ]);
  return table(
    [
      { title: 'window' },
      { title: 'reports answered', right: true },
      { title: 'deliveries', right: true },
      { title: 'p50', right: true },
      { title: 'p95', right: true },
      { title: 'p99', right: true },
      { title: 'max', right: true },
      { title: 'p99 from `at`', right: true },
    ],
    rows,
  );
}

const GROUPS: [keyof NationalResult['latencyBy'], string][] = [
  ['national', KIND_TEXT.national],
  ['province', KIND_TEXT.province],
  ['commune', KIND_TEXT.commune],
  ['directive', KIND_TEXT.directive],
  ['plain', 'event fields only (`task { __typename id }`)'],
  ['cross', 'cross-subgraph fields'],
];

function groupTable(result: NationalResult): string {
  return table(
    [
      { title: 'subscribers' },
      { title: 'deliveries', right: true },
      { title: 'p50', right: true },
      { title: 'p95', right: true },
      { title: 'p99', right: true },
      { title: 'max', right: true },
    ],
    GROUPS.map(([key, label]) => [
      label,
      num(result.latencyBy[key].count),
      ...summaryCells(result.latencyBy[key]),
    ]),
  );
}

function summaryCells(summary: LatencySummary): string[] {
  return [ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)];
}

const PROCESSES: [string, string][] = [
  ['gateway', 'gateway'],
  ['events', 'events subgraph'],
  ['subgraphs', 'central + provincial + commune'],
  ['postgres', 'PostgreSQL'],
  ['bench', 'load generator'],
  ['other', 'other processes'],
];

function cpuTable(result: NationalResult): string {
  const delivered = result.verdict.delivered;
  const rssOf = (name: string): string => {
    if (name === 'subgraphs') {
      const sum = ['central', 'provincial', 'commune'].reduce(
        (total, key) => total + (result.peakRssKiB[key] ?? 0),
        0,
      );
      return `${num(sum / MiB)} MiB`;
    }
    return result.peakRssKiB[name] === undefined ? '–' : `${num(result.peakRssKiB[name] / MiB)} MiB`;
  };
  return table(
    [
      { title: 'process' },
      { title: 'CPU while reporting', right: true },
      { title: 'CPU seconds', right: true },
      { title: 'CPU per delivery', right: true },
      { title: 'peak RSS', right: true },
    ],
    PROCESSES.map(([name, label]) => [
      label,
      share(result.cpu[name]),
      result.cpuSeconds[name] === undefined ? '–' : num(result.cpuSeconds[name], 1),
      result.cpuSeconds[name] === undefined || delivered === 0
        ? '–'
        : `${num((result.cpuSeconds[name] * 1e6) / delivered)} µs`,
      rssOf(name),
    ]),
  );
}

/** The `### National mode` subsection of docs/benchmarks.md for a run. */
export function nationalSection(report: NationalReport): string {
  return [
    NATIONAL_HEADING,
    ...intro(report).map((paragraph) => wrap(paragraph)),
    nationalTables(report),
    '**What the figures say.**',
    findings(report)
      .map((line) => wrap(`- ${line}`, '  '))
      .join('\n'),
    machineLine(report),
    ['```sh', report.command, '```'].join('\n'),
  ].join('\n\n');
}

function intro(report: NationalReport): string[] {
  const { config, result } = report;
  const counts = result.subscribers;
  return [
    '`npm run bench:live -- --mode=national` (or `BENCH_MODE=national`) measures the hub at the scale of ' +
      'docs/DESIGN.md "Scale" and issue 10. It starts the same throw-away hub as the synthetic mode, fills the ' +
      `national data set of \`npm run bench:rollups\` (${num(result.fill.provincialTasks)} provincial and ` +
      `${num(result.fill.communeTasks)} commune tasks, 50 for each of the ${result.provinces} provinces and ` +
      `${num(result.communes)} communes, and ${num(result.fill.links)} trace links; ${num(result.fill.seconds, 1)} s), ` +
      `then indexes the new tasks for search as a level's start-up catch-up does (${num(result.indexed)} rows, ` +
      `${num(result.indexSeconds, 1)} s), so reports update search rows in place, runs \`VACUUM (ANALYZE)\` ` +
      `(${num(result.vacuumSeconds, 1)} s: what autovacuum does to a national database long before a reporting ` +
      'peak, instead of during the measured reports), and restarts the events subgraph and the gateway. ' +
      "Trace links written by SQL reach the events routing table through the levels' `task_link` triggers.",
    `**Subscribers.** ${num(result.idle.requested)} subscribers, each on its own graphql-ws connection to the ` +
      `gateway: ${num(counts.national)} with no filter, ${num(counts.province)} on \`provinceCode\` ` +
      `(${config.perProvince} per province), ${num(counts.commune)} on \`communeCode\` (${config.perCommune} per ` +
      `commune) and ${num(counts.directive)} on \`directiveNumber\`, spread evenly over the ` +
      `${result.directives.length} directives that have tasks. Every subscriber selects \`${EVENT_FIELDS} task ` +
      `{ __typename id }\`; ${crossText(config, result)} Together they are ${num(result.distinctOperations)} ` +
      'distinct operations (document and variables) in 2 documents: a gateway that shares identical ' +
      'operations needs that many upstream subscriptions, one that routes filters of one document itself ' +
      'needs 2. Before the measured run the benchmark waits until the feed listener count of the events ' +
      'subgraph is steady (it accepts one listener per subscriber or fewer, down to one per distinct ' +
      'document), then sends probe reports with the administrator token, one on a commune task in ' +
      'each province and one on a provincial task of each directive, until every subscriber they reach has ' +
      'received one: that shows each of those subscriptions is live. Commune subscribers of communes without a ' +
      'probe are covered by the listener count only.',
    `**Reporters.** ${config.nationalRate} reports a second for ${config.nationalSeconds} s, open loop at fixed ` +
      `times, at most ${config.concurrency} in flight (a tick that finds that many unanswered sends nothing). ` +
      `Each report goes to the next of all ${num(result.tasks)} provincial and commune tasks in a fixed ` +
      'shuffled order, so reports fall on each province and commune in proportion to its task count, through ' +
      'the gateway (`updateProvincialTaskStatus` / `updateCommuneTaskStatus`, progress one higher with the ' +
      "version last read as `expectedVersion`), with a reporter token of the task's jurisdiction (the province " +
      "code or the commune code), signed once per jurisdiction with the run's throw-away key. " +
      warmupText(config),
    '**Checks.** After the reports, the benchmark reads `events.task_event` (`province_code`, `commune_code`, ' +
      '`directive_keys`) and works out what each filter selects: no filter every event, a province filter the ' +
      "events whose `province_code` is that code (a commune task carries its commune's province), a commune " +
      'filter by `commune_code`, a directive filter when `documentNumberKey(directiveNumber)` is among ' +
      '`directive_keys`. It waits up to ' +
      `${config.drainSeconds} s for every subscriber to receive them and compares, per subscriber, the count, ` +
      'the sum and a hashed sum of the sequence numbers received; an event received again or after a later ' +
      'one counts as repeated or out of order. **Latency** is from commit to client: the load generator LISTENs ' +
      'on the channel each event is announced on (`pg_notify` in the inserting transaction, delivered by ' +
      'PostgreSQL only after the commit), takes the arrival of that notification as the commit time, and ' +
      "subtracts it from the time the subscriber's callback ran, both on this process's clock. The event's `at` " +
      '(`clock_timestamp()` at the insert, before the commit) gives a second, slightly larger figure. Both are ' +
      'stamped in the same busy event loop, so a late loop delays both stamps.',
  ];
}

function warmupText(config: LiveBenchConfig): string {
  if (config.warmupSeconds <= 0) return 'No warm-up: the first reports meet processes cold from their start.';
  return (
    `Before them, a warm-up sends the same rate for ${config.warmupSeconds} s (\`--warmup\`) on the next tasks ` +
    `of the same order, each jurisdiction with a token signed for the warm-up alone, and waits ${WARMUP_SETTLE_MS / 1000} s: the ` +
    "processes' code is compiled and their connection pools are open, as in a hub that has run before the " +
    "peak, while each measured report's token is still new to the hub and costs its first verification. " +
    'The targets are judged on the measured reports only; `--warmup=0` measures a cold hub.'
  );
}

function warmupFinding(warmup: NationalResult['warmup']): string[] {
  if (!warmup) return [];
  const share = warmup.planned === 0 ? 0 : (100 * warmup.committed) / warmup.planned;
  return [
    `The warm-up committed ${num(warmup.committed)} of ${num(warmup.planned)} reports (${num(share, 1)} %)` +
      `${warmup.skipped ? `; ${num(warmup.skipped)} of its ticks sent nothing, the bound of reports in flight reached` : ''}.`,
  ];
}

function crossText(config: LiveBenchConfig, result: NationalResult): string {
  if (config.crossEvery === 0) return 'none selects fields of other subgraphs.';
  return (
    `every ${ordinal(config.crossEvery)} of each kind (${num(result.crossSubscribers)} in all) instead selects ` +
    '`task { __typename id content ... on CommuneTask { commune { name province { name } } } ... on ' +
    'ProvincialTask { plan { province { name } } } }`, which the gateway resolves from the commune and ' +
    'provincial subgraphs for each event.'
  );
}

function ordinal(n: number): string {
  return n === 1 ? 'one' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}

function findings(report: NationalReport): string[] {
  const { result } = report;
  const { idle, write } = result;
  const lines = [
    `${num(idle.opened)} of ${num(idle.requested)} connections were acknowledged in ` +
      `${num(idle.openSeconds, 1)} s; the feed then had ${num(idle.listeners)} listeners ` +
      `(${num(idle.requested)} subscribers, ${num(result.distinctOperations)} distinct operations). ` +
      `${num(idle.ready)} of the ${num(idle.probed)} subscribers the probes were aimed at received one ` +
      `(${num(idle.probeReports)} probe reports a round, ${num(idle.readySeconds, 1)} s).`,
    `Idle, the subscriptions grew the gateway from ${num(idle.rss.gateway[0] / MiB)} to ` +
      `${num(idle.rss.gateway[1] / MiB)} MiB and the events subgraph from ${num(idle.rss.events[0] / MiB)} to ` +
      `${num(idle.rss.events[1] / MiB)} MiB: ${num(perSubscription(idle), 1)} KiB per subscription, the two together.`,
    `${num(write.planned)} reports were due, ${num(write.sent)} sent, ${num(write.committed)} committed` +
      `${write.skipped ? `; ${num(write.skipped)} ticks found ${report.config.concurrency} reports unanswered and sent nothing` : ''}` +
      `${failureText(write.failures)}. ${num(result.events)} events were logged during the run.`,
    ...warmupFinding(result.warmup),
    result.drainSeconds === null
      ? `Not every delivery had arrived ${report.config.drainSeconds} s after the last report was answered.`
      : `The last delivery arrived ${num(result.drainSeconds, 1)} s after the last report was answered.`,
  ];
  lines.push(slowestGroup(result));
  const ended = Object.entries(result.failures);
  lines.push(
    ended.length === 0
      ? 'No subscription or connection ended early.'
      : `Subscriptions that ended early or sent errors: ${ended.map(([reason, times]) => `${reason} (${times}x)`).join('; ')}.`,
  );
  if (result.stale > 0)
    lines.push(`${num(result.stale)} probe events arrived after the measured run had started.`);
  lines.push(
    `After every subscriber closed, the feed had ${num(result.listenersAfterClose)} listeners.`,
    `The machine was not reserved: its load average was ${report.machine.loadAverage.map((v) => v.toFixed(2)).join(', ')} ` +
      `when the run started, and other processes used ${share(result.cpu.other)} of a core while reports were sent.`,
  );
  return lines;
}

/** Which subscribers the slow tail is in: the kind and the selection with the highest p99. */
function slowestGroup(result: NationalResult): string {
  const p99 = (key: keyof NationalResult['latencyBy']): number => result.latencyBy[key].p99 ?? -1;
  const kinds = (['national', 'province', 'commune', 'directive'] as const)
    .slice()
    .sort((a, b) => p99(b) - p99(a));
  const { plain, cross } = result.latencyBy;
  return (
    `Median latency from commit was ${ms(result.latency.fromCommit.p50)} and p99 ${ms(result.latency.fromCommit.p99)}. ` +
    `By selection: p99 ${ms(plain.p99)} for event fields only, ${ms(cross.p99)} for cross-subgraph fields; by ` +
    `filter the highest p99 was ${ms(result.latencyBy[kinds[0]].p99)} (${KIND_TEXT[kinds[0]]}), the lowest ` +
    `${ms(result.latencyBy[kinds[kinds.length - 1]].p99)} (${KIND_TEXT[kinds[kinds.length - 1]]}).`
  );
}

function perSubscription(idle: NationalResult['idle']): number {
  const growth = idle.rss.gateway[1] - idle.rss.gateway[0] + (idle.rss.events[1] - idle.rss.events[0]);
  return idle.opened === 0 ? NaN : growth / idle.opened;
}

function failureText(failures: Map<string, number> | Record<string, number>): string {
  const entries = failures instanceof Map ? [...failures] : Object.entries(failures);
  if (entries.length === 0) return '';
  return ` (refused or failed: ${entries.map(([reason, count]) => `${reason} ${num(count)}x`).join(', ')})`;
}

function machineLine(report: NationalReport): string {
  const { machine, startedAt } = report;
  return wrap(
    `**Machine and run.** ${startedAt.toISOString().slice(0, 10)}, started ${startedAt.toISOString().slice(11, 19)} ` +
      `UTC, commit \`${report.commit}\`; ${machine.cpus} × ` +
      `${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, ${machine.os}, ` +
      `open files ${machine.openFiles} (soft limit during the run ${num(report.result.openFiles)}); ${report.database}.`,
  );
}

function ms(value: number | null): string {
  return value === null ? '–' : `${num(value)} ms`;
}

function share(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value * 100)} %`;
}
