import { headingOrdinal } from './ordinals';
import { foldHeader } from './text';
import type { HeaderLayout } from './types';

/** What classifying a row needs to know besides its cells. */
export interface RowContext {
  fields: HeaderLayout['fields'];
  /** The header row(s) as printed, to recognise a repeat of them. */
  headerCells: readonly (readonly string[])[];
  /** Whether the last row read (headings and skipped rows aside) was a task. */
  afterTask: boolean;
}

/** What a row below the header is. */
export type RowKind =
  { kind: 'skip' } | { kind: 'heading'; text: string } | { kind: 'continuation' } | { kind: 'task' };

/** The row's place in the table (skip, heading, continuation of the task above, task) from its printed cells. */
export function classifyRow(cells: readonly string[], context: RowContext): RowKind {
  const filled = cells.map((text, index) => ({ text, index })).filter(({ text }) => text !== '');
  if (filled.length === 0 || repeatsHeader(cells, context.headerCells) || numbersColumns(filled)) {
    return { kind: 'skip' };
  }
  const spanning = spanningText(filled);
  if (spanning !== null) return { kind: 'heading', text: spanning };
  const { ordinal, content } = context.fields;
  const ordinalText = ordinal === undefined ? '' : (cells[ordinal] ?? '');
  if (ordinalText !== '') return numberedRow(ordinalText, filled, ordinal, content);
  // Without an ordinal column no row can be told to continue another: each is a task.
  return unnumberedRow(filled, content, context.afterTask && ordinal !== undefined);
}

// A page break repeats the header (004): the repeat is not a row of the table.
function repeatsHeader(cells: readonly string[], headerCells: readonly (readonly string[])[]): boolean {
  const folded = trimEnd(cells.map(foldHeader));
  return headerCells.some((row) => sameCells(folded, trimEnd(row.map(foldHeader))));
}

// "(1) (2) (3) …" or "1 2 3 …" under the header numbers the columns, not a task.
function numbersColumns(filled: readonly { text: string }[]): boolean {
  const numbers = filled.map(({ text }) => /^\(?(\d{1,2})\)?$/.exec(text)?.[1]);
  return (
    filled.length >= 3 && numbers.every((n, i) => n !== undefined && (i === 0 || +n > Number(numbers[i - 1])))
  );
}

// A merged cell across the row reaches us as the same text in every cell it covers (read-table repeats it).
function spanningText(filled: readonly { text: string }[]): string | null {
  return filled.length >= 2 && filled.every(({ text }) => text === filled[0].text) ? filled[0].text : null;
}

// "I." / "1." with nothing else filled, or with only the content cell ("I | Nâng cao nhận thức…"), heads a
// section; any other cell filled makes it a task.
function numberedRow(
  ordinalText: string,
  filled: readonly { text: string; index: number }[],
  ordinal: number | undefined,
  content: number | undefined,
): RowKind {
  const others = filled.filter(({ index }) => index !== ordinal);
  if (others.length === 0) return { kind: 'heading', text: ordinalText };
  if (others.length === 1 && others[0].index === content) {
    return { kind: 'heading', text: `${ordinalText} ${others[0].text}` };
  }
  return { kind: 'task' };
}

// With no ordinal, a lone cell that starts with a heading number is a heading; else, under a task, the row is
// that task continued across a page break; else a lone cell is an unnumbered heading ("PHỤ LỤC").
function unnumberedRow(
  filled: readonly { text: string; index: number }[],
  content: number | undefined,
  continues: boolean,
): RowKind {
  const lone = filled.length === 1 ? filled[0] : null;
  if (lone !== null && lone.index === content && headingOrdinal(lone.text) !== null) {
    return { kind: 'heading', text: lone.text };
  }
  if (continues) return { kind: 'continuation' };
  return lone !== null && lone.index === content ? { kind: 'heading', text: lone.text } : { kind: 'task' };
}

function trimEnd(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}
