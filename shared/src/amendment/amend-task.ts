import { randomUUID } from 'node:crypto';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { authorize } from '../auth/authorize';
import { unauthenticated, type Identity } from '../auth/identity';
import { ErrorCode, userError } from '../errors';
import { appendTaskEvent, TaskEventKind, type EventRouting, type FieldChange } from '../events/event-log';
import {
  eventRoutingOf,
  scopeOf,
  staleVersion,
  type RoutingFacts,
  type TaskRow,
} from '../status/report-status';
import type { TaskTable } from '../store/task-store';
import { bumpVersionSql, removeTaskSql, taskRoutingSql, UNLINK_TASK_SQL } from '../store/task-store.sql';
import type { Task } from '../task/task.interface';
import { taskColumns } from '../task/task.input';
import type { AmendTaskInput, RemoveTaskInput, TaskChangesInput, UnlinkTaskInput } from './amendment.input';
import {
  PRINTED_FIELDS,
  printedAsInput,
  printedChanges,
  printedOfTask,
  type Printed,
} from './printed-fields';

/** What an amendment did: the task as it is now, and whether it changed (false: it already said so). */
export interface AmendmentOutcome<T> {
  task: T;
  changed: boolean;
}

type AmendableTask = Task & TaskRow;

/** The task an amendment holds locked, and who amends it. */
export interface Amending<T> {
  task: T;
  actor: string;
}

/**
 * Amends the printed fields of a task in the caller's transaction (the task store's), for a planner of its
 * jurisdiction: the row is rewritten (the parsed deadline and agencies derived again from the new text), its
 * version moves on, and an AMENDED event lists each field from what to what. An amendment that changes nothing
 * (a retry of one that was applied) writes nothing and answers with the task, whatever version it names.
 */
export async function amendTask<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  input: AmendTaskInput,
  identity: Identity | null,
): Promise<AmendmentOutcome<T>> {
  const { task, actor } = await lockedInScope(manager, table, input.id, identity);
  assertNotRemoved(task);
  const before = printedOfTask(task);
  const after = amended(before, input.changes);
  const changes = printedChanges(before, after);
  if (changes.length === 0) return { task, changed: false };
  assertVersion(task, input.expectedVersion);
  await writeAmendment(manager, table, { task, actor }, after, basisOf(input.basis));
  return { task: await reloaded(manager, table, task.id), changed: true };
}

/**
 * Rewrites the printed fields of the locked task to `after` and appends the AMENDED event listing what changed;
 * for a caller that has authorized the write and checked the version (an amendment, an import).
 */
export async function writeAmendment<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  amending: Amending<T>,
  after: Printed,
  basis: string,
): Promise<void> {
  const { task } = amending;
  const changes = printedChanges(printedOfTask(task), after);
  const columns = taskColumns(printedAsInput({ ...after, content: after.content as string }));
  // The group is kept as recorded: an amendment of the wording does not re-derive what a planner set.
  delete columns.group;
  delete columns.groupDerived;
  await manager.update(
    table.task,
    { id: task.id } as FindOptionsWhere<T>,
    { ...columns, version: task.version + 1 } as never,
  );
  await appendAmendment(manager, table, amending, TaskEventKind.AMENDED, changes, basis);
}

/**
 * Marks a task as removed from its document by an amendment, in the caller's transaction: the row stays, with
 * its reports, links and history; roll-ups leave it out; a REMOVED event says by which document. Removing a
 * task already removed writes nothing (the retry of the first removal).
 */
export async function removeTask<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  input: RemoveTaskInput,
  identity: Identity | null,
): Promise<AmendmentOutcome<T>> {
  const { task, actor } = await lockedInScope(manager, table, input.id, identity);
  if (task.removedAt) return { task, changed: false };
  assertVersion(task, input.expectedVersion);
  await writeRemoval(manager, table, { task, actor }, basisOf(input.basis));
  return { task: await reloaded(manager, table, task.id), changed: true };
}

/** Marks the locked task as removed by `basis` and appends the REMOVED event; the caller has authorized it. */
export async function writeRemoval<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  amending: Amending<T>,
  basis: string,
): Promise<void> {
  await manager.query(removeTaskSql(table.target), [amending.task.id, basis]);
  const changes = [{ field: 'removedFromPlan', from: null, to: basis }];
  await appendAmendment(manager, table, amending, TaskEventKind.REMOVED, changes, basis);
}

/**
 * Removes links of a task (the tasks it no longer carries out) in the caller's transaction, for a planner of
 * its jurisdiction; the mirror the events are routed by follows in the same commit (its trigger). The UNLINKED
 * event is routed as the task was before, so whoever followed it through those links sees it go. NOT_LINKED,
 * writing nothing, when one of the targets is not linked.
 */
export async function unlinkTask<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  input: UnlinkTaskInput,
  identity: Identity | null,
): Promise<AmendmentOutcome<T>> {
  const { task, actor } = await lockedInScope(manager, table, input.id, identity);
  assertVersion(task, input.expectedVersion);
  const basis = basisOf(input.basis);
  const routing = await routingOf(manager, table, task.id);
  // One statement for every target; a target it did not find means the request names a link that is not there.
  const deleted = (await manager.query(UNLINK_TASK_SQL, [
    task.id,
    input.targets.map((target) => target.level),
    input.targets.map((target) => target.id),
  ])) as { target: string }[];
  const gone = new Set(deleted.map((row) => row.target));
  // Each target takes its link: one named twice finds it gone the second time, as two unlinks in a row would.
  // PostgreSQL prints a uuid in lower case, whatever case the request wrote it in.
  const missing = input.targets.find((target) => !gone.delete(`${target.level}:${target.id.toLowerCase()}`));
  if (missing) {
    throw userError(
      ErrorCode.NOT_LINKED,
      `Task ${task.id} does not carry out ${missing.level} task ${missing.id}`,
      { level: missing.level, id: missing.id },
    );
  }
  const changes: FieldChange[] = input.targets.map((target) => ({
    field: 'implements',
    from: `${target.level}:${target.id}`,
    to: null,
  }));
  await bumpVersion(manager, table, task);
  await append(manager, table, { task, actor }, TaskEventKind.UNLINKED, changes, basis, routing);
  return { task: await reloaded(manager, table, task.id), changed: true };
}

function amended(before: Printed, changes: TaskChangesInput): Printed {
  const after = { ...before };
  for (const field of PRINTED_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const text = value === null ? null : value.trim() === '' ? null : value;
    if (field === 'content' && text === null) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'A task cannot be amended to print no content', { field });
    }
    after[field] = text;
  }
  return after;
}

async function lockedInScope<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  id: string,
  identity: Identity | null,
): Promise<Amending<T>> {
  if (!identity) throw unauthenticated('Sign in to amend a task: send a bearer token');
  const task = await lockTask(manager, table, id);
  const scope = await scopeOf(manager, table.target, id);
  if (!scope) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${id}`, { id });
  authorize(identity, 'plan', { jurisdiction: scope.jurisdiction });
  return { task, actor: identity.subject };
}

// The task with `id`, locked for the rest of the caller's transaction; UNKNOWN_TASK when there is none.
async function lockTask<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  id: string,
): Promise<T> {
  const task = await manager.findOne(table.task, {
    where: { id } as FindOptionsWhere<T>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${id}`, { id });
  return task;
}

function assertNotRemoved(task: AmendableTask): void {
  if (task.removedAt) {
    throw userError(
      ErrorCode.TASK_REMOVED,
      `Task ${task.id} was removed from its document; it cannot be amended`,
      {
        id: task.id,
      },
    );
  }
}

function assertVersion(task: AmendableTask, expectedVersion: number): void {
  if (task.version !== expectedVersion) throw staleVersion(task.id, task.version, expectedVersion, 'amend');
}

function basisOf(text: string): string {
  const basis = text.trim();
  if (basis === '') throw userError(ErrorCode.BAD_USER_INPUT, 'Name the document that amends the task');
  return basis;
}

async function bumpVersion<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  task: T,
): Promise<void> {
  await manager.query(bumpVersionSql(table.target), [task.id]);
}

async function routingOf<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  id: string,
): Promise<EventRouting> {
  const [facts] = (await manager.query(taskRoutingSql(table.target), [id])) as RoutingFacts[];
  return eventRoutingOf(facts);
}

async function appendAmendment<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  amending: Amending<T>,
  kind: TaskEventKind,
  changes: FieldChange[],
  basis: string,
): Promise<void> {
  const routing = await routingOf(manager, table, amending.task.id);
  await append(manager, table, amending, kind, changes, basis, routing);
}

async function append<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  { task, actor }: Amending<T>,
  kind: TaskEventKind,
  changes: FieldChange[],
  basis: string,
  routing: EventRouting,
): Promise<void> {
  await appendTaskEvent(manager, {
    id: randomUUID(),
    actor,
    level: table.target.level,
    taskId: task.id,
    from: task.status,
    to: task.status,
    fromProgress: task.progress,
    progress: task.progress,
    note: basis,
    evidence: [],
    version: task.version + 1,
    kind,
    changes,
    ...routing,
  });
}

async function reloaded<T extends AmendableTask>(
  manager: EntityManager,
  table: TaskTable<T>,
  id: string,
): Promise<T> {
  return manager.findOneByOrFail(table.task, { id } as FindOptionsWhere<T>);
}
