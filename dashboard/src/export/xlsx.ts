// Loaded only when someone asks for an XLSX file: exceljs is about 250 KB gzipped, ten times the first load.
import ExcelJS from 'exceljs';
import type { Sheet } from './sheet';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheet as an XLSX workbook: its title, then the column headings (frozen), then the rows as shown. */
export async function toXlsx(sheet: Sheet): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nq57-hub';
  workbook.created = new Date();
  // A worksheet name is at most 31 characters, without []:*?/\.
  const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  worksheet.addRow([sheet.title]).font = { bold: true, size: 13 };
  worksheet.addRow(sheet.columns).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  worksheet.columns.forEach((column, index) => {
    const longest = Math.max(
      sheet.columns[index]?.length ?? 0,
      ...sheet.rows.map((row) => String(row[index] ?? '').length),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}
