import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Role, localKeyPair, readSeedPlans, signToken } from '@nq57/shared';
import { gitCommit, withBenchHub, writeBenchmarkSection } from './bench/harness';
import { machineInfo } from './bench/live-proc';
import { importArgs } from './import/cli-args';
import { readTableFile } from './import/read-table';
import { runImport } from './import/run-import';
import { printedCell, writeXlsx, type PrintedTable } from './import/table-writers';

const ROWS = Number(process.env.NQ57_BENCH_IMPORT_ROWS ?? 5000);
const RUNS = 3;
// 5,000 rows of real plan text are about 2 MB of JSON: more than the gateway's default body limit (1 MiB).
const BODY_LIMIT = 16 * 1024 * 1024;
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm'];

/** A table of `rows` tasks made of the seed plans' real rows, in sections of 100, numbered 1…rows. */
function syntheticTable(rows: number): PrintedTable {
  const seeds = [...readSeedPlans('provincial'), ...readSeedPlans('commune')].flatMap((plan) => plan.tasks);
  const cells: PrintedTable['rows'] = [HEADER.map((text) => printedCell(text))];
  for (let index = 0; index < rows; index++) {
    if (index % 100 === 0)
      cells.push([printedCell(`${index / 100 + 1}. Nhóm nhiệm vụ ${index / 100 + 1}`, HEADER.length)]);
    const task = seeds[index % seeds.length];
    const row = [
      String(index + 1),
      task.content,
      task.lead ?? '',
      task.cooperating ?? '',
      task.deadline ?? '',
      task.output ?? '',
    ];
    cells.push(row.map((text) => printedCell(text)));
  }
  return { rows: cells, headerRows: 1 };
}

async function planner(): Promise<string> {
  const { privateKey } = await localKeyPair(process.env.NQ57_AUTH_DIR!);
  return signToken(
    { subject: 'bench-importer', role: Role.PLANNER, jurisdiction: '19', ttlSeconds: 3600 },
    { issuer: 'nq57-hub', audience: 'nq57-hub', signingKey: privateKey, algorithm: 'ES256' },
  );
}

async function main(): Promise<void> {
  process.env.NQ57_MAX_BODY_BYTES = String(BODY_LIMIT);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nq57-bench-import-'));
  const file = path.join(dir, 'ke-hoach.xlsx');
  await writeFile(file, await writeXlsx([{ name: 'Phụ lục', table: syntheticTable(ROWS) }]));
  const samples: Record<'read' | 'dry' | 'write' | 'again', number[]> = {
    read: [],
    dry: [],
    write: [],
    again: [],
  };
  try {
    await withBenchHub('import', log, async (hub) => {
      const token = await planner();
      for (let run = 0; run < RUNS; run++) {
        const args = (extra: string[]) =>
          importArgs([
            file,
            '--province',
            '19',
            '--title',
            `Kế hoạch thử ${run}`,
            '--number',
            `${900 + run}/KH-UBND`,
            '--url',
            hub.gateway.url,
            '--token',
            token,
            ...extra,
          ]);
        const timed = async (key: keyof typeof samples, work: () => Promise<unknown>) => {
          const started = performance.now();
          await work();
          samples[key].push(performance.now() - started);
        };
        await timed('read', () => readTableFile(file));
        await timed('dry', () => runImport(args([]), false));
        await timed('write', async () => {
          const report = await runImport(args(['--write']), false);
          if (!report.written || report.created.length !== ROWS)
            throw new Error(`wrote ${report.created.length} rows`);
        });
        await timed('again', async () => {
          const report = await runImport(args(['--write']), false);
          if (report.written || report.unchanged !== ROWS)
            throw new Error(`re-import: ${report.unchanged} unchanged`);
        });
        log(
          `run ${run + 1}: ${Object.entries(samples)
            .map(([key, values]) => `${key} ${values.at(-1)!.toFixed(0)} ms`)
            .join(', ')}`,
        );
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await writeBenchmarkSection(report(samples), log);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(samples: Record<string, number[]>): string {
  const machine = machineInfo();
  const seconds = (key: string): string => (median(samples[key]) / 1000).toFixed(1);
  return [
    '## Import',
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(0)} GiB, Node ${machine.node}, ` +
      `${machine.os}. Date: ${new Date().toISOString().slice(0, 10)}. Commit: ${gitCommit()}. ` +
      'Command: `npm run bench:import`.',
    '',
    `A ${ROWS}-row XLSX (the seed plans' real rows repeated, in sections of 100) imported into province 19 through ` +
      `the gateway by the command line's own code (\`runImport\`), ${RUNS} runs, medians. The gateway's body limit is ` +
      `raised to ${BODY_LIMIT / 2 ** 20} MiB for it (NQ57_MAX_BODY_BYTES): the table is about 2 MB of JSON, over the ` +
      'default 1 MiB.',
    '',
    '| step | median, s | runs, s |',
    '| --- | ---: | --- |',
    ...[
      ['read the XLSX (exceljs)', 'read'],
      ['dry run (read, send, compare)', 'dry'],
      ['write (read, send, insert in batches of 500, search rows)', 'write'],
      ['the same file again (nothing written)', 'again'],
    ].map(
      ([label, key]) =>
        `| ${label} | ${seconds(key)} | ${samples[key].map((ms) => (ms / 1000).toFixed(1)).join(', ')} |`,
    ),
    '',
    `Target: a 5,000-row file imports in well under a minute: ${Number(seconds('write')) < 60 ? 'met' : 'not met'} (${seconds('write')} s).`,
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:import] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
