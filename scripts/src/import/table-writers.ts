import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';

/** A run of printed text; "\n" in it is a line break inside the cell. */
export interface PrintedRun {
  text: string;
  italic?: boolean;
}

/** A printed cell: its runs and how many columns it spans (a merged cell). */
export interface PrintedCell {
  runs: PrintedRun[];
  span: number;
}

/** A table as a document prints it: rows of cells, `headerRows` of them repeated as the header. */
export interface PrintedTable {
  rows: PrintedCell[][];
  headerRows: number;
}

/** A plain printed cell spanning `span` columns. */
export function printedCell(text: string, span = 1): PrintedCell {
  return { runs: [{ text }], span };
}

function plainText(cell: PrintedCell): string {
  return cell.runs.map((run) => run.text).join('');
}

/** Writes tables as an XLSX workbook, one sheet each, spans as merged cells and italics as rich text. */
export async function writeXlsx(sheets: readonly { name: string; table: PrintedTable }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name);
    table.rows.forEach((cells, r) => {
      let col = 1;
      for (const cell of cells) {
        sheet.getCell(r + 1, col).value = xlsxValue(cell);
        if (cell.span > 1) sheet.mergeCells(r + 1, col, r + 1, col + cell.span - 1);
        col += cell.span;
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxValue(cell: PrintedCell): ExcelJS.CellValue {
  if (!cell.runs.some((run) => run.italic)) return plainText(cell);
  return { richText: cell.runs.map((run) => ({ text: run.text, font: { italic: run.italic === true } })) };
}

/** Writes a table as UTF-8 CSV (a spanned cell's text in its first column), with or without a BOM. */
export async function writeCsv(table: PrintedTable, bom: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('csv');
  for (const cells of table.rows) {
    sheet.addRow(cells.flatMap((cell) => [plainText(cell), ...Array<string>(cell.span - 1).fill('')]));
  }
  return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: bom } }));
}

/** Writes a DOCX whose body is paragraphs (strings) and tables in the order given; spans as gridSpan. */
export async function writeDocx(body: readonly (string | PrintedTable)[]): Promise<Buffer> {
  const children = body.map((part) =>
    typeof part === 'string'
      ? new Paragraph({ alignment: AlignmentType.CENTER, text: part })
      : docxTable(part),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function docxTable(table: PrintedTable): Table {
  return new Table({
    rows: table.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < table.headerRows,
          children: cells.map(
            (cell) => new TableCell({ columnSpan: cell.span, children: [docxParagraph(cell)] }),
          ),
        }),
    ),
  });
}

// A line break inside a cell is a <w:br/> before the next line's run, as Word writes Shift+Enter.
function docxParagraph(cell: PrintedCell): Paragraph {
  const runs = cell.runs.flatMap((run) =>
    run.text
      .split('\n')
      .map((line, i) => new TextRun({ text: line, italics: run.italic, break: i > 0 ? 1 : undefined })),
  );
  return new Paragraph({ children: runs });
}
