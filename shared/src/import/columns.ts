import { IMPORT_FIELDS, detectField, type ImportField } from './fields';
import { importProblem, type ImportProblem } from './problems';
import { foldHeader } from './text';
import type { ColumnMapping, HeaderColumn } from './types';

/** Columns with their fields, and what went wrong reading them. */
export interface ColumnAssignment {
  columns: HeaderColumn[];
  fields: Partial<Record<ImportField, number>>;
  problems: ImportProblem[];
}

/** Assigns fields to header names: detection, then `mapping` over it; unknown and unmatched columns reported at `row`. */
export function assignColumns(
  names: readonly string[],
  row: number,
  mapping: ColumnMapping = {},
): ColumnAssignment {
  const columns = names.map((name, index): HeaderColumn => ({ index, name, field: detectField(name) }));
  const problems: ImportProblem[] = [];
  for (const field of IMPORT_FIELDS) {
    const target = mapping[field];
    if (target !== undefined) applyMapping(columns, field, target, row, problems);
  }
  const fields = firstColumnOfEachField(columns);
  for (const column of columns) {
    if (column.name !== '' && (column.field === null || fields[column.field] !== column.index)) {
      problems.push(unknownColumn(column, fields, row));
    }
  }
  return { columns, fields, problems };
}

function applyMapping(
  columns: HeaderColumn[],
  field: ImportField,
  target: number | string,
  row: number,
  problems: ImportProblem[],
): void {
  const index = typeof target === 'number' ? target : columns.findIndex((c) => sameName(c.name, target));
  if (!Number.isInteger(index) || index < 0) {
    problems.push(
      importProblem('MAPPING_NOT_FOUND', row, String(target), `No column "${target}" for ${field}`),
    );
    return;
  }
  // A mapping is the user's word: the field leaves whatever column detection gave it to.
  for (const column of columns) if (column.field === field) column.field = null;
  while (columns.length <= index) columns.push({ index: columns.length, name: '', field: null });
  columns[index].field = field;
}

function sameName(name: string, target: string): boolean {
  return foldHeader(name) === foldHeader(target);
}

// Two columns read as one field: the first is read, the second kept in `extra` and reported.
function firstColumnOfEachField(columns: readonly HeaderColumn[]): Partial<Record<ImportField, number>> {
  const fields: Partial<Record<ImportField, number>> = {};
  for (const { field, index } of columns)
    if (field !== null && fields[field] === undefined) fields[field] = index;
  return fields;
}

function unknownColumn(
  column: HeaderColumn,
  fields: Partial<Record<ImportField, number>>,
  row: number,
): ImportProblem {
  const message =
    column.field === null
      ? `Column "${column.name}" is not a known task field; its cells are kept as extra`
      : `Column "${column.name}" also reads as ${column.field}, already read from column ${(fields[column.field] ?? 0) + 1}; its cells are kept as extra`;
  return importProblem('UNKNOWN_COLUMN', row, column.name, message);
}
