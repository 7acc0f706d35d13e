import { SingleBar, Presets } from 'cli-progress';
import type { ImportArgs } from './cli-args';
import { pickTaskTable, readTableFile, type CellTable } from './read-table';

/** What the hub answered an import: the PlanImport object (see the schema). */
export interface ImportReport {
  dryRun: boolean;
  written: boolean;
  recorded: boolean;
  planId: string | null;
  unchanged: number;
  created: { row: number | null; ordinal: string | null; content: string }[];
  changed: {
    row: number;
    ordinal: string | null;
    changes: { field: string; from: string | null; to: string | null }[];
  }[];
  removed: { ordinal: string | null; content: string }[];
  problems: { code: string; severity: string; row: number | null; column: string | null; message: string }[];
  accepted: { row: number; reason: string }[];
}

const REPORT_FIELDS = `dryRun written recorded planId unchanged
  created { row ordinal content }
  changed { row ordinal changes { field from to } }
  removed { ordinal content }
  problems { code severity row column message }
  accepted { row reason }`;

const MUTATION = {
  provincial: `mutation ImportProvincialPlan($input: PlanImportInput!) { importProvincialPlan(input: $input) { ${REPORT_FIELDS} } }`,
  commune: `mutation ImportCommunePlan($input: PlanImportInput!) { importCommunePlan(input: $input) { ${REPORT_FIELDS} } }`,
} as const;

/** The stages a progress bar shows, in order. */
const STAGES = ['Đọc tệp', 'Chọn bảng nhiệm vụ', 'Gửi đến hệ thống', 'Hệ thống kiểm tra và ghi'] as const;

/** Reads `args.file`, sends its task table to the hub and resolves with the hub's report; throws a coded message. */
export async function runImport(args: ImportArgs, progress = process.stderr.isTTY): Promise<ImportReport> {
  const bar = new SingleBar(
    { format: ' {bar} {value}/{total} {stage}', hideCursor: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  if (progress) bar.start(STAGES.length, 0, { stage: STAGES[0] });
  const step = (index: number): void => {
    if (progress) bar.update(index, { stage: STAGES[index] ?? 'Xong' });
  };
  try {
    const tables = await readTableFile(args.file);
    step(1);
    const table = chosenTable(tables, args);
    step(2);
    const body = JSON.stringify({ query: MUTATION[args.level], variables: { input: inputOf(args, table) } });
    const pending = post(args, body);
    step(3);
    const report = await pending;
    step(4);
    return report;
  } finally {
    if (progress) bar.stop();
  }
}

function chosenTable(tables: CellTable[], args: ImportArgs): CellTable {
  const table = args.table === undefined ? pickTaskTable(tables) : tables[args.table - 1];
  if (!table) {
    throw new Error(
      args.table === undefined
        ? `No table in ${args.file} has a task header (TT, Nội dung nhiệm vụ, …); name it with --table`
        : `${args.file} has ${tables.length} tables; there is no table ${args.table}`,
    );
  }
  return table;
}

function inputOf(args: ImportArgs, table: CellTable): Record<string, unknown> {
  return {
    jurisdiction: args.jurisdiction,
    plan: args.plan,
    rows: table.rows,
    rootSection: args.rootSection,
    dryRun: !args.write,
    goodRowsOnly: args.goodRowsOnly,
    basis: args.basis,
    acceptSuggestions: args.acceptSuggestions,
  };
}

async function post(args: ImportArgs, body: string): Promise<ImportReport> {
  const response = await fetch(args.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(args.token ? { authorization: `Bearer ${args.token}` } : {}),
    },
    body,
  });
  if (response.status === 413) {
    throw new Error(
      `PAYLOAD_TOO_LARGE: the table is ${body.length} bytes, more than the hub takes in one request ` +
        '(NQ57_MAX_BODY_BYTES on the gateway, 1 MiB by default)',
    );
  }
  const answer = (await response.json()) as {
    data?: Record<string, ImportReport> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (answer.errors?.length) {
    throw new Error(
      answer.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n'),
    );
  }
  const report = answer.data && Object.values(answer.data)[0];
  if (!report) throw new Error(`The hub answered HTTP ${response.status} without a report`);
  return report;
}

/** The report as lines a person reads: counts, then each problem and change with its row. */
export function describeReport(report: ImportReport): string[] {
  const verb = report.written ? 'Đã ghi' : report.dryRun ? 'Chạy thử (chưa ghi)' : 'Không ghi';
  const lines = [
    `${verb}: ${report.created.length} nhiệm vụ mới, ${report.changed.length} thay đổi, ` +
      `${report.unchanged} không đổi, ${report.removed.length} không còn trong tệp` +
      (report.recorded ? ' (kế hoạch đã có trong hệ thống)' : ''),
  ];
  for (const problem of report.problems) {
    const where = [problem.row === null ? null : `dòng ${problem.row}`, problem.column]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${problem.severity === 'error' ? 'LỖI' : 'Lưu ý'} ${problem.code}${where ? ` (${where})` : ''}: ${problem.message}`,
    );
  }
  for (const change of report.changed) {
    for (const { field, from, to } of change.changes) {
      lines.push(
        `  Thay đổi dòng ${change.row} (${change.ordinal ?? '—'}) ${field}: "${from ?? ''}" → "${to ?? ''}"`,
      );
    }
  }
  for (const link of report.accepted) {
    lines.push(`  Liên kết gợi ý dòng ${link.row}: ${link.reason}`);
  }
  if (report.planId) lines.push(`Kế hoạch: ${report.planId}`);
  return lines;
}
