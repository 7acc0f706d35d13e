import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import { appendTaskEvent, type EventRouting, type EvidenceItem } from '../events/event-log';
import { indexTasks } from '../search/search-index';
import type { TaskLevel, TaskStatus } from '../task/task-status';
import type { TaskStatusInput } from './status-report.input';
import { statusReportResult, type TaskEventRef } from './status-report.type';
import { nextState } from './transition';
import { authorize, type Scope } from '../auth/authorize';
import { unauthenticated, type Identity } from '../auth/identity';

/** Where one level keeps its tasks, and how it finds what subscribers filter a task's events on. */
export interface StatusReportTarget {
  level: TaskLevel;
  /** The level's task table (a constant of the service, never input). */
  taskTable: 'central_task' | 'provincial_task' | 'commune_task';
  /** The plan table whose column names the task's jurisdiction; null for central tasks ("central"). */
  plan: {
    table: 'provincial_plan' | 'commune_plan';
    jurisdictionColumn: 'province_code' | 'commune_code';
  } | null;
  /** May ask other subgraphs, so it runs before the transaction opens; `scope` is the task's, already read. */
  routing: (taskId: string, scope: Scope) => Promise<EventRouting>;
}

/** What a report did: the event it appended, and whether this call only replayed an earlier one. */
export interface StatusReportOutcome {
  taskId: string;
  eventId: string;
  replayed: boolean;
}

interface TaskState {
  status: TaskStatus;
  progress: number;
  version: number;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Applies one status report: checks who reports, the expected version and the transition, then updates the
 * task and appends its event in one transaction. A retried idempotency key returns the first outcome and
 * writes nothing.
 */
export async function reportTaskStatus(
  dataSource: DataSource,
  target: StatusReportTarget,
  input: TaskStatusInput,
  identity: Identity | null,
): Promise<StatusReportOutcome> {
  if (!identity) throw unauthenticated('Sign in to report: send a bearer token');
  const scope = await scopeOf(dataSource.manager, target, input.id);
  if (!scope) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${input.id}`, { id: input.id });
  authorize(identity, 'report', scope);
  const actor = identity.subject;
  const evidence = evidenceOf(input);
  const requestHash = hashOf(input, evidence);
  const earlier = await findEarlier(dataSource.manager, actor, input.idempotencyKey, requestHash);
  if (earlier) return earlier;
  const routing = await target.routing(input.id, scope);
  try {
    return await dataSource.transaction((manager) =>
      applyReport(manager, target, input, { actor, requestHash, routing, evidence }),
    );
  } catch (error) {
    // A concurrent retry with the same key won the race: answer as if this call were the retry.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    const winner = await findEarlier(dataSource.manager, actor, input.idempotencyKey, requestHash);
    if (!winner) throw error;
    return winner;
  }
}

async function applyReport(
  manager: EntityManager,
  target: StatusReportTarget,
  input: TaskStatusInput,
  context: { actor: string; requestHash: string; routing: EventRouting; evidence: EvidenceItem[] },
): Promise<StatusReportOutcome> {
  const before = await currentState(manager, target, input.id, true);
  if (before.version !== input.expectedVersion) {
    throw userError(
      ErrorCode.VERSION_CONFLICT,
      `Task ${input.id} is at version ${before.version}, not ${input.expectedVersion}: reload it and report again`,
      { currentVersion: before.version, expectedVersion: input.expectedVersion },
    );
  }
  const after = nextState(before, input);
  const version = before.version + 1;
  await manager.query(
    `UPDATE ${target.taskTable} SET status = $2, progress = $3, version = $4, updated_at = now() WHERE id = $1`,
    [input.id, after.status, after.progress, version],
  );
  // The search projection sees the new status in the same commit as the task and its event.
  await indexTasks(manager, target.level, [input.id]);
  const eventId = randomUUID();
  if (input.idempotencyKey) {
    await manager.query(
      `INSERT INTO status_report (actor, idempotency_key, request_hash, event_id, task_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [context.actor, input.idempotencyKey, context.requestHash, eventId, input.id],
    );
  }
  await appendTaskEvent(manager, {
    ...context.routing,
    id: eventId,
    actor: context.actor,
    level: target.level,
    taskId: input.id,
    from: before.status,
    to: after.status,
    fromProgress: before.progress,
    progress: after.progress,
    note: input.note?.trim() || null,
    evidence: context.evidence,
    version,
  });
  return { taskId: input.id, eventId, replayed: false };
}

/** Whose the task is and who leads it, for authorization; null for an unknown task. */
export async function scopeOf(
  manager: EntityManager,
  target: StatusReportTarget,
  taskId: string,
): Promise<Scope | null> {
  const jurisdiction = target.plan ? `p.${target.plan.jurisdictionColumn}` : "'central'";
  const join = target.plan ? ` JOIN ${target.plan.table} p ON p.id = t.plan_id` : '';
  const rows = (await manager.query(
    `SELECT ${jurisdiction} AS jurisdiction, ${leadNamesSql('t')} AS lead FROM ${target.taskTable} t${join}
     WHERE t.id = $1`,
    [taskId],
  )) as Scope[];
  return rows[0] ?? null;
}

async function currentState(
  manager: EntityManager,
  target: StatusReportTarget,
  id: string,
  lock = false,
): Promise<TaskState> {
  const rows = (await manager.query(
    `SELECT status, progress, version FROM ${target.taskTable} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )) as TaskState[];
  if (rows.length === 0) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${id}`, { id });
  return rows[0];
}

async function findEarlier(
  manager: EntityManager,
  actor: string,
  key: string | undefined,
  requestHash: string,
): Promise<StatusReportOutcome | null> {
  if (!key) return null;
  const rows = (await manager.query(
    `SELECT task_id, event_id, request_hash FROM status_report WHERE actor = $1 AND idempotency_key = $2`,
    [actor, key],
  )) as { task_id: string; event_id: string; request_hash: string }[];
  if (rows.length === 0) return null;
  if (rows[0].request_hash !== requestHash) {
    throw userError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `idempotencyKey "${key}" was already used for a different report; use a new key`,
      { idempotencyKey: key },
    );
  }
  return { taskId: rows[0].task_id, eventId: rows[0].event_id, replayed: true };
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

/** What a level's update mutation returns: `reportTaskStatus` as `identity`, then the task as it is now, loaded as `entity`. */
export async function reportAndReload<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  target: StatusReportTarget,
  entity: EntityTarget<T>,
  input: TaskStatusInput,
  identity: Identity | null,
): Promise<{ task: T; event: TaskEventRef; replayed: boolean }> {
  const outcome = await reportTaskStatus(dataSource, target, input, identity);
  const where = { id: outcome.taskId } as FindOptionsWhere<T>;
  return statusReportResult(outcome, await dataSource.manager.findOneByOrFail(entity, where));
}

/**
 * SQL for the lead of task alias `t` as authorization compares it: the text as printed and the canonical
 * names it resolves to ("Sở KH&CN" is "Sở Khoa học và Công nghệ"), joined by " | ".
 */
export function leadNamesSql(alias: string): string {
  return `concat_ws(' | ', ${alias}.lead_text,
    (SELECT string_agg(party->>'canonicalName', ' | ') FROM jsonb_array_elements(${alias}.lead_parties) party))`;
}
