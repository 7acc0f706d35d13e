import type { ImportField } from './fields';
import type { ImportProblem } from './problems';

/** A table as read from a file: rows of cells, header row(s) included, row i is row i + 1 of the file. */
export type CellRows = readonly (readonly (string | null | undefined)[])[];

/** Overrides detection: a field read from a column, given by 0-based index or by its header text. */
export type ColumnMapping = Partial<Record<ImportField, number | string>>;

/** How to read a table. */
export interface TaskImportOptions {
  mapping?: ColumnMapping;
  /** A heading printed above the table, e.g. its appendix title: put before every row's section. */
  rootSection?: string;
}

/** A column of the header: its 0-based index, its name as printed (two-row headers joined), its field. */
export interface HeaderColumn {
  index: number;
  name: string;
  field: ImportField | null;
}

/** Where the header is and what each column holds. */
export interface HeaderLayout {
  /** 1-based rows of the file the header takes (one, or two for a header spread over two rows). */
  rows: number[];
  columns: HeaderColumn[];
  /** The column index of each field found. */
  fields: Partial<Record<ImportField, number>>;
}

/** A document a row says it carries out, from its "Văn bản giao nhiệm vụ" cell. */
export interface ImportedCite {
  /** The part of the cell naming it, as printed ("Thông báo số 06 - TB/CQTTBCĐ ngày 27/9/2025"). */
  text: string;
  /** The number as printed ("06 - TB/CQTTBCĐ"), or null when the part prints none. */
  number: string | null;
  /** The number folded for lookup (documentNumberKey): "06-TB/CQTTBCĐ". */
  numberKey: string | null;
}

/** A task row of an imported table, its printed fields as in the seed plans (data/seeds/FORMAT.md). */
export interface ImportedTask {
  /** The 1-based row of the file where the task starts (a continued row adds to it). */
  row: number;
  ordinal: string | null;
  section: string | null;
  content: string;
  lead: string | null;
  cooperating: string | null;
  deadline: string | null;
  centralDeadline: string | null;
  output: string | null;
  notes: string | null;
  /** The "Văn bản giao nhiệm vụ" cell as printed. */
  citedText: string | null;
  cites: ImportedCite[];
  /** The cells of columns that map to no field, by header name ("#n" for a column with no header). */
  extra: Record<string, string>;
}

/** What a table yields: its tasks in order, its problems in row order, and the header it was read by. */
export interface TaskImport {
  tasks: ImportedTask[];
  problems: ImportProblem[];
  header: HeaderLayout | null;
}
