import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import type { EventRouting, EvidenceItem } from '../events/event-log';
import { directiveKeys } from '../events/routing';
import {
  lostRaceSql,
  reloadTaskSql,
  reportReadStatement,
  reportWriteStatement,
  taskScopeSql,
  type PreparedStatement,
} from '../store/task-store.sql';
import type { TaskLevel, TaskStatus } from '../task/task-status';
import type { TaskStatusInput } from './status-report.input';
import { statusReportResult, type TaskEventRef } from './status-report.type';
import { nextState } from './transition';
import { authorize, type Scope } from '../auth/authorize';
import { unauthenticated, type Identity } from '../auth/identity';

/** Where one level keeps its tasks, and where the task's jurisdiction is. */
export interface StatusReportTarget {
  level: TaskLevel;
  /** The level's task table (a constant of the service, never input). */
  taskTable: 'central_task' | 'provincial_task' | 'commune_task';
  /** The plan table whose column names the task's jurisdiction; null for central tasks ("central"). */
  plan: {
    table: 'provincial_plan' | 'commune_plan';
    jurisdictionColumn: 'province_code' | 'commune_code';
  } | null;
}

/** What a report did: the event it appended, and whether this call only replayed an earlier one. */
export interface StatusReportOutcome {
  taskId: string;
  eventId: string;
  replayed: boolean;
}

/** The columns of a level's task row that a report reads and writes. */
export interface TaskRow {
  id: string;
  status: TaskStatus;
  progress: number;
  version: number;
  /** Set once an amendment removed the task from its plan: it takes no more reports. */
  removedAt: Date | null;
}

/** The raw routing columns a task's read returns (`reportReadStatement`, `taskRoutingSql`). */
export interface RoutingFacts {
  route_province: string | null;
  route_commune: string | null;
  route_keys?: string[] | null;
  route_directive_number?: string | null;
  route_directive_aliases?: string[] | null;
}

/** What the one read of a report finds beside the task row (raw columns of `reportReadStatement`). */
interface ReportFacts extends RoutingFacts {
  scope_jurisdiction: string;
  scope_lead: string;
  earlier: EarlierReport | null;
}

interface EarlierReport {
  task_id: string;
  event_id: string;
  request_hash: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Applies one status report in two statements (docs/decisions/0006-write-path.md): one read of the task, its
 * scope, its event's routing and any earlier report under the same key; then one autocommit statement that
 * moves the task on if it is still at the expected version, records the key, updates the search row and
 * appends the event. A retried idempotency key returns the first outcome and writes nothing. Returns the
 * outcome and the task as it is after the report.
 */
export async function reportTaskStatus<T extends ObjectLiteral & TaskRow>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
  input: TaskStatusInput,
  identity: Identity | null,
): Promise<{ outcome: StatusReportOutcome; task: T }> {
  if (!identity) throw unauthenticated('Sign in to report: send a bearer token');
  const actor = identity.subject;
  const { task, facts } = await reportRead(dataSource, target, entity, input.id, actor, input.idempotencyKey);
  if (!task || !facts) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${input.id}`, { id: input.id });
  authorize(identity, 'report', { jurisdiction: facts.scope_jurisdiction, lead: facts.scope_lead });
  const evidence = evidenceOf(input);
  const requestHash = hashOf(input, evidence);
  const earlier = earlierOutcome(facts.earlier, input.idempotencyKey, requestHash);
  if (earlier) return { outcome: earlier, task };
  // A task an amendment removed from its plan is no longer reported on (its earlier reports stay, and replay).
  if (task.removedAt) {
    throw userError(
      ErrorCode.TASK_REMOVED,
      `Task ${input.id} was removed from its plan; it takes no reports`,
      {
        id: input.id,
      },
    );
  }
  if (task.version !== input.expectedVersion) throw versionConflict(input, task.version);
  // The transition is judged on the state read; the write applies only if the task is still at that version.
  const after = nextState(task, input);
  const eventId = randomUUID();
  let written: { updated_at: Date }[];
  try {
    written = (await preparedQuery(dataSource, reportWriteStatement(target), [
      input.id,
      after.status,
      after.progress,
      task.version + 1,
      input.expectedVersion,
      actor,
      input.idempotencyKey ?? null,
      requestHash,
      eventId,
      target.level,
      task.status,
      task.progress,
      input.note?.trim() || null,
      JSON.stringify(evidence),
      facts.route_province,
      facts.route_commune,
      routingKeys(facts),
    ])) as { updated_at: Date }[];
  } catch (error) {
    // A concurrent report under the same key (on another task) won the race: answer as its sequential retry.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    const winner = await afterLostRace(dataSource, target, input, actor, requestHash);
    if (!winner.earlier) throw error;
    return { outcome: winner.earlier, task: await reloaded(dataSource, target, entity, input.id, task) };
  }
  if (written.length === 0) {
    // Another report committed first. If it was this same report (a racing retry), answer as its retry.
    const lost = await afterLostRace(dataSource, target, input, actor, requestHash);
    if (lost.earlier) {
      return { outcome: lost.earlier, task: await reloaded(dataSource, target, entity, input.id, task) };
    }
    throw versionConflict(input, lost.currentVersion ?? task.version);
  }
  Object.assign(task, {
    status: after.status,
    progress: after.progress,
    version: task.version + 1,
    updatedAt: written[0].updated_at,
  });
  return { outcome: { taskId: input.id, eventId, replayed: false }, task };
}

/**
 * The one read of a report: the task entity, plus (raw columns) its scope for authorization, its event's
 * routing (province and commune from the level's own tables; directive keys from the events read model, or
 * for a central task from its own directive) and the earlier report under the same key, if any.
 */
async function reportRead<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
  id: string,
  actor: string,
  key: string | undefined,
): Promise<{ task: T | undefined; facts: ReportFacts | undefined }> {
  const statement = readStatementOf(dataSource, target, entity);
  const rows = (await preparedQuery(dataSource, statement, [id, actor, key ?? null])) as (ReportFacts &
    Record<string, unknown>)[];
  if (rows.length === 0) return { task: undefined, facts: undefined };
  return { task: hydrate(dataSource, entity, rows[0]), facts: rows[0] };
}

// The SQL of a target never changes: built once per level, not by a query builder on every report.
const readStatements = new Map<string, PreparedStatement>();

function readStatementOf<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
): PreparedStatement {
  const cached = readStatements.get(target.taskTable);
  if (cached) return cached;
  const columns = dataSource
    .getMetadata(entity)
    .columns.filter((column) => !column.isVirtual)
    .map((column) => dataSource.driver.escape(column.databaseName));
  const statement = reportReadStatement(target, columns);
  readStatements.set(target.taskTable, statement);
  return statement;
}

/** The routing columns a task's read returns, as an event's routing. */
export function eventRoutingOf(facts: RoutingFacts): EventRouting {
  return {
    provinceCode: facts.route_province,
    communeCode: facts.route_commune,
    directiveKeys: routingKeys(facts),
  };
}

/**
 * Runs `statement` as a named prepared statement on a pooled connection: PostgreSQL parses and plans a report's
 * two large statements once per connection instead of once per report (their backend CPU falls to about a
 * third, see docs/decisions/0006-write-path.md). The data source's logger still counts and reports it.
 */
async function preparedQuery(
  dataSource: DataSource,
  { name, text }: PreparedStatement,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as {
      query(config: {
        name: string;
        text: string;
        values: unknown[];
      }): Promise<{ rows: Record<string, unknown>[] }>;
    };
    dataSource.logger.logQuery(text, values, runner);
    try {
      return (await client.query({ name, text, values })).rows;
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, values, runner);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** The entity of a raw task row, each column converted as TypeORM converts it when it loads the entity. */
function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(entity);
  const task = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    // As TypeORM's own loader: virtual (relation) columns and columns the row lacks are left unset.
    if (column.isVirtual || value === undefined) continue;
    column.setEntityValue(task, dataSource.driver.prepareHydratedValue(value, column));
  }
  return task;
}

/** The task as it is now, for a retry that lost the race to the report it repeats (it answers as a retry). */
async function reloaded<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
  id: string,
  fallback: T,
): Promise<T> {
  const rows = (await dataSource.query(reloadTaskSql(target), [id])) as Record<string, unknown>[];
  return rows.length > 0 ? hydrate(dataSource, entity, rows[0]) : fallback;
}

/** After a write that found the task moved on: its version now, and the earlier report if it was this one. */
async function afterLostRace(
  dataSource: DataSource,
  target: StatusReportTarget,
  input: TaskStatusInput,
  actor: string,
  requestHash: string,
): Promise<{ currentVersion: number | null; earlier: StatusReportOutcome | null }> {
  // A new statement, so a new snapshot: it sees whatever committed first.
  const [row] = (await dataSource.query(lostRaceSql(target), [
    input.id,
    actor,
    input.idempotencyKey ?? null,
  ])) as { version: number | null; earlier: EarlierReport | null }[];
  return {
    currentVersion: row.version,
    earlier: earlierOutcome(row.earlier, input.idempotencyKey, requestHash),
  };
}

function versionConflict(input: TaskStatusInput, currentVersion: number): Error {
  return staleVersion(input.id, currentVersion, input.expectedVersion, 'report');
}

/** VERSION_CONFLICT for a write made against `expectedVersion` of a task now at `currentVersion`. */
export function staleVersion(
  taskId: string,
  currentVersion: number,
  expectedVersion: number,
  write: 'report' | 'amend',
): Error {
  return userError(
    ErrorCode.VERSION_CONFLICT,
    `Task ${taskId} is at version ${currentVersion}, not ${expectedVersion}: reload it and ${write} again`,
    { currentVersion, expectedVersion },
  );
}

function routingKeys(facts: RoutingFacts): string[] {
  if (facts.route_keys) return facts.route_keys;
  return directiveKeys({
    number: facts.route_directive_number ?? null,
    aliases: facts.route_directive_aliases ?? [],
  });
}

/** Whose the task is and who leads it, for authorization; null for an unknown task. */
export async function scopeOf(
  manager: EntityManager,
  target: StatusReportTarget,
  taskId: string,
): Promise<Scope | null> {
  const rows = (await manager.query(taskScopeSql(target), [taskId])) as Scope[];
  return rows[0] ?? null;
}

function earlierOutcome(
  earlier: EarlierReport | null,
  key: string | undefined,
  requestHash: string,
): StatusReportOutcome | null {
  if (!key || !earlier) return null;
  if (earlier.request_hash !== requestHash) {
    throw userError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `idempotencyKey "${key}" was already used for a different report; use a new key`,
      { idempotencyKey: key },
    );
  }
  return { taskId: earlier.task_id, eventId: earlier.event_id, replayed: true };
}

function evidenceOf(input: TaskStatusInput): EvidenceItem[] {
  return (input.evidence ?? []).map((item) => {
    if (!item.url === !item.documentNumber) {
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Evidence "${item.title}" needs either a url or a documentNumber`,
      );
    }
    return { title: item.title, url: item.url ?? null, documentNumber: item.documentNumber ?? null };
  });
}

/** The report's content without its key: a retry must say the same thing to be answered as a retry. */
function hashOf(input: TaskStatusInput, evidence: EvidenceItem[]): string {
  const content = [input.id, input.status, input.progress ?? null, input.note ?? null, evidence];
  return createHash('sha256')
    .update(JSON.stringify([...content, input.expectedVersion]))
    .digest('hex');
}

/** What a level's update mutation returns: `reportTaskStatus` as `identity`, with the task as it is now. */
export async function reportAndReload<T extends ObjectLiteral & TaskRow>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
  input: TaskStatusInput,
  identity: Identity | null,
): Promise<{ task: T; event: TaskEventRef; replayed: boolean }> {
  const { outcome, task } = await reportTaskStatus(dataSource, target, entity, input, identity);
  return statusReportResult(outcome, task);
}
