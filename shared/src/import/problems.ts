/** What can be wrong with an imported table. */
export type ImportProblemCode =
  | 'NO_HEADER'
  | 'UNKNOWN_COLUMN'
  | 'MAPPING_NOT_FOUND'
  | 'MISSING_CONTENT'
  | 'DUPLICATE_ORDINAL'
  | 'INVALID_DATE';

/** One problem of an import: where it is (1-based row as in the file, column header) and what it is. */
export interface ImportProblem {
  code: ImportProblemCode;
  /** 'warning': nothing is lost (an unknown column's cells are kept in `extra`); 'error': the row is wrong. */
  severity: 'error' | 'warning';
  row: number | null;
  column: string | null;
  message: string;
}

/** An ImportProblem; an unknown column is the only warning, every other code is an error. */
export function importProblem(
  code: ImportProblemCode,
  row: number | null,
  column: string | null,
  message: string,
): ImportProblem {
  return { code, severity: code === 'UNKNOWN_COLUMN' ? 'warning' : 'error', row, column, message };
}
