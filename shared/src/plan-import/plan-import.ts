import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget } from 'typeorm';
import { documentColumns } from '../document/document.input';
import type { DocumentBase } from '../document/document.interface';
import { findRecordedPlan, type PlanTable } from '../document/plan-identity';
import { ErrorCode, userError } from '../errors';
import { interpretTaskTable, type ColumnMapping, type ImportedTask, type ImportProblem } from '../import';
import { writeTaskCites, type TaskCite } from '../suggestions/task-cites';
import type { Task } from '../task/task.interface';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, taskColumns } from '../task/task.input';
import type { TaskLevel } from '../task/task-status';
import { MAX_IMPORT_COLUMNS, type ImportColumnInput, type PlanImportInput } from './plan-import.input';
import type { ImportedChange, ImportedRow, PlanImport } from './plan-import.type';

/** Where a level keeps its plans and their tasks. */
export interface PlanLevel<P extends DocumentBase & { id: string }, T extends Task> {
  level: TaskLevel;
  plans: PlanTable<P>;
  tasks: EntityTarget<T> & { name?: string };
  /** The task column naming its plan. */
  planField: keyof T & string;
}

const PRINTED = [
  'ordinal',
  'section',
  'content',
  'lead',
  'cooperating',
  'deadline',
  'centralDeadline',
  'output',
  'notes',
] as const;
type Printed = Record<(typeof PRINTED)[number], string | null>;

// The limits TaskInput's validation applies to the same fields when a plan is written by mutation.
const SHORT_FIELDS = new Set(['ordinal', 'deadline', 'centralDeadline']);
const WRITE_BATCH = 500;

/**
 * Imports the task table of one plan of `jurisdiction` at `spec`'s level, in the caller's transaction. It reads
 * the table (columns, sections, continued rows), finds the plan already recorded as the same document, compares,
 * and — unless `input.dryRun`, or an error without `goodRowsOnly` — writes a new plan with its tasks (the task
 * store, which runs it, updates the search rows of `writtenTaskIds`). A file identical to the recorded plan writes nothing; one that differs is refused with
 * AMENDMENT_NOT_SUPPORTED (its dry run lists the differences).
 */
export async function importPlan<P extends DocumentBase & { id: string }, T extends Task>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  jurisdiction: string,
  input: PlanImportInput,
): Promise<PlanImport> {
  checkCells(input.rows);
  const table = interpretTaskTable(input.rows, {
    mapping: mappingOf(input.columns),
    rootSection: input.rootSection,
  });
  const problems = [...table.problems, ...table.tasks.flatMap(lengthProblems)];
  const errors = problems.filter((problem) => problem.severity === 'error');
  const badRows = new Set(errors.map((problem) => problem.row));
  const tasks = table.tasks.filter((task) => !badRows.has(task.row));
  const blocked = errors.length > 0 && (!input.goodRowsOnly || badRows.has(null) || tasks.length === 0);
  const document = documentColumns(input.plan);
  const recorded = await findRecordedPlan(manager, spec.plans, jurisdiction, document);
  const report: PlanImport = {
    dryRun: input.dryRun,
    written: false,
    planId: recorded?.id ?? null,
    recorded: recorded !== null,
    ...(recorded ? compare(await recordedTasks(manager, spec, recorded.id), tasks) : allNew(tasks)),
    problems,
  };
  if (input.dryRun || blocked) return report;
  if (recorded) {
    if (report.created.length + report.changed.length + report.removed.length === 0) return report;
    throw userError(
      ErrorCode.AMENDMENT_NOT_SUPPORTED,
      'This plan is recorded and the file differs from it; amending a plan by import is not supported yet (a dry run lists the differences)',
      { planId: recorded.id },
    );
  }
  const written = await writeNewPlan(manager, spec, jurisdiction, document, tasks);
  return { ...report, written: true, planId: written.planId, created: written.rows };
}

/** The tasks an import wrote (none for a dry run): what the search projection must be updated for. */
export function writtenTaskIds(report: PlanImport): string[] {
  if (!report.written) return [];
  return [...report.created, ...report.changed].flatMap((row) => (row.taskId ? [row.taskId] : []));
}

/** Refuses rows too wide or cells too long for any printed field, before reading them. */
function checkCells(rows: readonly (readonly (string | null)[])[]): void {
  rows.forEach((cells, index) => {
    if (cells.length > MAX_IMPORT_COLUMNS) {
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Row ${index + 1} has ${cells.length} cells; at most ${MAX_IMPORT_COLUMNS}`,
        {
          row: index + 1,
        },
      );
    }
    if (cells.some((cell) => (cell?.length ?? 0) > LONG_TEXT_MAX)) {
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Row ${index + 1} has a cell over ${LONG_TEXT_MAX} characters`,
        {
          row: index + 1,
        },
      );
    }
  });
}

function mappingOf(columns: ImportColumnInput[] | undefined): ColumnMapping | undefined {
  if (!columns?.length) return undefined;
  const mapping: ColumnMapping = {};
  for (const column of columns) {
    const where = column.index ?? column.header;
    if (where === undefined) {
      throw userError(ErrorCode.BAD_USER_INPUT, `Column ${column.field}: give its index or its header`, {
        field: column.field,
      });
    }
    mapping[column.field] = where;
  }
  return mapping;
}

function lengthProblems(task: ImportedTask): ImportProblem[] {
  const printed = printedOfImported(task);
  return PRINTED.flatMap((field) => {
    const limit = SHORT_FIELDS.has(field) ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
    const value = printed[field];
    if (value === null || value.length <= limit) return [];
    return [
      {
        code: 'TOO_LONG' as ImportProblem['code'],
        severity: 'error' as const,
        row: task.row,
        column: field,
        message: `Row ${task.row}: ${field} has ${value.length} characters; at most ${limit}`,
      },
    ];
  });
}

function printedOfImported(task: ImportedTask): Printed {
  const { ordinal, section, content, lead, cooperating, deadline, centralDeadline, output, notes } = task;
  return { ordinal, section, content, lead, cooperating, deadline, centralDeadline, output, notes };
}

function printedOfRecorded(task: Task): Printed {
  return {
    ordinal: task.ordinal,
    section: task.section,
    content: task.content,
    lead: task.leadColumns?.text ?? null,
    cooperating: task.cooperatingColumns?.text ?? null,
    deadline: task.deadlineColumns?.text ?? null,
    centralDeadline: task.centralDeadlineColumns?.text ?? null,
    output: task.output,
    notes: task.notes,
  };
}

// A row is the same task when it sits under the same section with the same ordinal (or, unnumbered, the same
// content): what amendments of a plan keep (docs/decisions/0010-plan-import.md).
function matchKey(printed: Printed): string {
  return `${printed.section ?? ''}\u0000${printed.ordinal ?? `\u0001${printed.content}`}`;
}

function allNew(tasks: ImportedTask[]): Pick<PlanImport, 'created' | 'changed' | 'unchanged' | 'removed'> {
  return { created: tasks.map((task) => importedRow(task, null)), changed: [], unchanged: 0, removed: [] };
}

function compare(
  recorded: Task[],
  tasks: ImportedTask[],
): Pick<PlanImport, 'created' | 'changed' | 'unchanged' | 'removed'> {
  const byKey = new Map<string, Task[]>();
  for (const task of recorded) {
    const key = matchKey(printedOfRecorded(task));
    byKey.set(key, [...(byKey.get(key) ?? []), task]);
  }
  const created: ImportedRow[] = [];
  const changed: ImportedChange[] = [];
  let unchanged = 0;
  for (const task of tasks) {
    const printed = printedOfImported(task);
    const match = byKey.get(matchKey(printed))?.shift();
    if (!match) {
      created.push(importedRow(task, null));
      continue;
    }
    const before = printedOfRecorded(match);
    const changes = PRINTED.filter((field) => before[field] !== printed[field]).map((field) => ({
      field,
      from: before[field],
      to: printed[field],
    }));
    if (changes.length === 0) unchanged += 1;
    else changed.push({ row: task.row, taskId: match.id, ordinal: task.ordinal, changes });
  }
  const removed = [...byKey.values()].flat().map((task) => ({
    row: null,
    taskId: task.id,
    ordinal: task.ordinal,
    section: task.section,
    content: task.content,
  }));
  return { created, changed, unchanged, removed };
}

function importedRow(task: ImportedTask, taskId: string | null): ImportedRow {
  return { row: task.row, taskId, ordinal: task.ordinal, section: task.section, content: task.content };
}

async function recordedTasks<P extends DocumentBase & { id: string }, T extends Task>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  planId: string,
): Promise<Task[]> {
  return manager.find(spec.tasks, {
    where: { [spec.planField]: planId } as never,
    order: { position: 'ASC' } as never,
  });
}

async function writeNewPlan<P extends DocumentBase & { id: string }, T extends Task>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  jurisdiction: string,
  document: ReturnType<typeof documentColumns>,
  tasks: ImportedTask[],
): Promise<{ planId: string; rows: ImportedRow[] }> {
  const planId = randomUUID();
  await manager.insert(spec.plans.entity, {
    ...document,
    id: planId,
    [spec.plans.jurisdictionField]: jurisdiction,
  } as never);
  const rows: ImportedRow[] = [];
  for (let start = 0; start < tasks.length; start += WRITE_BATCH) {
    const batch = tasks.slice(start, start + WRITE_BATCH);
    const entities = batch.map((task, offset) =>
      manager.create(spec.tasks, {
        ...taskColumns(printedAsInput(task)),
        id: randomUUID(),
        [spec.planField]: planId,
        position: start + offset + 1,
      } as never),
    );
    await manager.save(entities);
    const ids = entities.map((entity) => (entity as Task).id);
    // The numbers each row cites ("Văn bản giao nhiệm vụ"): what suggested links rank first.
    await writeTaskCites(
      manager,
      batch.flatMap((task, offset) => citesOf(task, ids[offset])),
    );
    batch.forEach((task, offset) => rows.push(importedRow(task, ids[offset])));
  }
  return { planId, rows };
}

function citesOf(task: ImportedTask, taskId: string): TaskCite[] {
  return task.cites.flatMap((cite) =>
    cite.number === null
      ? []
      : [{ taskId, number: cite.number, text: cite.text, inferred: false, evidence: null }],
  );
}

function printedAsInput(task: ImportedTask): Parameters<typeof taskColumns>[0] {
  const printed = printedOfImported(task);
  const optional = (value: string | null): string | undefined => value ?? undefined;
  return {
    content: task.content,
    ordinal: optional(printed.ordinal),
    section: optional(printed.section),
    lead: optional(printed.lead),
    cooperating: optional(printed.cooperating),
    deadline: optional(printed.deadline),
    centralDeadline: optional(printed.centralDeadline),
    output: optional(printed.output),
    notes: optional(printed.notes),
  };
}
