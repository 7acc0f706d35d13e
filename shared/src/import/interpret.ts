import { splitCites } from './cites';
import { isInvalidDate } from './dates';
import type { ImportField } from './fields';
import { locateHeader } from './header';
import { ordinalKey } from './ordinals';
import { importProblem, type ImportProblem } from './problems';
import { trailingRemark } from './remarks';
import { classifyRow, type RowContext } from './rows';
import { enterHeading, sectionOf, type OpenHeading } from './sections';
import { printedText } from './text';
import type { CellRows, HeaderLayout, ImportedTask, TaskImport, TaskImportOptions } from './types';

/** A task row as read, before its cells are checked: a continued row adds to it. */
interface Draft {
  row: number;
  section: string | null;
  cells: string[];
}

const NO_HEADER = importProblem(
  'NO_HEADER',
  null,
  null,
  'No header row found: no row names the task content (Nội dung / Nhiệm vụ) and another column',
);

/** Reads a table of cells (header included) into tasks and problems; pure: the same rows give the same result. */
export function interpretTaskTable(rows: CellRows, options: TaskImportOptions = {}): TaskImport {
  const located = locateHeader(rows, options.mapping);
  if (located === null) return { tasks: [], problems: [NO_HEADER], header: null };
  const { problems: headerProblems, ...header } = located;
  const drafts = readDrafts(rows, header, options.rootSection);
  const problems = [...headerProblems];
  const tasks = drafts.flatMap((draft) => {
    const task = toTask(draft, header, problems);
    return task === null ? [] : [task];
  });
  problems.push(...duplicateOrdinals(tasks, header));
  return { tasks, problems: problems.sort(byRow), header };
}

// One pass over the rows under the header: headings open sections, continued rows join the row above.
function readDrafts(rows: CellRows, header: HeaderLayout, rootSection: string | undefined): Draft[] {
  const last = header.rows[header.rows.length - 1];
  const headerCells = header.rows.map((row) => rows[row - 1].map(printedText));
  const drafts: Draft[] = [];
  let open: OpenHeading[] = [];
  let afterTask = false;
  for (let index = last; index < rows.length; index++) {
    const cells = rows[index].map(printedText);
    const context: RowContext = { fields: header.fields, headerCells, afterTask };
    const row = classifyRow(cells, context);
    if (row.kind === 'heading') open = enterHeading(open, row.text);
    else if (row.kind === 'continuation') joinCells(drafts[drafts.length - 1].cells, cells);
    else if (row.kind === 'task')
      drafts.push({ row: index + 1, section: sectionOf(open, rootSection), cells });
    if (row.kind !== 'skip') afterTask = row.kind !== 'heading';
  }
  return drafts;
}

// A row split by a page break goes on in the same cells: each part joins the one above with one space.
function joinCells(cells: string[], more: readonly string[]): void {
  more.forEach((text, i) => {
    if (text !== '') cells[i] = cells[i] ? `${cells[i]} ${text}` : text;
  });
}

function toTask(draft: Draft, header: HeaderLayout, problems: ImportProblem[]): ImportedTask | null {
  const cell = (field: ImportField): string | null => {
    const index = header.fields[field];
    return index === undefined || !draft.cells[index] ? null : draft.cells[index];
  };
  const content = cell('content');
  if (content === null) {
    problems.push(
      importProblem('MISSING_CONTENT', draft.row, columnName(header, 'content'), 'The task has no content'),
    );
    return null;
  }
  problems.push(...dateProblems(draft.row, header, cell));
  const citedText = cell('citedText');
  return {
    row: draft.row,
    ordinal: cell('ordinal'),
    section: draft.section,
    content,
    lead: cell('lead'),
    cooperating: cell('cooperating'),
    deadline: cell('deadline'),
    centralDeadline: cell('centralDeadline'),
    output: cell('output'),
    notes: cell('notes') ?? trailingRemark(content),
    citedText,
    cites: citedText === null ? [] : splitCites(citedText),
    extra: extraCells(draft.cells, header),
  };
}

function dateProblems(
  row: number,
  header: HeaderLayout,
  cell: (field: ImportField) => string | null,
): ImportProblem[] {
  return (['deadline', 'centralDeadline'] as const).flatMap((field) => {
    const text = cell(field);
    if (text === null || !isInvalidDate(text)) return [];
    return [importProblem('INVALID_DATE', row, columnName(header, field), `"${text}" is not a valid date`)];
  });
}

function extraCells(cells: readonly string[], header: HeaderLayout): Record<string, string> {
  const mapped = new Set(Object.values(header.fields));
  const extra: Record<string, string> = {};
  cells.forEach((text, index) => {
    if (text !== '' && !mapped.has(index)) extra[header.columns[index]?.name || `#${index + 1}`] = text;
  });
  return extra;
}

// The same number twice under one heading is a typo or a row pasted twice; numbering restarts per section.
function duplicateOrdinals(tasks: readonly ImportedTask[], header: HeaderLayout): ImportProblem[] {
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const task of tasks) {
    if (task.ordinal === null) continue;
    const key = `${task.section ?? ''}\u0000${ordinalKey(task.ordinal)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, task.row);
    else problems.push(duplicate(task, first, header));
  }
  return problems;
}

function duplicate(task: ImportedTask, first: number, header: HeaderLayout): ImportProblem {
  const where = task.section === null ? '' : ` in "${task.section}"`;
  const message = `Ordinal "${task.ordinal}" is already used by row ${first}${where}`;
  return importProblem('DUPLICATE_ORDINAL', task.row, columnName(header, 'ordinal'), message);
}

function columnName(header: HeaderLayout, field: ImportField): string | null {
  const index = header.fields[field];
  return index === undefined ? null : (header.columns[index]?.name ?? null);
}

function byRow(a: ImportProblem, b: ImportProblem): number {
  return (a.row ?? 0) - (b.row ?? 0);
}
