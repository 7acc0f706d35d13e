import { performance } from 'node:perf_hooks';
import { catchUpSearchIndex, TaskLevel } from '@nq57/shared';
import { SearchTasksArgs, TaskSearchFilter, searchRequest, searchStatements } from '@nq57/events';
import type { HubHandle } from './hub';
import { fillLevel, readTemplates } from './bench/search-data';
import { machineInfo } from './bench/live-proc';
import { num, table } from './bench/live-markdown';
import { gitCommit, withBenchHub, writeBenchmarkSection } from './bench/harness';

const RUNS = Number(process.env.NQ57_BENCH_RUNS ?? 20);
const WARM_UP = 3;
/** A series stops early once it has taken this long (with at least MIN_RUNS samples): slow counts would take hours. */
const BUDGET_MS = Number(process.env.NQ57_BENCH_BUDGET_MS ?? 20_000);
const MIN_RUNS = 5;
const AS_OF = '2026-03-10';

/** One representative search: what a portal would send. */
interface Case {
  name: string;
  args: Record<string, unknown>;
}

const CASES: Case[] = [
  { name: 'common words, by relevance', args: { query: 'chuyen doi so' } },
  { name: 'common words, by deadline', args: { query: 'chuyen doi so', orderBy: 'DEADLINE' } },
  { name: 'rarer words', args: { query: 'tri tue nhan tao' } },
  { name: 'a phrase', args: { query: '"ha tang so"' } },
  { name: 'words + province', args: { query: 'du lieu', filter: { provinceCode: '19' } } },
  { name: 'words + commune', args: { query: 'chuyen doi so', filter: { communeCode: '24682' } } },
  { name: 'words + agency', args: { query: 'du lieu', filter: { agency: 'so khoa hoc va cong nghe' } } },
  {
    name: 'words + status + level',
    args: { query: 'chuyen doi so', filter: { statuses: ['IN_PROGRESS'], levels: ['COMMUNE'] } },
  },
  { name: 'words + light', args: { query: 'tri tue nhan tao', filter: { lights: ['RED'] }, asOf: AS_OF } },
  { name: 'no words, province, by deadline', args: { filter: { provinceCode: '68' }, orderBy: 'DEADLINE' } },
  {
    name: 'no words, due in a month',
    args: { filter: { dueFrom: '2026-03-01', dueTo: '2026-03-31' }, orderBy: 'DEADLINE' },
  },
  { name: 'no words, agency only', args: { filter: { agency: 'ubnd cap xa' } } },
  {
    name: 'no words, province + light',
    args: { filter: { provinceCode: '19', lights: ['RED'] }, asOf: AS_OF },
  },
  { name: 'no words, light, whole country', args: { filter: { lights: ['RED'] }, asOf: AS_OF } },
  { name: 'no words, no filter', args: {} },
];

const SEARCH = `query BenchSearch($query: String, $filter: TaskSearchFilter, $asOf: String, $orderBy: TaskSearchOrder,
    $first: Int, $after: String) {
  searchTasks(query: $query, filter: $filter, asOf: $asOf, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { level score highlights { start end } task { __typename id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The page alone, without totalCount: one statement. */
const SEARCH_PAGE = SEARCH.replace('    totalCount\n', '');

/** The same search, with each task's content and state from its own subgraph, through the gateway. */
const SEARCH_WITH_TASKS = SEARCH.replace(
  'task { __typename id }',
  'task { __typename id content state { light } }',
);

type Result = {
  data?: { searchTasks: { totalCount?: number; pageInfo: { endCursor: string | null } } };
  errors?: unknown[];
};

interface Timing {
  name: string;
  total: number;
  page: Percentiles;
  direct: Percentiles;
  gateway: Percentiles;
  plan: PlanSummary;
}

interface Percentiles {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

interface PlanSummary {
  pageMs: number;
  countMs: number;
  indexes: string[];
  text: string;
}

/** `npm run bench:search`: searches over a national-scale search projection; see docs/benchmarks.md. */
async function main(): Promise<void> {
  const startedAt = new Date();
  await withBenchHub('search', log, async (hub, database) => {
    const fill = await fillNation(hub);
    const timings: Timing[] = [];
    for (const benchCase of [...CASES, await deepPage(hub)]) timings.push(await measure(hub, benchCase));
    console.log(`\n${resultTable(timings)}\n`);
    await writeBenchmarkSection(
      docsSection({ startedAt, fill, timings, database: database.description }),
      log,
    );
  });
}

interface Fill {
  rows: number;
  insertSeconds: number;
  catchUpSeconds: number;
  idleCatchUpMs: number;
  tableMiB: number;
  indexMiB: Record<string, number>;
}

/** Synthetic plans for every province and commune, then the levels' start-up catch-up indexes them. */
async function fillNation(hub: HubHandle): Promise<Fill> {
  const templates = await readTemplates({
    central: hub.central.dataSource,
    provincial: hub.provincial.dataSource,
    commune: hub.commune.dataSource,
  });
  log(`Filling one plan of 50 tasks per province and per commune from ${templates.length} seed tasks`);
  let started = performance.now();
  const inserted =
    (await fillLevel(hub.provincial.dataSource, 'provincial', templates)) +
    (await fillLevel(hub.commune.dataSource, 'commune', templates));
  const insertSeconds = (performance.now() - started) / 1000;
  log(`${inserted} task rows in ${insertSeconds.toFixed(1)} s; running the start-up catch-up of each level`);
  started = performance.now();
  let indexed = 0;
  indexed += await catchUpSearchIndex(hub.provincial.dataSource, TaskLevel.PROVINCIAL);
  indexed += await catchUpSearchIndex(hub.commune.dataSource, TaskLevel.COMMUNE);
  const catchUpSeconds = (performance.now() - started) / 1000;
  const events = hub.events.dataSource;
  // What autovacuum would have done before the next start; then a start's catch-up with nothing to do.
  await events.query('VACUUM ANALYZE task_search');
  started = performance.now();
  await catchUpSearchIndex(hub.commune.dataSource, TaskLevel.COMMUNE);
  const idleCatchUpMs = performance.now() - started;
  log(
    `Catch-up indexed ${indexed} rows in ${catchUpSeconds.toFixed(1)} s; with nothing to do: ${idleCatchUpMs.toFixed(0)} ms`,
  );
  const [{ rows, table_mib }] = (await events.query(
    `SELECT count(*)::int AS rows, pg_table_size('task_search') / 1048576.0 AS table_mib FROM task_search`,
  )) as { rows: number; table_mib: string }[];
  const indexes = (await events.query(
    `SELECT indexrelname AS name, pg_relation_size(indexrelid) / 1048576.0 AS mib
     FROM pg_stat_user_indexes WHERE relname = 'task_search' ORDER BY indexrelname`,
  )) as { name: string; mib: string }[];
  return {
    rows,
    insertSeconds,
    catchUpSeconds,
    idleCatchUpMs,
    tableMiB: Number(table_mib),
    indexMiB: Object.fromEntries(indexes.map((index) => [index.name, Number(index.mib)])),
  };
}

/** The fifth page of the commonest search: keyset pagination costs the same deep in the results. */
async function deepPage(hub: HubHandle): Promise<Case> {
  let after: string | null = null;
  for (let page = 0; page < 4; page++) {
    const result: Result = await post(hub.events.url, SEARCH, { query: 'chuyen doi so', first: 20, after });
    after = result.data?.searchTasks.pageInfo.endCursor ?? null;
  }
  return { name: 'common words, page 5 (after a cursor)', args: { query: 'chuyen doi so', after } };
}

async function measure(hub: HubHandle, benchCase: Case): Promise<Timing> {
  const variables = { first: 20, ...benchCase.args };
  const page = await latencies(hub.events.url, SEARCH_PAGE, variables);
  const direct = await latencies(hub.events.url, SEARCH, variables);
  const gateway = await latencies(hub.gateway.url, SEARCH_WITH_TASKS, variables);
  const plan = await explain(hub, variables);
  log(
    `${benchCase.name}: ${direct.total} hits; page p50 ${page.p50.toFixed(1)} ms; with count p50 ` +
      `${direct.p50.toFixed(1)} ms, p95 ${direct.p95.toFixed(1)} ms;` +
      ` gateway p50 ${gateway.p50.toFixed(1)} ms; indexes ${plan.indexes.join(', ') || 'none'}`,
  );
  return { name: benchCase.name, total: direct.total, page, direct, gateway, plan };
}

async function latencies(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Percentiles & { total: number }> {
  let total = 0;
  const samples: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    if (samples.length >= MIN_RUNS && performance.now() > deadline) break;
    const started = performance.now();
    const result = await post(url, query, variables);
    const elapsed = performance.now() - started;
    if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
    total = result.data.searchTasks.totalCount ?? total;
    if (run >= WARM_UP) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { total, runs: samples.length, p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1] };
}

/** EXPLAIN ANALYZE of the two statements the events subgraph runs for these arguments. */
async function explain(hub: HubHandle, variables: Record<string, unknown>): Promise<PlanSummary> {
  const { filter, ...rest } = variables;
  const args = Object.assign(new SearchTasksArgs(), rest, {
    filter: filter ? Object.assign(new TaskSearchFilter(), filter) : undefined,
  });
  const { page, count } = searchStatements(searchRequest(args));
  const events = hub.events.dataSource;
  const run = async (
    sql: string,
    params: unknown[],
  ): Promise<{ ms: number; text: string; json: unknown }> => {
    const [{ 'QUERY PLAN': json }] = (await events.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      params,
    )) as {
      'QUERY PLAN': [{ 'Execution Time': number }];
    }[];
    const rows = (await events.query(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`,
      params,
    )) as {
      'QUERY PLAN': string;
    }[];
    return { ms: json[0]['Execution Time'], text: rows.map((row) => row['QUERY PLAN']).join('\n'), json };
  };
  const pagePlan = await run(page.sql, page.params);
  const countPlan = await run(count.sql, count.params);
  return {
    pageMs: pagePlan.ms,
    countMs: countPlan.ms,
    indexes: [...new Set([...indexNames(pagePlan.json), ...indexNames(countPlan.json)])].sort(),
    text: `-- page\n${pagePlan.text}\n-- count\n${countPlan.text}`,
  };
}

function indexNames(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(indexNames);
  if (plan === null || typeof plan !== 'object') return [];
  const node = plan as Record<string, unknown>;
  return [
    ...(typeof node['Index Name'] === 'string' ? [node['Index Name']] : []),
    ...Object.values(node).flatMap((value) => (typeof value === 'object' ? indexNames(value) : [])),
  ];
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}

function resultTable(timings: Timing[]): string {
  return table(
    [
      { title: 'search (first: 20)' },
      { title: 'matches', right: true },
      { title: 'page p50 / p95 ms', right: true },
      { title: '+ totalCount p50 / p95 ms', right: true },
      { title: 'gateway p50 / p95 ms', right: true },
      { title: 'SQL page / count ms', right: true },
      { title: 'indexes used' },
    ],
    timings.map((timing) => [
      timing.name,
      num(timing.total),
      `${num(timing.page.p50, 1)} / ${num(timing.page.p95, 1)}`,
      `${num(timing.direct.p50, 1)} / ${num(timing.direct.p95, 1)}`,
      `${num(timing.gateway.p50, 1)} / ${num(timing.gateway.p95, 1)}`,
      `${num(timing.plan.pageMs, 1)} / ${num(timing.plan.countMs, 1)}`,
      timing.plan.indexes.map((name) => `\`${name.replace('task_search_', '')}\``).join(', ') ||
        'none (seq scan)',
    ]),
  );
}

function docsSection(report: { startedAt: Date; fill: Fill; timings: Timing[]; database: string }): string {
  const machine = machineInfo();
  const { fill } = report;
  const fewest = report.timings.reduce((a, b) => (b.direct.runs < a.direct.runs ? b : a));
  const plans = ['common words, by relevance', 'no words, province, by deadline', 'no words, agency only'];
  return [
    '## Search',
    '',
    `Run on ${report.startedAt.toISOString().slice(0, 10)} with \`npm run bench:search\` ` +
      `(working tree on commit ${gitCommit()}), on ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `${machine.memoryGiB.toFixed(0)} GiB RAM, ${machine.os}, Node ${machine.node}; ${report.database}.`,
    '',
    `The hub starts seeded, then one synthetic plan of 50 tasks is written for each of the 34 provinces and ` +
      `3,321 communes (${num(fill.rows)} rows in the projection with the seed's), each task a seed task with a ` +
      `place or period appended, its due date moved by up to a year and a drawn status. Writing them took ` +
      `${fill.insertSeconds.toFixed(1)} s; the levels' start-up catch-up then indexed them in ` +
      `${fill.catchUpSeconds.toFixed(1)} s, and with nothing left to do it takes ${fill.idleCatchUpMs.toFixed(0)} ms ` +
      `(the cost every later start of the commune subgraph pays). Table ${fill.tableMiB.toFixed(0)} MiB; indexes: ` +
      Object.entries(fill.indexMiB)
        .map(([name, mib]) => `\`${name}\` ${mib.toFixed(1)} MiB`)
        .join(', ') +
      '.',
    '',
    `Each search ran ${WARM_UP} times to warm up, then ${RUNS} times one after another over HTTP, or as many times ` +
      `as fit in ${BUDGET_MS / 1000} s but at least ${MIN_RUNS} (the slowest, "${fewest.name}", ran ` +
      `${fewest.direct.runs} times with its count). "page" asks the ` +
      'events subgraph for 20 hits and their cursors (one SQL statement); "+ totalCount" adds the count (a second ' +
      'statement); "gateway" is that through the gateway, with each task\'s `content` and `state { light }` from its ' +
      "own subgraph. The SQL column is PostgreSQL's execution time of the two statements (EXPLAIN ANALYZE, run once " +
      `more); the last column names the indexes their plans use. Lights are judged as of ${AS_OF}.`,
    '',
    resultTable(report.timings),
    '',
    'Plans of three of them (EXPLAIN ANALYZE, costs and timing off):',
    '',
    ...report.timings
      .filter((timing) => plans.includes(timing.name))
      .flatMap((timing) => [`${timing.name}:`, '', '```text', timing.plan.text, '```', '']),
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:search] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
