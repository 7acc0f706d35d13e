import { parse } from 'csv-parse/sync';
import type { CellTable } from './grid';

/** A CSV file (UTF-8, with or without BOM) as one table; row i is the (i + 1)th record, quoted line breaks kept. */
export function readCsv(data: Buffer, delimiter = ','): CellTable {
  const rows = parse(data, {
    bom: true,
    delimiter,
    encoding: 'utf8',
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  return { name: 'csv', rows };
}
