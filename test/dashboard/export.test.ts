import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { useTestHub } from '../support/hub';
import { openPage, useBrowser } from '../support/browser';
import { shownPlanRows } from './plan-rows';
import { seedTasks, updateMutation } from '../support/seed-tasks';
import { tokenFor } from '../support/tokens';

// Export: what a view shows, downloaded from the page under its content security policy (exceljs comes in a
// chunk of its own, loaded on the click), read back and compared with the rows the page shows.
jest.setTimeout(120000);
const browser = useBrowser();
const hub = useTestHub();
let page: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Clicks an export button and returns the file's suggested name and its bytes. */
async function download(kind: 'xlsx' | 'csv'): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`button[data-export=${kind}]`),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

/** The XLSX file's title (row 1), headings (row 2) and rows, each cell as exceljs reads it. */
async function readXlsx(body: Buffer): Promise<{ title: unknown; columns: unknown[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { title: rows[0][0], columns: rows[1], rows: rows.slice(2) };
}

/** The CSV file's rows, after its byte order mark. */
function readCsv(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1)) as string[][];
}

// The CSV guards a cell a spreadsheet would take for a formula with an apostrophe (many rows start with "- ").
const guarded = (cell: string): string => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell);

beforeAll(async () => {
  page = await openPage(browser(), { csp: true });
});

describe('export from the page', () => {
  it('downloads the nation view as XLSX and CSV, with the rows the page shows', async () => {
    const assets: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/assets/')) assets.push(pathname.replace(/-[A-Z0-9]+\.js$/, '.js'));
    });
    await page.goto(`${origin()}/`);
    await page.locator('table.rollups tbody tr').nth(33).waitFor();
    // The first load does not carry exceljs; the click fetches it.
    expect(assets.filter((asset) => asset.startsWith('/assets/xlsx'))).toEqual([]);
    const shown = await page.locator('table.rollups tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const lights = (row.querySelector('.bar')?.getAttribute('aria-label') ?? '').match(/\d+/g) ?? [];
        return [
          row.querySelector('th')?.textContent ?? '',
          ...['total', 'on-time', 'overdue'].map((name) =>
            Number(row.querySelector(`td.${name}`)?.textContent),
          ),
          ...lights.map(Number),
        ];
      }),
    );
    expect(shown).toHaveLength(34);
    const columns = [
      'Tỉnh, thành phố',
      'Tổng số nhiệm vụ',
      'Hoàn thành đúng hạn',
      'Quá hạn',
      'Xanh',
      'Vàng',
      'Đỏ',
      'Xám',
    ];

    const xlsx = await download('xlsx');
    expect(assets.filter((asset) => asset.startsWith('/assets/xlsx'))).toEqual(['/assets/xlsx.js']);
    expect(xlsx.name).toBe(`toan-quoc-${today}.xlsx`);
    expect(await readXlsx(xlsx.body)).toEqual({
      title: 'Tiến độ thực hiện nhiệm vụ theo tỉnh, thành phố (nhiệm vụ của tỉnh và các xã)',
      columns,
      rows: shown,
    });

    const csv = await download('csv');
    expect(csv.name).toBe(`toan-quoc-${today}.csv`);
    expect(readCsv(csv.body)).toEqual([columns, ...shown.map((row) => row.map(String))]);
  });

  it('downloads a commune view as XLSX and CSV, every plan row as printed', async () => {
    await page.goto(`${origin()}/xa/24682`);
    await page.locator('[data-testid=commune-total]').waitFor();
    const shown = await shownPlanRows(page);
    expect(shown.length).toBeGreaterThan(0);
    const columns = ['Kế hoạch', 'TT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Trạng thái', 'Đèn'];

    const xlsx = await download('xlsx');
    expect(xlsx.name).toBe(`xa-24682-${today}.xlsx`);
    const read = await readXlsx(xlsx.body);
    expect(read.title).toBe('Xã Thuận An, Lâm Đồng');
    expect(read.columns).toEqual(columns);
    // exceljs reads an empty cell as absent; the page prints it as ''.
    expect(read.rows.map((row) => columns.map((_, index) => row[index] ?? ''))).toEqual(shown);

    const csv = await download('csv');
    expect(csv.name).toBe(`xa-24682-${today}.csv`);
    expect(readCsv(csv.body)).toEqual([columns, ...shown.map((row) => row.map(guarded))]);
  });

  it('downloads a task view’s reports as XLSX and CSV, the timeline as the page shows it', async () => {
    const { get } = await seedTasks(hub());
    const task = get('003-82');
    const token = await tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'so-khcn.thainguyen' });
    for (const [version, progress, note] of [
      [task.version, 20, 'Đã giao nhiệm vụ cho phòng chuyên môn'],
      [task.version + 1, 45, '- Đang khảo sát hiện trạng'],
    ] as const) {
      const answer = await hub().query(
        updateMutation(task.typename),
        { input: { id: task.id, status: 'IN_PROGRESS', progress, note, expectedVersion: version } },
        token,
      );
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    }
    await page.goto(`${origin()}/nhiem-vu/${task.id}`);
    await page.locator('ol.timeline li').nth(1).waitFor();
    const shown = await page.locator('ol.timeline li').evaluateAll((items) =>
      items.map((item) => {
        const change = /^(.+) → (.+), tiến độ (\d+) %$/.exec(
          item.querySelector('.change')?.textContent ?? '',
        );
        return [
          item.querySelector('time')?.textContent ?? '',
          (item.querySelector('.muted')?.textContent ?? '').replace('Người báo cáo: ', ''),
          change?.[1] ?? '',
          change?.[2] ?? '',
          Number(change?.[3]),
          item.querySelector('.note')?.textContent ?? '',
        ];
      }),
    );
    expect(shown.map((row) => [row[1], row[4], row[5]])).toEqual([
      ['so-khcn.thainguyen', 45, '- Đang khảo sát hiện trạng'],
      ['so-khcn.thainguyen', 20, 'Đã giao nhiệm vụ cho phòng chuyên môn'],
    ]);
    const columns = ['Thời điểm', 'Người báo cáo', 'Từ', 'Sang', 'Tiến độ (%)', 'Ghi chú'];
    const name = `nhiem-vu-${task.id.slice(0, 8)}-${today}`;

    const xlsx = await download('xlsx');
    expect(xlsx.name).toBe(`${name}.xlsx`);
    const read = await readXlsx(xlsx.body);
    expect({ columns: read.columns, rows: read.rows }).toEqual({ columns, rows: shown });

    const csv = await download('csv');
    expect(csv.name).toBe(`${name}.csv`);
    expect(readCsv(csv.body)).toEqual([
      columns,
      ...shown.map((row) => row.map((cell) => guarded(String(cell)))),
    ]);
  });
});
