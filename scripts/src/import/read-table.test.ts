import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { pickTaskTable, readTables, tableFormatOf, taskTables } from './read-table';

const HEADER = ['TT', 'Nội dung', 'Chủ trì', 'Thời hạn'];

describe('tableFormatOf', () => {
  it('reads the format from the extension, in any case', () => {
    expect(tableFormatOf('ke-hoach.XLSX')).toBe('xlsx');
    expect(tableFormatOf('/tmp/phu luc.csv')).toBe('csv');
    expect(tableFormatOf('KH 44.docx')).toBe('docx');
  });

  it('refuses the old binary formats and anything else', () => {
    expect(() => tableFormatOf('ke-hoach.xls')).toThrow('.xlsx, .csv or .docx');
    expect(() => tableFormatOf('ke-hoach.doc')).toThrow();
    expect(() => tableFormatOf('ke-hoach')).toThrow();
  });
});

describe('readTables: CSV', () => {
  const body = 'TT,Nội dung,Chủ trì\n\n1,"Việc\nhai dòng","Các sở, ban, ngành"\n';

  it('reads UTF-8 with and without BOM alike, a blank line kept as a row', async () => {
    const plain = await readTables(Buffer.from(body, 'utf8'), 'csv');
    const bom = await readTables(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]),
      'csv',
    );
    expect(bom).toEqual(plain);
    expect(plain[0].rows).toEqual([
      ['TT', 'Nội dung', 'Chủ trì'],
      [''],
      ['1', 'Việc\nhai dòng', 'Các sở, ban, ngành'],
    ]);
  });

  it('finds the delimiter under which a header reads (";" from Vietnamese-locale Excel)', async () => {
    const data = Buffer.from('TT;Nội dung;Chủ trì\n1;"Việc; hai";Sở KH&CN, Công an\n');
    const [table] = await readTables(data, 'csv');
    expect(table.rows[1]).toEqual(['1', 'Việc; hai', 'Sở KH&CN, Công an']);
  });
});

describe('readTables: XLSX', () => {
  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Ghi chú').addRow(['Không phải bảng nhiệm vụ']);
    const sheet = book.addWorksheet('Phụ lục');
    sheet.addRow(HEADER);
    sheet.addRow(['I. Phần một']);
    sheet.mergeCells('A2:D2');
    sheet.addRow(['II', 'Phần hai']);
    sheet.mergeCells('B3:D3');
    sheet.addRow(['1', 'Việc một', 'Sở A', new Date(Date.UTC(2025, 11, 31))]);
    sheet.addRow(['2', { richText: [{ text: 'Việc ' }, { text: 'hai', font: { italic: true } }] }]);
    sheet.mergeCells('C4:C5');
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reads every sheet; merges across the row repeat, partial ones leave cells empty, vertical ones repeat down', async () => {
    const tables = await readTables(await workbook(), 'xlsx');
    expect(tables.map((t) => t.name)).toEqual(['Ghi chú', 'Phụ lục']);
    expect(tables[1].rows).toEqual([
      HEADER,
      ['I. Phần một', 'I. Phần một', 'I. Phần một', 'I. Phần một'],
      ['II', 'Phần hai', '', ''],
      ['1', 'Việc một', 'Sở A', '31/12/2025'],
      ['2', 'Việc hai', 'Sở A', ''],
    ]);
    expect(pickTaskTable(tables)?.name).toBe('Phụ lục');
  });
});

describe('readTables: DOCX', () => {
  const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}): TableCell =>
    new TableCell({ ...options, children: text.split('\n').map((line) => new Paragraph(line)) });
  const row = (cells: TableCell[], tableHeader = false): TableRow =>
    new TableRow({ tableHeader, children: cells });

  async function document(): Promise<Buffer> {
    const indicators = new Table({ rows: [row([cell('STT'), cell('Chỉ tiêu'), cell('Cơ quan chủ trì')])] });
    const tasks = new Table({
      rows: [
        row(
          HEADER.map((text) => cell(text)),
          true,
        ),
        row([cell('A. PHẦN A', { columnSpan: 4 })]),
        row([cell('1'), cell('Việc\nhai đoạn'), cell('Sở KH&CN', { rowSpan: 2 }), cell('2025')]),
        row([cell('2'), cell('Việc <b>'), cell('')]),
      ],
    });
    const body = [new Paragraph('Phụ lục I'), indicators, new Paragraph('Phụ lục II'), tasks];
    return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
  }

  it('returns every table, honouring colspan and rowspan, paragraphs as line-wraps, text unescaped', async () => {
    const tables = await readTables(await document(), 'docx');
    expect(tables.map((t) => t.name)).toEqual(['table 1', 'table 2']);
    expect(tables[1].rows).toEqual([
      HEADER,
      ['A. PHẦN A', 'A. PHẦN A', 'A. PHẦN A', 'A. PHẦN A'],
      ['1', 'Việc\nhai đoạn', 'Sở KH&CN', '2025'],
      ['2', 'Việc <b>', 'Sở KH&CN', ''],
    ]);
  });

  it('picks the appendix: the table whose header names the task columns', async () => {
    const tables = await readTables(await document(), 'docx');
    expect(taskTables(tables).map((t) => t.name)).toEqual(['table 2']);
    expect(pickTaskTable(tables)?.name).toBe('table 2');
    expect(pickTaskTable(tables.slice(0, 1))).toBeNull();
  });
});
