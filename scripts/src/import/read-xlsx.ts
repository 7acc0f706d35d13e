import ExcelJS from 'exceljs';
import { expandSpans, type CellTable, type SpanCell } from './grid';

/** Every worksheet of an XLSX workbook as a table of cells, merged cells laid out as expandSpans says. */
export async function readXlsx(data: Buffer): Promise<CellTable[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its own Buffer (an ArrayBuffer); it reads a Node Buffer.
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }));
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const spans = mergeSpans(sheet);
  const rows: SpanCell[][] = [];
  // exceljs computes both counts over every row on each read: once here, not once a row.
  const [rowCount, columnCount] = [sheet.rowCount, sheet.columnCount];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SpanCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      // A covered cell answers with its master's text: expandSpans decides what it gets.
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      cells.push({ text: cellText(cell), ...(spans.get(cell.address) ?? { colSpan: 1, rowSpan: 1 }) });
    }
    rows.push(cells);
  }
  return expandSpans(rows);
}

// The merged ranges ("A5:F5") by their top-left cell; addresses are decoded by exceljs itself.
function mergeSpans(sheet: ExcelJS.Worksheet): Map<string, { colSpan: number; rowSpan: number }> {
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  for (const range of sheet.model.merges) {
    const [from, to = from] = range.split(':').map((address) => sheet.getCell(address).fullAddress);
    spans.set(from.address, { colSpan: to.col - from.col + 1, rowSpan: to.row - from.row + 1 });
  }
  return spans;
}

// A date cell prints as a Vietnamese reader writes it (dd/mm/yyyy); exceljs reads Excel dates as UTC.
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (!(value instanceof Date)) return cell.text;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
}
