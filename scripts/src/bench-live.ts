import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig, type LiveBenchConfig } from './bench/live-config';
import { docsSection } from './bench/live-docs';
import { gitCommit } from './bench/harness';
import { startBenchHub, type BenchHub } from './bench/live-hub';
import { readSubsection, writeSection, writeSubsection } from './bench/live-markdown';
import { machineInfo, raiseOpenFiles, type MachineInfo } from './bench/live-proc';
import { bestSweep, resultTables, type BenchReport } from './bench/live-report';
import { runIdentical, type IdenticalResult } from './bench/live-identical';
import { benchContext, runLevel, writerSweep, type BenchContext, type LevelResult } from './bench/live-steps';
import {
  LIVE_SECTION,
  NATIONAL_HEADING,
  nationalSection,
  nationalTables,
  type NationalReport,
} from './bench/national-report';
import { runNational } from './bench/national-run';

const DOCS = path.resolve(__dirname, '../../docs/benchmarks.md');
const OPEN_FILES_MARGIN = 512;

/** `npm run bench:live`: live-subscription load on a throw-away hub; see docs/benchmarks.md. */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const machine = machineInfo();
  if (config.mode === 'national') return national(config, { startedAt, machine });
  log(`Subscriber counts ${config.subscribers.join(', ')}; rates ${config.rates.join(', ')} updates/s`);
  const hub = await startBenchHub(log);
  stopOnSignal(hub);
  try {
    const report = await measure(hub, config, { startedAt, machine });
    const raw = path.join(os.tmpdir(), `nq57-bench-live-${startedAt.getTime()}.json`);
    await writeFile(raw, JSON.stringify(report, jsonReplacer, 2));
    log(`Raw results: ${raw}`);
    console.log(`\n${resultTables(report)}\n`);
    if (config.writeDocs) {
      // The section is rewritten whole: keep the national mode's subsection, which this run does not measure.
      const national = await readSubsection(DOCS, LIVE_SECTION, NATIONAL_HEADING);
      await writeSection(DOCS, '# Benchmarks', [docsSection(report), national ?? ''].join('\n\n'));
      log(`Wrote the "Live subscriptions" section of ${path.relative(process.cwd(), DOCS)}`);
    }
  } finally {
    log('Stopping the hub and PostgreSQL');
    await hub.stop();
  }
}

/** The national mode: one run on the national data set, written as the "National mode" subsection. */
async function national(
  config: LiveBenchConfig,
  run: { startedAt: Date; machine: MachineInfo },
): Promise<void> {
  log(
    `National mode: ${config.nationalRate} reports/s for ${config.nationalSeconds} s, ` +
      `at most ${config.concurrency} in flight`,
  );
  const hub = await startBenchHub(log);
  stopOnSignal(hub);
  try {
    const result = await runNational(hub, config, log);
    const report: NationalReport = {
      config,
      ...run,
      database: hub.database,
      commit: gitCommit(),
      command: commandLine(),
      result,
    };
    const raw = path.join(os.tmpdir(), `nq57-bench-national-${run.startedAt.getTime()}.json`);
    await writeFile(raw, JSON.stringify(report, jsonReplacer, 2));
    log(`Raw results: ${raw}`);
    console.log(`\n${nationalTables(report)}\n`);
    if (config.writeDocs) {
      await writeSubsection(DOCS, LIVE_SECTION, NATIONAL_HEADING, nationalSection(report));
      log(`Wrote the "National mode" part of ${path.relative(process.cwd(), DOCS)}`);
    }
  } finally {
    log('Stopping the hub and PostgreSQL');
    await hub.stop();
  }
}

async function measure(
  hub: BenchHub,
  config: LiveBenchConfig,
  run: { startedAt: Date; machine: MachineInfo },
): Promise<BenchReport> {
  const context = await benchContext(hub, config, log);
  log('Flat-out updates with no subscriber, by writer count');
  const sweep = await writerSweep(context);
  const flatOutWriters = config.writers || (bestSweep(sweep)?.writers ?? 8);
  const levels: LevelResult[] = [];
  const notRun: string[] = [];
  for (const count of config.subscribers) {
    const tooFew = tooFewOpenFiles(count);
    if (tooFew) {
      log(tooFew);
      notRun.push(tooFew);
      continue;
    }
    // Fresh processes: RSS before opening is not inflated by garbage from the sweep or the previous count.
    await hub.restartLive();
    log(`${count} subscribers (fresh events subgraph and gateway)`);
    const level = await runLevel(context, count, flatOutWriters);
    levels.push(level);
    if (level.idle.opened < count) {
      notRun.push(
        `Only ${level.idle.opened} of ${count} subscribers could be opened; larger counts were not tried`,
      );
      log(notRun[notRun.length - 1]);
      break;
    }
  }
  const identical = await identicalSubscribers(context, notRun);
  return {
    config,
    ...run,
    database: hub.database,
    commit: gitCommit(),
    command: commandLine(),
    tasks: context.tasks,
    sweep,
    flatOutWriters,
    levels,
    identical,
    notRun,
  };
}

/** The identical-subscriber steps (live-identical.ts), unless switched off or the open-files limit is too low. */
async function identicalSubscribers(
  context: BenchContext,
  notRun: string[],
): Promise<IdenticalResult | null> {
  const count = context.config.identical;
  if (count === 0) return null;
  const tooFew = tooFewOpenFiles(2 * count);
  if (tooFew) {
    notRun.push(`Identical subscribers: ${tooFew}`);
    log(notRun[notRun.length - 1]);
    return null;
  }
  return runIdentical(context);
}

/**
 * Why `count` subscribers cannot be opened with this process's open-files limit, or null. The load generator
 * and the gateway (which inherits the limit) each hold a socket per subscriber, plus a margin for the rest.
 */
function tooFewOpenFiles(count: number): string | null {
  const needed = count + OPEN_FILES_MARGIN;
  const limit = raiseOpenFiles(needed);
  if (needed <= limit) return null;
  return `${count} subscribers not run: they need about ${needed} open files, the soft limit is ${limit} (raise it with \`ulimit -n ${needed}\`)`;
}

function stopOnSignal(hub: BenchHub): void {
  const stop = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping the hub and PostgreSQL`);
    void hub.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The command that reproduces this run: its BENCH_* variables and flags. */
function commandLine(): string {
  const variables = Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_'))
    .map(([name, value]) => `${name}=${value}`);
  const flags = process.argv.slice(2);
  return [...variables, 'npm run bench:live', ...(flags.length ? ['--', ...flags] : [])].join(' ');
}

/** Maps (failure counts) as plain objects in the raw JSON. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? Object.fromEntries(value) : value;
}

function log(line: string): void {
  console.error(`[bench-live ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

// Exits explicitly: a socket or timer left behind by a failure must not keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
