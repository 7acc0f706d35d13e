import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importArgs } from '../scripts/src/import/cli-args';
import { describeReport, runImport } from '../scripts/src/import/run-import';
import { printedCell, writeDocx, writeXlsx, type PrintedTable } from '../scripts/src/import/table-writers';
import { useTestHub } from './support/hub';
import { tokenFor } from './support/tokens';

// `npm run import` end to end: a DOCX and an XLSX of a commune plan, read from disk and sent through the gateway.
const hub = useTestHub();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nq57-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = [
  'TT',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian hoàn thành',
  'Sản phẩm',
];
const TABLE: PrintedTable = {
  headerRows: 1,
  rows: [
    HEADER.map((text) => printedCell(text)),
    [printedCell('I. Chuyển đổi số trong cơ quan nhà nước', HEADER.length)],
    [
      '1',
      'Số hóa hồ sơ một cửa của xã',
      'Văn phòng HĐND và UBND xã',
      'Các ban ngành',
      'Quý I/2026',
      'Kho hồ sơ số',
    ].map((text) => printedCell(text)),
    ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '', 'Tháng 3/2026', 'Lớp tập huấn'].map(
      (text) => printedCell(text),
    ),
  ],
};

async function args(file: string, extra: string[] = []): Promise<string[]> {
  const token = await tokenFor({ role: 'planner', jurisdiction: '24682' });
  return [
    file,
    '--commune',
    '24682',
    '--title',
    'Kế hoạch chuyển đổi số năm 2026',
    '--number',
    '12/KH-UBND',
    '--issuer',
    'UBND xã Thuận An',
    '--url',
    hub().gateway.url,
    '--token',
    token,
    ...extra,
  ];
}

test('a DOCX is read, dry-run, then written; the same XLSX afterwards changes nothing', async () => {
  const docx = path.join(dir, 'ke-hoach.docx');
  await writeFile(docx, await writeDocx(['PHỤ LỤC', TABLE]));
  const dry = await runImport(importArgs(await args(docx)), false);
  expect(describeReport(dry)).toEqual([
    'Chạy thử (chưa ghi): 2 nhiệm vụ mới, 0 thay đổi, 0 không đổi, 0 không còn trong tệp',
  ]);
  const written = await runImport(importArgs(await args(docx, ['--write'])), false);
  expect({ written: written.written, created: written.created }).toEqual({
    written: true,
    created: [
      { row: 3, ordinal: '1', content: 'Số hóa hồ sơ một cửa của xã' },
      { row: 4, ordinal: '2', content: 'Tập huấn kỹ năng số cho cán bộ' },
    ],
  });
  const xlsx = path.join(dir, 'ke-hoach.xlsx');
  await writeFile(xlsx, await writeXlsx([{ name: 'Phụ lục', table: TABLE }]));
  const again = await runImport(importArgs(await args(xlsx, ['--write'])), false);
  expect(describeReport(again)).toEqual([
    'Không ghi: 0 nhiệm vụ mới, 0 thay đổi, 2 không đổi, 0 không còn trong tệp (kế hoạch đã có trong hệ thống)',
    `Kế hoạch: ${written.planId}`,
  ]);
});

test('a table with problems lists each with its row and column', async () => {
  const rows = [
    ...TABLE.rows,
    ['3', '', 'Công an xã', '', '', ''].map((text) => printedCell(text)),
    ['4', 'Rà soát hạ tầng mạng', 'Công an xã', '', '30/02/2026', ''].map((text) => printedCell(text)),
  ];
  const xlsx = path.join(dir, 'loi.xlsx');
  await writeFile(xlsx, await writeXlsx([{ name: 'Phụ lục', table: { ...TABLE, rows } }]));
  const report = await runImport(importArgs(await args(xlsx, ['--number', '13/KH-UBND', '--write'])), false);
  expect(report.written).toBe(false);
  expect(
    describeReport(report)
      .slice(1)
      .map((line) => line.replace(/: .*$/, '')),
  ).toEqual([
    '  LỖI MISSING_CONTENT (dòng 5, Nội dung nhiệm vụ)',
    '  LỖI INVALID_DATE (dòng 6, Thời gian hoàn thành)',
  ]);
});

test('the command refuses what it cannot do, with a message', async () => {
  expect(() => importArgs(['plan.xlsx', '--province', '19'])).toThrow(/^Usage:/);
  expect(() => importArgs(['plan.xlsx', '--province', '19', '--commune', '24682', '--title', 'X'])).toThrow(
    /^Usage:/,
  );
  await expect(
    runImport(importArgs(['plan.xls', '--province', '19', '--title', 'X']), false),
  ).rejects.toThrow('Cannot read "plan.xls": expected a .xlsx, .csv or .docx file');
  const csv = path.join(dir, 'khong-bang.csv');
  await writeFile(csv, 'a,b\n1,2\n');
  await expect(runImport(importArgs([csv, '--province', '19', '--title', 'X']), false)).rejects.toThrow(
    /^No table in .* has a task header/,
  );
});
