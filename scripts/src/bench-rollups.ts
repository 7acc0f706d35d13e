import type { HubHandle } from './hub';
import { fillNation, type NationalFill } from './bench/national-data';
import { gitCommit, withBenchHub, writeBenchmarkSection, timeRuns, type Percentiles } from './bench/harness';
import { machineInfo } from './bench/live-proc';
import { num, table } from './bench/live-markdown';

const RUNS = Number(process.env.NQ57_BENCH_RUNS ?? 20);
const WARM_UP = 3;
const AS_OF = '2026-03-10';
const COUNTS = 'total overdue green yellow red grey';

/** One dashboard query, as a portal would send it through the gateway. */
interface Case {
  name: string;
  /** How many tasks its answer counts, for the table. */
  counts: string;
  query: string;
}

const CASES: Case[] = [
  {
    name: 'provinceRanking',
    counts: "the 34 provinces' plan tasks",
    query: `query Q { provinceRanking(asOf: "${AS_OF}") { rank province { code } onTimeShare judged progress { ${COUNTS} } } }`,
  },
  {
    name: 'provinces { progress communeProgress }',
    counts: 'every task of every province and commune',
    query: `query Q { provinces { code progress(asOf: "${AS_OF}") { ${COUNTS} } communeProgress(asOf: "${AS_OF}") { ${COUNTS} } } }`,
  },
  {
    name: 'province(19) { communeRanking agencies }',
    counts: "Thái Nguyên's communes' tasks, and its own by lead",
    query: `query Q { province(code: "19") { communeRanking(asOf: "${AS_OF}") { rank commune { code } judged } agencies(asOf: "${AS_OF}") { agency progress { ${COUNTS} } } } }`,
  },
  {
    name: 'commune(24682) { progress agencies }',
    counts: "one commune's tasks",
    query: `query Q { commune(code: "24682") { progress(asOf: "${AS_OF}") { ${COUNTS} } agencies(asOf: "${AS_OF}") { agency progress { total } } } }`,
  },
  {
    name: 'directives { progress agencies }',
    counts: 'the 98 central tasks',
    query: `query Q { directives { number progress(asOf: "${AS_OF}") { ${COUNTS} } agencies(asOf: "${AS_OF}") { agency progress { total } } } }`,
  },
  {
    name: 'directive(71/NQ-CP) { tasks { implementationProgress } }',
    counts: 'the implementers of 15 central tasks',
    query: `query Q { directive(number: "71/NQ-CP") { tasks { implementationProgress(asOf: "${AS_OF}") { total { ${COUNTS} } } } } }`,
  },
  {
    name: 'directives { tasks { implementationProgress } }',
    counts: 'the implementers of all 98 central tasks',
    query: `query Q { directives { tasks { implementationProgress(asOf: "${AS_OF}") { provincial { total } commune { total } total { ${COUNTS} } } } } }`,
  },
];

interface Timing extends Percentiles {
  name: string;
  counts: string;
  statements: Record<string, number>;
}

/** `npm run bench:rollups`: roll-ups and rankings over national-scale data; see docs/benchmarks.md. */
async function main(): Promise<void> {
  const startedAt = new Date();
  await withBenchHub('rollups', log, async (hub, database) => {
    const fill = await fillNation(hub, log);
    const timings: Timing[] = [];
    for (const benchCase of CASES) timings.push(await measure(hub, benchCase));
    console.log(`\n${resultTable(timings)}\n`);
    await writeBenchmarkSection(
      docsSection({ startedAt, fill, timings, database: database.description }),
      log,
    );
  });
}

async function measure(hub: HubHandle, benchCase: Case): Promise<Timing> {
  const once = async (): Promise<void> => {
    const response = await fetch(hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: benchCase.query }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`${benchCase.name}: ${JSON.stringify(body.errors)}`);
  };
  const statements = await countStatements(hub, once);
  const timing = { ...benchCase, ...(await timeRuns(once, WARM_UP, RUNS)), statements };
  log(`${benchCase.name}: p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms`);
  return timing;
}

async function countStatements(hub: HubHandle, once: () => Promise<void>): Promise<Record<string, number>> {
  const levels = [hub.central, hub.provincial, hub.commune];
  const before = levels.map((level) => level.queries.total);
  await once();
  return Object.fromEntries(levels.map((level, i) => [level.name, level.queries.total - before[i]]));
}

function resultTable(timings: Timing[]): string {
  return table(
    [
      { title: 'query (through the gateway)' },
      { title: 'counts' },
      { title: 'statements c/p/x', right: true },
      { title: 'p50 ms', right: true },
      { title: 'p95 ms', right: true },
    ],
    timings.map((t) => [
      `\`${t.name}\``,
      t.counts,
      `${t.statements.central}/${t.statements.provincial}/${t.statements.commune}`,
      num(t.p50),
      num(t.p95),
    ]),
  );
}

function docsSection(report: {
  startedAt: Date;
  fill: NationalFill;
  timings: Timing[];
  database: string;
}): string {
  const machine = machineInfo();
  const { fill } = report;
  return [
    '## Roll-ups and rankings',
    '',
    `Run with \`npm run bench:rollups\` on ${report.startedAt.toISOString().slice(0, 10)} (working tree on commit ` +
      `${gitCommit()}), on ${machine.cpus} × ${machine.cpuModel}, ${num(machine.memoryGiB)} GiB RAM, ` +
      `Node ${process.version}, ${report.database}. The hub is the seeded one plus ${num(fill.provincialTasks)} ` +
      `provincial and ${num(fill.communeTasks)} commune tasks (50 for each of the 34 provinces and 3,321 ` +
      `communes, copied from the seed tasks with their deadlines moved and statuses drawn) and ${num(fill.links)} ` +
      'trace links: each provincial task implements a central task, 60 % of commune tasks a provincial task of ' +
      `their province and 20 % a central task. Filling took ${fill.seconds.toFixed(1)} s. Each query ran ` +
      `${WARM_UP} times unmeasured, then ${RUNS} times one after another, through the gateway, as of ${AS_OF}. ` +
      '"statements" is what one run cost in the central, provincial and commune subgraphs.',
    '',
    resultTable(report.timings),
    '',
    'Each roll-up is one aggregate per subgraph, so the statements stay the same however many provinces, ' +
      'communes or central tasks a query covers; the time grows with the task rows counted (`task_state()` ' +
      'costs about 3 µs a row, see docs/monitoring.md). The slowest is `implementationProgress` for all 98 ' +
      'central tasks: it follows every trace link in the country and counts every task that implements one.',
    '',
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:rollups] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
