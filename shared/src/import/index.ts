// The public surface of the import layer; rows, sections, ordinals and text folding stay internal.
export type {
  CellRows,
  ColumnMapping,
  HeaderColumn,
  HeaderLayout,
  ImportedCite,
  ImportedTask,
  TaskImport,
  TaskImportOptions,
} from './types';
export { IMPORT_FIELDS, detectField, type ImportField } from './fields';
export { type ImportProblem, type ImportProblemCode } from './problems';
export { locateHeader, type LocatedHeader } from './header';
export { documentNumberIn, splitCites } from './cites';
export { interpretTaskTable } from './interpret';
