import { assignColumns, type ColumnAssignment } from './columns';
import { detectField } from './fields';
import { foldHeader, printedText, wordCount } from './text';
import type { CellRows, ColumnMapping, HeaderLayout } from './types';
import type { ImportProblem } from './problems';

/** The header found, with what went wrong reading its columns. */
export interface LocatedHeader extends HeaderLayout {
  problems: ImportProblem[];
}

// The lower half of a two-row header holds short labels ("Chủ trì", "Phối hợp", "Trung ương giao").
const MAX_LOWER_HEADER_WORDS = 6;

/**
 * The first row (or pair of rows) naming the content column and at least one other field; failing that, when
 * `mapping` gives the content column by index, the first non-blank row; else null.
 */
export function locateHeader(rows: CellRows, mapping: ColumnMapping = {}): LocatedHeader | null {
  for (let index = 0; index < rows.length; index++) {
    const found = headerAt(rows, index, mapping);
    if (found !== null) return found;
  }
  return typeof mapping.content === 'number' ? firstRowAsHeader(rows, mapping) : null;
}

// The user named the columns by position: the header's words need not be known ones.
function firstRowAsHeader(rows: CellRows, mapping: ColumnMapping): LocatedHeader | null {
  const index = rows.findIndex((row) => row.some((cell) => printedText(cell) !== ''));
  if (index < 0) return null;
  return { rows: [index + 1], ...assignColumns(rows[index].map(printedText), index + 1, mapping) };
}

function headerAt(rows: CellRows, index: number, mapping: ColumnMapping): LocatedHeader | null {
  const top = rows[index].map(printedText);
  const single = assignColumns(top, index + 1, textMappings(mapping));
  if (!isHeader(single)) return null;
  const joined = twoRowNames(rows, index, top, fieldCount(single), mapping);
  // Index mappings name columns, not header words: applied once the header is found, so that they cannot
  // make a title row above the header look like one.
  const assignment = assignColumns(joined ?? top, index + 1, mapping);
  return { rows: joined === null ? [index + 1] : [index + 1, index + 2], ...assignment };
}

// The two rows from `index` as one header, when the second continues the first and names more fields.
function twoRowNames(
  rows: CellRows,
  index: number,
  top: readonly string[],
  singleCount: number,
  mapping: ColumnMapping,
): string[] | null {
  const lower = index + 1 < rows.length ? rows[index + 1].map(printedText) : [];
  if (!continuesHeader(top, lower)) return null;
  const joined = joinHeaderRows(top, lower);
  return fieldCount(assignColumns(joined, index + 1, textMappings(mapping))) > singleCount ? joined : null;
}

function textMappings(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, target]) => typeof target === 'string'));
}

function isHeader(assignment: ColumnAssignment): boolean {
  return assignment.fields.content !== undefined && fieldCount(assignment) >= 2;
}

function fieldCount(assignment: ColumnAssignment): number {
  return Object.keys(assignment.fields).length;
}

// The row under a header continues it when each of its filled cells is a short label that, read under the
// cell above, names a field: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp". A task row has an ordinal and
// long cells, so it never does.
function continuesHeader(top: readonly string[], lower: readonly string[]): boolean {
  const joined = joinHeaderRows(top, lower);
  const labels = lower
    .map((cell, i) => ({ cell, i }))
    .filter(({ cell, i }) => cell !== '' && !sameText(cell, top[i]));
  return (
    labels.length > 0 &&
    labels.every(
      ({ cell, i }) => wordCount(cell) <= MAX_LOWER_HEADER_WORDS && detectField(joined[i]) !== null,
    )
  );
}

/** Joins a two-row header column by column; a cell over several columns (empty to its right) heads each of them. */
export function joinHeaderRows(top: readonly string[], lower: readonly string[]): string[] {
  let spanning = '';
  return Array.from({ length: Math.max(top.length, lower.length) }, (_, i) => {
    const above = top[i] ?? '';
    const below = lower[i] ?? '';
    if (above !== '') spanning = above;
    const head = above !== '' ? above : below !== '' ? spanning : '';
    // A vertically merged header cell ("TT" over both rows) is read once.
    if (below === '' || sameText(below, head)) return head;
    return head === '' ? below : `${head} ${below}`;
  });
}

function sameText(a: string, b: string | undefined): boolean {
  return foldHeader(a) === foldHeader(b ?? '');
}
