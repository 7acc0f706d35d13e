import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager, type EntityTarget } from 'typeorm';
import { documentColumns } from '../document/document.input';
import type { DocumentBase } from '../document/document.interface';
import { findRecordedPlan, type PlanTable } from '../document/plan-identity';
import { writeAmendment, writeRemoval } from '../amendment/amend-task';
import { PRINTED_FIELDS, printedAsInput, printedOfTask, type Printed } from '../amendment/printed-fields';
import { ErrorCode, userError } from '../errors';
import { interpretTaskTable, type ColumnMapping, type ImportedTask, type ImportProblem } from '../import';
import { writeTaskCites, type TaskCite } from '../suggestions/task-cites';
import type { TaskRow } from '../status/report-status';
import type { TaskTable } from '../store/task-store';
import { lastPositionSql } from '../store/task-store.sql';
import type { Task } from '../task/task.interface';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, taskColumns } from '../task/task.input';
import type { TaskLevel } from '../task/task-status';
import { matchRows } from './row-matching';
import { MAX_IMPORT_COLUMNS, type ImportColumnInput, type PlanImportInput } from './plan-import.input';
import type { ImportedChange, ImportedRow, PlanImport } from './plan-import.type';

/** Who writes an import's amendments, and into which task table (the task store's). */
export interface ImportWriter<T extends Task> {
  table: TaskTable<T>;
  actor: string;
}

/** Where a level keeps its plans and their tasks. */
export interface PlanLevel<P extends DocumentBase & { id: string }, T extends Task> {
  level: TaskLevel;
  plans: PlanTable<P>;
  tasks: EntityTarget<T> & { name?: string };
  /** The task column naming its plan. */
  planField: keyof T & string;
}

// The limits TaskInput's validation applies to the same fields when a plan is written by mutation.
const SHORT_FIELDS = new Set(['ordinal', 'deadline', 'centralDeadline']);
const WRITE_BATCH = 500;

/**
 * Imports the task table of one plan of `jurisdiction` at `spec`'s level, in the caller's transaction. It reads
 * the table (columns, sections, continued rows), finds the plan already recorded as the same document, compares,
 * and — unless `input.dryRun`, or an error without `goodRowsOnly` — writes a new plan with its tasks, or amends the
 * recorded plan to what the file prints (the task store, which runs it, updates the search rows of
 * `writtenTaskIds`). A file identical to the recorded plan writes nothing.
 */
export async function importPlan<P extends DocumentBase & { id: string }, T extends Task & TaskRow>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  jurisdiction: string,
  input: PlanImportInput,
  writer: ImportWriter<T>,
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
  // Read once, and locked when the import may amend them: the amendment writes the rows compared here.
  const recordedRows = recorded ? await recordedTasks(manager, spec, recorded.id, !input.dryRun) : null;
  const report: PlanImport = {
    dryRun: input.dryRun,
    written: false,
    planId: recorded?.id ?? null,
    recorded: recorded !== null,
    ...(recordedRows ? compare(recordedRows, tasks) : allNew(tasks)),
    problems,
    accepted: [],
  };
  if (input.dryRun || blocked) return report;
  if (recorded) {
    if (report.created.length + report.changed.length + report.removed.length === 0) return report;
    const basis = input.basis?.trim() || `${recorded.number ?? recorded.title} (nhập lại từ tệp)`;
    const created = await amendRecordedPlan(manager, spec, writer, {
      planId: recorded.id,
      report,
      recorded: recordedRows ?? [],
      tasks,
      basis,
    });
    return { ...report, written: true, created };
  }
  const written = await writeNewPlan(manager, spec, jurisdiction, document, tasks);
  return { ...report, written: true, planId: written.planId, created: written.rows };
}

/** The tasks an import wrote (none for a dry run): what the search projection must be updated for. */
export function writtenTaskIds(report: PlanImport): string[] {
  if (!report.written) return [];
  const rows = [...report.created, ...report.changed, ...report.removed];
  return rows.flatMap((row) => (row.taskId ? [row.taskId] : []));
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
  return PRINTED_FIELDS.flatMap((field) => {
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

function allNew(tasks: ImportedTask[]): Pick<PlanImport, 'created' | 'changed' | 'unchanged' | 'removed'> {
  return { created: tasks.map((task) => importedRow(task, null)), changed: [], unchanged: 0, removed: [] };
}

// Which recorded task each row is: row-matching.ts (in place by section and ordinal, then by wording, so a
// renumbered plan reads as renumbered, not rewritten; docs/decisions/0012-amendments.md).
function compare(
  recorded: Task[],
  tasks: ImportedTask[],
): Pick<PlanImport, 'created' | 'changed' | 'unchanged' | 'removed'> {
  const matching = matchRows(recorded, tasks, { recorded: printedOfTask, imported: printedOfImported });
  const changed: ImportedChange[] = matching.pairs
    .filter((pair) => pair.changes.length > 0)
    .map(({ recorded: task, imported: row, changes }) => ({
      row: row.row,
      taskId: task.id,
      ordinal: row.ordinal,
      changes,
    }));
  return {
    created: matching.created.map((task) => importedRow(task, null)),
    changed,
    unchanged: matching.pairs.length - changed.length,
    removed: matching.removed.map((task) => ({
      row: null,
      taskId: task.id,
      ordinal: task.ordinal,
      section: task.section,
      content: task.content,
    })),
  };
}

function importedRow(task: ImportedTask, taskId: string | null): ImportedRow {
  return { row: task.row, taskId, ordinal: task.ordinal, section: task.section, content: task.content };
}

async function recordedTasks<P extends DocumentBase & { id: string }, T extends Task>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  planId: string,
  lock: boolean,
): Promise<T[]> {
  // A task an earlier amendment removed is no longer a row of the plan: a file that prints it again adds it anew.
  return manager.find(spec.tasks, {
    where: { [spec.planField]: planId, removedAt: IsNull() } as never,
    order: { position: 'ASC' } as never,
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
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
  return { planId, rows: await insertTasks(manager, spec, planId, tasks, 1) };
}

/** Inserts imported rows into a plan from `firstPosition` on, with the numbers each cites; returns the rows. */
async function insertTasks<P extends DocumentBase & { id: string }, T extends Task>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  planId: string,
  tasks: ImportedTask[],
  firstPosition: number,
): Promise<ImportedRow[]> {
  const rows: ImportedRow[] = [];
  for (let start = 0; start < tasks.length; start += WRITE_BATCH) {
    const batch = tasks.slice(start, start + WRITE_BATCH);
    const entities = batch.map((task, offset) =>
      manager.create(spec.tasks, {
        ...taskColumns(printedAsInput({ ...printedOfImported(task), content: task.content })),
        id: randomUUID(),
        [spec.planField]: planId,
        position: firstPosition + start + offset,
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
  return rows;
}

/**
 * Applies a re-imported file to its recorded plan (docs/decisions/0012-amendments.md, 7): each
 * changed row is amended (an AMENDED event per task), each new row added after the last, each row the file no
 * longer prints marked as removed (a REMOVED event; never deleted). Returns the created rows with their ids.
 */
async function amendRecordedPlan<P extends DocumentBase & { id: string }, T extends Task & TaskRow>(
  manager: EntityManager,
  spec: PlanLevel<P, T>,
  writer: ImportWriter<T>,
  amendment: { planId: string; report: PlanImport; recorded: T[]; tasks: ImportedTask[]; basis: string },
): Promise<ImportedRow[]> {
  const { planId, report, recorded, tasks, basis } = amendment;
  const byRow = new Map(tasks.map((task) => [task.row, task] as const));
  const byId = new Map(recorded.map((task) => [task.id, task] as const));
  const amending = (taskId: string) => ({ task: byId.get(taskId) as T, actor: writer.actor });
  for (const change of report.changed) {
    const row = byRow.get(change.row) as ImportedTask;
    await writeAmendment(manager, writer.table, amending(change.taskId), printedOfImported(row), basis);
  }
  for (const removed of report.removed) {
    await writeRemoval(manager, writer.table, amending(removed.taskId as string), basis);
  }
  const createdRows = new Set(report.created.map((row) => row.row));
  const [{ last }] = (await manager.query(lastPositionSql(writer.table.target), [planId])) as {
    last: number;
  }[];
  return insertTasks(
    manager,
    spec,
    planId,
    tasks.filter((task) => createdRows.has(task.row)),
    last + 1,
  );
}

function citesOf(task: ImportedTask, taskId: string): TaskCite[] {
  return task.cites.flatMap((cite) =>
    cite.number === null
      ? []
      : [{ taskId, number: cite.number, text: cite.text, inferred: false, evidence: null }],
  );
}
