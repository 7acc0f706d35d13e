/**
 * The key fixture test of the import: the table rows of two real plans (003, 004), written out as their
 * documents print them (title, header, heading rows, 004's page breaks), as XLSX, CSV (with and without BOM)
 * and DOCX, read back through read-table and the interpreter, give every printed field of every seed task.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { interpretTaskTable, readSeedPlans, type SeedPlan, type SeedTask } from '@nq57/shared';
import { pickTaskTable, readTableFile } from './read-table';
import {
  printedCell,
  writeCsv,
  writeDocx,
  writeXlsx,
  type PrintedCell,
  type PrintedTable,
} from './table-writers';

/** How one plan prints its task table. */
interface PlanPrint {
  key: string;
  /** The lines printed above the table; the last one, if `rootSection`, is the section every row sits under. */
  title: string[];
  rootSection?: string;
  header: string[];
  /** The seed tasks that are rows of the table (the plans' prose items are not). */
  rows: (plan: SeedPlan) => SeedTask[];
  row: (task: SeedTask) => PrintedCell[];
  heading: (text: string) => PrintedCell[];
  /** Where a page break repeats the header: after a task, or inside it with the tail of its content. */
  pageBreaks: { after: string; contentContinues?: string }[];
  /** Another table of the same document, printed before this one. */
  decoy: PrintedTable | null;
}

const REMARK = '(Nhiệm vụ thường xuyên)';

// 003 prints its headings in one cell across the row and the standing-task remark in italics.
const THAI_NGUYEN: PlanPrint = {
  key: '003',
  title: [
    'PHỤ LỤC',
    'CÁC NHIỆM VỤ THEO NGHỊ QUYẾT SỐ 57-NQ/TW ĐẾN CUỐI NĂM 2025 VÀ THỜI GIAN TỚI',
    '(Kèm theo Kế hoạch số 44/KH-UBND ngày 15/11/2025 của UBND tỉnh Thái Nguyên)',
  ],
  header: [
    'STT',
    'Nhiệm vụ cụ thể',
    'Văn bản giao nhiệm vụ',
    'Thời hạn hoàn thành (Trung ương giao)',
    'Cơ quan chủ trì /tham mưu',
    'Cơ quan phối hợp',
  ],
  rows: (plan) => plan.tasks.filter((task) => !task.notes?.startsWith('Prose item')),
  row: (task) => [
    printedCell(task.ordinal ?? ''),
    task.content.endsWith(REMARK)
      ? { runs: [{ text: task.content.slice(0, -REMARK.length) }, { text: REMARK, italic: true }], span: 1 }
      : printedCell(task.content),
    printedCell(task.cites.map((cite) => cite.text).join('; ')),
    printedCell(task.centralDeadline ?? ''),
    printedCell(task.lead ?? ''),
    printedCell(task.cooperating ?? ''),
  ],
  heading: (text) => [printedCell(text, 6)],
  pageBreaks: [],
  decoy: null,
};

// 004 prints "I" in the STT cell and the heading merged over the other five, wraps its long cells, repeats
// the header at page breaks and splits row V.1 across one; its indicator appendix comes first.
const THUAN_AN: PlanPrint = {
  key: '004',
  title: [
    'Phụ lục II: DANH MỤC CÁC NHIỆM VỤ',
    '(Kèm theo Kế hoạch số /KH-UBND ngày tháng 10 năm 2025 của Ủy ban nhân dân xã Thuận An)',
  ],
  rootSection: 'Phụ lục II: DANH MỤC CÁC NHIỆM VỤ',
  header: [
    'STT',
    'Tên nhiệm vụ',
    'Cơ quan\nchủ trì',
    'Cơ quan phối\nhợp',
    'Kết quả',
    'Thời gian hoàn\nthành',
  ],
  rows: (plan) => plan.tasks.filter((task) => task.section?.startsWith('Phụ lục II:')),
  row: (task) =>
    [task.ordinal, task.content, task.lead, task.cooperating, task.output, task.deadline].map((text) =>
      printedCell(wrap(text ?? '', 56)),
    ),
  heading: (text) => {
    const [ordinal, ...words] = text.split(' ');
    return [printedCell(ordinal), printedCell(wrap(words.join(' '), 120), 5)];
  },
  pageBreaks: [{ after: '004-10' }, { after: '004-19', contentContinues: 'tác xã, hộ kinh doanh.' }],
  decoy: {
    headerRows: 2,
    rows: [
      ['STT', 'Chỉ tiêu', 'Phấn đấu theo từng giai đoạn', 'Cơ quan chủ trì\ntheo dõi, đánh giá'].map(
        (text, i) => printedCell(text, i === 2 ? 5 : 1),
      ),
      ['', '', 'Năm 2025', 'Năm 2030', 'Năm 2035', 'Năm 2040', 'Năm 2045', ''].map((text) =>
        printedCell(text),
      ),
      [printedCell('I'), printedCell('Phát triển hạ tầng', 7)],
      [
        '1',
        'Tỷ lệ phủ sóng mạng băng rộng di động',
        'Theo chỉ tiêu tỉnh giao (5G)',
        '100% (5G)',
        '',
        '',
        '',
        '',
      ].map((text) => printedCell(text)),
    ],
  },
};

// A printed line-wrap: the text broken at spaces, as a narrow column prints it.
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function headerRow(print: PlanPrint): PrintedCell[] {
  return print.header.map((text) => printedCell(text));
}

/** The table as printed: a heading row for each heading that opens, page breaks where the document has them. */
function printTable(print: PlanPrint, tasks: readonly SeedTask[]): PrintedTable {
  const rows: PrintedCell[][] = [headerRow(print)];
  let open: string[] = [];
  for (const task of tasks) {
    const parts = sectionParts(print, task);
    const from = parts.findIndex((part, i) => part !== open[i]);
    for (const part of from < 0 ? [] : parts.slice(from)) rows.push(print.heading(part));
    open = parts;
    rows.push(...taskRows(print, task));
  }
  return { rows, headerRows: 1 };
}

function sectionParts(print: PlanPrint, task: SeedTask): string[] {
  const section = task.section ?? '';
  const inTable =
    print.rootSection === undefined ? section : section.slice(print.rootSection.length + ' > '.length);
  return inTable.split(' > ');
}

function taskRows(print: PlanPrint, task: SeedTask): PrintedCell[][] {
  const pageBreak = print.pageBreaks.find((b) => b.after === task.key);
  if (pageBreak === undefined) return [print.row(task)];
  const tail = pageBreak.contentContinues;
  if (tail === undefined) return [print.row(task), headerRow(print)];
  const head = print.row({ ...task, content: task.content.slice(0, -tail.length).trimEnd() });
  const continued = print.header.map((_, i) => printedCell(i === 1 ? tail : ''));
  return [head, headerRow(print), continued];
}

// A sheet prints the document's title above the table, in rows of their own.
function sheet(print: PlanPrint, table: PrintedTable): PrintedTable {
  const title = print.title.map((line) => [printedCell(line, print.header.length)]);
  return { rows: [...title, ...table.rows], headerRows: table.headerRows };
}

const WRITERS: [string, string, (print: PlanPrint, table: PrintedTable) => Promise<Buffer>][] = [
  [
    'XLSX',
    'xlsx',
    (print, table) =>
      writeXlsx([
        ...(print.decoy === null ? [] : [{ name: 'Phụ lục I', table: print.decoy }]),
        { name: 'Phụ lục II', table: sheet(print, table) },
      ]),
  ],
  ['CSV with BOM', 'csv', (print, table) => writeCsv(sheet(print, table), true)],
  ['CSV without BOM', 'csv', (print, table) => writeCsv(sheet(print, table), false)],
  [
    'DOCX',
    'docx',
    (print, table) => writeDocx([...(print.decoy === null ? [] : [print.decoy]), ...print.title, table]),
  ],
];

const PRINTED_FIELDS = [
  'ordinal',
  'section',
  'content',
  'lead',
  'cooperating',
  'deadline',
  'centralDeadline',
  'output',
  'notes',
] as const;

function printedFields(task: SeedTask | ReturnType<typeof interpretTaskTable>['tasks'][number]) {
  return Object.fromEntries(PRINTED_FIELDS.map((field) => [field, task[field]]));
}

function seedPlan(key: string): SeedPlan {
  const plan = [...readSeedPlans('provincial'), ...readSeedPlans('commune')].find((p) => p.plan.key === key);
  if (plan === undefined) throw new Error(`no seed plan ${key}`);
  return plan;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nq57-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['003', THAI_NGUYEN, 83],
  ['004', THUAN_AN, 16],
])('plan %s, printed and read back', (_key, print: PlanPrint, rowCount: number) => {
  const seed = seedPlan(print.key).tasks;
  const tasks = print.rows(seedPlan(print.key));
  const table = printTable(print, tasks);

  it('has the rows the table prints', () => {
    expect(tasks).toHaveLength(rowCount);
    expect(seed.length).toBeGreaterThan(rowCount);
  });

  it.each(WRITERS)('gives every printed field of every task from %s', async (name, extension, write) => {
    const file = path.join(dir, `${print.key}-${name.replace(/ /g, '-')}.${extension}`);
    await writeFile(file, await write(print, table));
    const read = pickTaskTable(await readTableFile(file));
    expect(read).not.toBeNull();
    const result = interpretTaskTable(read!.rows, { rootSection: print.rootSection });
    expect(result.problems).toEqual([]);
    expect(result.tasks.map(printedFields)).toEqual(tasks.map(printedFields));
    // The cited documents of 003's "Văn bản giao nhiệm vụ" column, split and numbered as the seed has them.
    expect(result.tasks.map((task) => task.cites.map(({ text, number }) => ({ text, number })))).toEqual(
      tasks.map((task) =>
        print.key === '003' ? task.cites.map(({ text, number }) => ({ text, number })) : [],
      ),
    );
    // Each task's row number points at its row of the file.
    expect(result.tasks.map((task) => read!.rows[task.row - 1][0].trim())).toEqual(
      result.tasks.map((task) => task.ordinal),
    );
  });
});
