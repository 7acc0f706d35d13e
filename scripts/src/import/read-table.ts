import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { locateHeader, type ColumnMapping } from '@nq57/shared';
import type { CellTable } from './grid';
import { readCsv } from './read-csv';
import { readDocx } from './read-docx';
import { readXlsx } from './read-xlsx';

export type { CellTable } from './grid';

/** The file formats a plan's table is read from. */
export type TableFormat = 'xlsx' | 'csv' | 'docx';

const FORMATS: Record<string, TableFormat> = { '.xlsx': 'xlsx', '.csv': 'csv', '.docx': 'docx' };
// Vietnamese-locale Excel writes ";" between CSV fields ("," is the decimal mark), others ","; tabs from pastes.
const CSV_DELIMITERS = [',', ';', '\t'];

/** The format a file name's extension names; throws for any other (.xls and .doc are not read: save as .xlsx/.docx). */
export function tableFormatOf(fileName: string): TableFormat {
  const format = FORMATS[path.extname(fileName).toLowerCase()];
  if (format === undefined)
    throw new Error(`Cannot read "${fileName}": expected a .xlsx, .csv or .docx file`);
  return format;
}

/** Reads a file's bytes into its tables: every sheet of an XLSX, every table of a DOCX, the one table of a CSV. */
export async function readTables(data: Buffer, format: TableFormat): Promise<CellTable[]> {
  switch (format) {
    case 'xlsx':
      return readXlsx(data);
    case 'docx':
      return readDocx(data);
    case 'csv':
      return [readCsvTable(data)];
  }
}

/** Reads a file into its tables, the format taken from its extension. */
export async function readTableFile(file: string): Promise<CellTable[]> {
  const format = tableFormatOf(file);
  return readTables(await readFile(file), format);
}

/** The tables whose header names the task content and another field (a plan's appendix), in file order. */
export function taskTables(tables: readonly CellTable[], mapping?: ColumnMapping): CellTable[] {
  return tables.filter((table) => locateHeader(table.rows, mapping) !== null);
}

/** The first table that is a task table (see taskTables), or null when none is. */
export function pickTaskTable(tables: readonly CellTable[], mapping?: ColumnMapping): CellTable | null {
  return taskTables(tables, mapping)[0] ?? null;
}

// The delimiter is the one under which a header can be found; "," when none gives one. A wrong delimiter
// can make csv-parse throw on a quoted field ("a, b";2025 read with ","), which only rules that one out.
function readCsvTable(data: Buffer): CellTable {
  for (const delimiter of CSV_DELIMITERS) {
    const table = tryReadCsv(data, delimiter);
    if (table !== null && locateHeader(table.rows) !== null) return table;
  }
  return readCsv(data);
}

function tryReadCsv(data: Buffer, delimiter: string): CellTable | null {
  try {
    return readCsv(data, delimiter);
  } catch {
    return null;
  }
}
