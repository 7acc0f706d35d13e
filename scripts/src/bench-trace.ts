import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { HubHandle } from './hub';
import {
  spawnGateway,
  spawnProgram,
  spawnSubgraphs,
  type RunningProcess,
  type SubgraphProcesses,
} from './processes';
import { fillNation, type NationalFill } from './bench/national-data';
import { gitCommit, withBenchHub, writeBenchmarkSection } from './bench/harness';
import { cpuSeconds, machineInfo } from './bench/live-proc';
import { num, table } from './bench/live-markdown';
import { summarizeProfile } from './bench/cpu-profile';
import {
  TRACE_QUERY,
  answerRows,
  chooseTraces,
  floorRows,
  rowsDiffer,
  type TraceAnswer,
  type TraceCase,
} from './bench/trace-cases';

const RUNS = Number(process.env.NQ57_BENCH_RUNS ?? 30);
const WARM_UP = 5;
const PROGRAMS = ['gateway', 'central', 'provincial', 'commune'] as const;

type Program = (typeof PROGRAMS)[number];

/** A gateway the benchmark times the traces through, and the processes whose CPU a request costs. */
interface Variant {
  name: string;
  url: string;
  pids: Record<Program, number>;
}

/** The measured figures of one trace through one gateway. */
interface TraceTiming extends TraceCase {
  variant: string;
  gatewayMs: number;
  floorMs: number;
  /** CPU milliseconds each process spent per gateway request (mean over the measured runs). */
  cpuMs: Record<Program, number>;
}

/** Each trace's statement counts per level, by trace name. */
type Statements = Map<string, Record<string, number>>;

/** `npm run bench:trace`: national traces through the gateway against one SQL statement; see docs/benchmarks.md. */
async function main(): Promise<void> {
  const startedAt = new Date();
  await withBenchHub('trace', log, async (hub, database) => {
    const running: RunningProcess[] = [];
    const sql = new Client({ connectionString: database.url });
    try {
      // Before the fill, so that no process starts by catching up 168,000 tasks for search.
      const variants = await startVariants(database.url, running);
      await sql.connect();
      const fill = await fillNation(hub, log);
      const traces = await chooseTraces(sql);
      const statements = await checkTraces(hub, sql, variants, traces);
      const timings = await timeAll(sql, variants, traces);
      console.log(`\n${resultTable(timings, statements)}\n`);
      await writeBenchmarkSection(
        docsSection({ startedAt, fill, timings, statements, database: database.description }),
        log,
      );
    } finally {
      await sql.end();
      await stopAll(running);
    }
    await printProfiles();
  });
}

/**
 * The timed gateways, each a child process: ours with NQ57_QUERY_PLANNER=stitching, ours as it runs by default
 * (the Rust query planner) on the same subgraphs, and, with NQ57_TRACE_COMPARE_ROOT set to another compiled
 * checkout of the hub, that checkout's subgraphs and gateway (to compare commits in one run).
 */
async function startVariants(databaseUrl: string, running: RunningProcess[]): Promise<Variant[]> {
  log('Starting the subgraphs and two gateways as child processes (the timed hub)');
  const subgraphs = await spawnSubgraphs(databaseUrl);
  running.push(...Object.values(subgraphs));
  const urls = {
    CENTRAL_URL: subgraphs.central.url,
    PROVINCIAL_URL: subgraphs.provincial.url,
    COMMUNE_URL: subgraphs.commune.url,
    EVENTS_URL: subgraphs.events.url,
  };
  const stitching = await spawnProgram('gateway', { ...urls, NQ57_QUERY_PLANNER: 'stitching' });
  running.push(stitching);
  const rust = await spawnProgram('gateway', { ...urls, NQ57_QUERY_PLANNER: 'rust' });
  running.push(rust);
  const variants = [
    variantOf('gateway, NQ57_QUERY_PLANNER=stitching', stitching, subgraphs),
    variantOf('gateway (Rust planner, default)', rust, subgraphs),
  ];
  const root = process.env.NQ57_TRACE_COMPARE_ROOT;
  if (root) variants.push(await startComparison(root, databaseUrl, running));
  for (const variant of variants) log(`${variant.name}: ${variant.url}`);
  return variants;
}

async function startComparison(
  root: string,
  databaseUrl: string,
  running: RunningProcess[],
): Promise<Variant> {
  // That checkout's own harness, so that its programs run from its own compiled code.
  const other = (await import(path.join(path.resolve(root), 'scripts/dist/processes.js'))) as {
    spawnSubgraphs: typeof spawnSubgraphs;
    spawnGateway: typeof spawnGateway;
  };
  const subgraphs = await other.spawnSubgraphs(databaseUrl);
  running.push(...Object.values(subgraphs));
  const gateway = await other.spawnGateway(subgraphs);
  running.push(gateway);
  const commit = commitOf(root);
  return variantOf(`${path.basename(root)} (commit ${commit})`, gateway, subgraphs);
}

function commitOf(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: 'pipe' })
      .toString()
      .trim();
  } catch {
    // An exported tree (git archive) has no repository; NQ57_TRACE_COMPARE_COMMIT names what it holds.
    return process.env.NQ57_TRACE_COMPARE_COMMIT ?? 'unknown';
  }
}

function variantOf(name: string, gateway: RunningProcess, subgraphs: SubgraphProcesses): Variant {
  return {
    name,
    url: gateway.url,
    pids: {
      gateway: pidOf(gateway),
      central: pidOf(subgraphs.central),
      provincial: pidOf(subgraphs.provincial),
      commune: pidOf(subgraphs.commune),
    },
  };
}

/** Checks every variant against the floor for every trace, and counts each trace's SQL statements. */
async function checkTraces(
  hub: HubHandle,
  sql: Client,
  variants: Variant[],
  traces: TraceCase[],
): Promise<Statements> {
  const statements: Statements = new Map();
  for (const trace of traces) {
    log(
      `${trace.name}: ${trace.centralRef}, ${trace.provincialRows} provincial + ${trace.communeRows} commune rows`,
    );
    for (const variant of variants) await checkSameRows(variant, sql, trace);
    statements.set(trace.name, await countStatements(hub, trace));
  }
  return statements;
}

async function timeAll(sql: Client, variants: Variant[], traces: TraceCase[]): Promise<TraceTiming[]> {
  const floor = traces.map(() => [] as number[]);
  const wall = traces.map(() => variants.map(() => [] as number[]));
  const cpu = traces.map(() => variants.map(() => [] as Record<Program, number>[]));
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    // Interleaved, the order rotated every round, so that load from other work on the machine hits all alike.
    for (const [t, trace] of traces.entries()) {
      const order = [-1, ...variants.keys()];
      for (let k = 0; k < order.length; k++) {
        const v = order[(k + run) % order.length];
        if (v < 0) {
          floor[t].push(await timed(() => floorRows(sql, trace)));
          continue;
        }
        const before = cpuOf(variants[v].pids);
        wall[t][v].push(await timed(() => viaGateway(variants[v].url, trace)));
        cpu[t][v].push(since(before, cpuOf(variants[v].pids)));
      }
    }
  }
  return traces.flatMap((trace, t) =>
    variants.map((variant, v) => ({
      ...trace,
      variant: variant.name,
      gatewayMs: median(wall[t][v].slice(WARM_UP)),
      floorMs: median(floor[t].slice(WARM_UP)),
      cpuMs: meanCpu(cpu[t][v].slice(WARM_UP)),
    })),
  );
}

function pidOf(running: RunningProcess): number {
  if (running.child.pid === undefined) throw new Error(`${running.name} has no process id`);
  return running.child.pid;
}

async function viaGateway(url: string, trace: TraceCase): Promise<TraceAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: TRACE_QUERY,
      operationName: 'NationalTrace',
      variables: { id: trace.centralId, province: trace.provinceCode },
    }),
  });
  const body = (await response.json()) as { data?: TraceAnswer; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${trace.name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function checkSameRows(variant: Variant, sql: Client, trace: TraceCase): Promise<void> {
  const gateway = answerRows(await viaGateway(variant.url, trace));
  const floor = await floorRows(sql, trace);
  const difference = rowsDiffer(gateway, floor);
  if (difference) throw new Error(`${trace.name}: ${variant.name} and the floor differ: ${difference}`);
  log(`${trace.name}: ${variant.name} and the floor return the same ${floor.length} rows`);
}

async function countStatements(hub: HubHandle, trace: TraceCase): Promise<Record<string, number>> {
  const levels = [hub.central, hub.provincial, hub.commune];
  const before = levels.map((level) => level.queries.total);
  // Through the in-process hub: its subgraphs count the statements their data sources run.
  await viaGateway(hub.gateway.url, trace);
  return Object.fromEntries(levels.map((level, i) => [level.name, level.queries.total - before[i]]));
}

async function timed(once: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await once();
  return performance.now() - started;
}

function cpuOf(pids: Record<Program, number>): Record<Program, number> {
  return Object.fromEntries(PROGRAMS.map((name) => [name, cpuSeconds(pids[name]) * 1000])) as Record<
    Program,
    number
  >;
}

function since(before: Record<Program, number>, after: Record<Program, number>): Record<Program, number> {
  return Object.fromEntries(PROGRAMS.map((name) => [name, after[name] - before[name]])) as Record<
    Program,
    number
  >;
}

// /proc counts CPU in clock ticks (10 ms): a mean over the runs says more than a median of ticks.
function meanCpu(samples: Record<Program, number>[]): Record<Program, number> {
  const total = (name: Program): number => samples.reduce((sum, sample) => sum + sample[name], 0);
  return Object.fromEntries(PROGRAMS.map((name) => [name, total(name) / samples.length])) as Record<
    Program,
    number
  >;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function stopAll(running: RunningProcess[]): Promise<void> {
  // Gateways first, so no request reaches a stopped subgraph. SIGTERM lets --cpu-prof write its profile.
  const gateways = running.filter((child) => child.name === 'gateway');
  await Promise.all(gateways.map((child) => child.kill('SIGTERM')));
  await Promise.all(
    running.filter((child) => child.name !== 'gateway').map((child) => child.kill('SIGTERM')),
  );
}

/** With NQ57_CPU_PROF_DIR set, prints each profile's busiest packages and functions (self time, idle left out). */
async function printProfiles(): Promise<void> {
  const dir = process.env.NQ57_CPU_PROF_DIR;
  if (!dir) return;
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile')).sort()) {
    const summary = await summarizeProfile(path.join(dir, file));
    const share = (ms: number): string => `${((100 * ms) / summary.busyMs).toFixed(1)} %`;
    console.log(`\n${file}: ${num(summary.busyMs)} ms busy`);
    for (const { name, ms } of summary.byPackage.slice(0, 10))
      console.log(`  package  ${share(ms).padStart(7)}  ${name}`);
    for (const { name, ms } of summary.byFunction.slice(0, 10))
      console.log(`  function ${share(ms).padStart(7)}  ${name}`);
  }
}

function resultTable(timings: TraceTiming[], statements: Statements): string {
  return table(
    [
      { title: 'trace' },
      { title: 'through' },
      { title: 'rows p/x', right: true },
      { title: 'statements c/p/x', right: true },
      { title: 'gateway ms', right: true },
      { title: 'floor ms', right: true },
      { title: 'ratio', right: true },
      { title: 'CPU ms gw/c/p/x', right: true },
    ],
    timings.map((t) => {
      const counts = statements.get(t.name) ?? {};
      return [
        `${t.name} (\`${t.centralRef}\`)`,
        t.variant,
        `${num(t.provincialRows)}/${num(t.communeRows)}`,
        `${counts.central}/${counts.provincial}/${counts.commune}`,
        num(t.gatewayMs, 1),
        num(t.floorMs, 1),
        `${(t.gatewayMs / t.floorMs).toFixed(2)}×`,
        PROGRAMS.map((name) => num(t.cpuMs[name])).join('/'),
      ];
    }),
  );
}

function docsSection(report: {
  startedAt: Date;
  fill: NationalFill;
  timings: TraceTiming[];
  statements: Statements;
  database: string;
}): string {
  const machine = machineInfo();
  return [
    '## Trace',
    '',
    `Run with \`npm run bench:trace\` on ${report.startedAt.toISOString().slice(0, 10)} (working tree on commit ` +
      `${gitCommit()}), on ${machine.cpus} × ${machine.cpuModel}, Node ${process.version}, ${report.database}, ` +
      `load average ${machine.loadAverage.map((load) => load.toFixed(1)).join(' ')} at the start (the machine is ` +
      `shared). The data set is that of the roll-up benchmark (${num(report.fill.provincialTasks)} provincial and ` +
      `${num(report.fill.communeTasks)} commune tasks, ${num(report.fill.links)} trace links). The subgraphs and the ` +
      'gateways run as child processes: our gateway as it runs by default (Hive Gateway runtime with the Rust ' +
      'query planner of `@graphql-hive/router-runtime`) and a second one on the same subgraphs with ' +
      "`NQ57_QUERY_PLANNER=stitching` (schema stitching, the runtime's own planner). Each trace is the " +
      '`NationalTrace` operation of `scripts/src/bench/trace-cases.ts` (a central task, its provincial tasks ' +
      'with plan and province, their commune tasks and its direct commune tasks, each with commune and ' +
      'province); the floor is one SQL ' +
      'statement over the three schemas returning the same rows, sent by `pg` from the benchmark process. Before ' +
      'timing, the benchmark checks that every gateway and the floor return the same rows (ids and every field). ' +
      `Then ${WARM_UP} unmeasured and ${RUNS} measured rounds; in each, every trace goes through every gateway and ` +
      'the floor one after the other, the order rotated every round; figures are medians, the ratio is gateway ' +
      'over floor. "statements" is what one trace costs in the central, provincial and commune subgraphs; "CPU" ' +
      'is the CPU time of the gateway, central, provincial and commune processes per request (mean of the ' +
      'measured runs, from /proc).',
    '',
    resultTable(report.timings, report.statements),
    '',
    'A third row per trace, when present, is another checkout run side by side on the same database ' +
      '(`NQ57_TRACE_COMPARE_ROOT=<its directory>`, e.g. an export of the commit before a change), so that a ' +
      'before and an after are measured in one run on this shared machine. What the profiles showed and why the ' +
      'gateway still costs most of the ratio: docs/decisions/0007-national-load-trace.md. Profiles of every ' +
      'process: `NQ57_CPU_PROF_DIR=<dir> npm run bench:trace` (summaries printed at the end).',
    '',
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:trace] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
