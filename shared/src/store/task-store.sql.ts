// Every statement a level's task store runs of its own (TaskStore, LevelTaskStore, CentralTaskStore) is here,
// so what a write sends to PostgreSQL is reviewed in one file (docs/architecture.md, "Writes"). Values are
// always $n parameters; table and column names come only from a StatusReportTarget, a constant of the
// service, never from input. The fragments embedded stay with what they read or write: the search row
// (search/search-index.ts), the events read model (events/read-model.ts), lead names (task/lead-names.ts).
// Its callers import it, so it imports none of them but as types: it cannot close an import cycle.
import { EVENT_SCHEMA } from '../events/event-log';
import { directiveKeysSql } from '../events/read-model';
import { reportedSearchCtes } from '../search/search-index';
import type { StatusReportTarget } from '../status/report-status';
import { leadNamesSql } from '../task/lead-names';
import { TaskLevel } from '../task/task-status';

/** A statement PostgreSQL prepares once per connection, under a name no other text has. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** A report's read ($1 id, $2 actor, $3 key): escaped `columns`, scope, routing, `earlier` or no row. */
export function reportReadStatement(
  target: StatusReportTarget,
  columns: readonly string[],
): PreparedStatement {
  const routing = eventRoutingColumns(target);
  const jurisdiction = target.plan
    ? `(SELECT p.${target.plan.jurisdictionColumn} FROM ${target.plan.table} p WHERE p.id = t.plan_id)`
    : `'central'`;
  // Listed by name, not t.*: a prepared statement's result type must not change when a later migration adds a
  // column while this process runs.
  const text = `SELECT ${columns.map((column) => `t.${column}`).join(', ')},
      ${jurisdiction} AS scope_jurisdiction,
      ${leadNamesSql('t')} AS scope_lead,
      ${routing},
      -- JSON keeps the earlier report in one column: null when there is none, or no key was sent.
      (SELECT json_build_object('task_id', r.task_id, 'event_id', r.event_id, 'request_hash', r.request_hash)
       FROM status_report r WHERE r.actor = $2 AND r.idempotency_key = $3) AS earlier
    FROM ${target.taskTable} t${routingJoin(target)}
    WHERE t.id = $1`;
  return { name: `nq57_report_read_${target.taskTable}`, text };
}

/** A report's write in autocommit, $n as reportTaskStatus lists them: `{ updated_at }`, none if not at $5. */
export function reportWriteStatement(target: StatusReportTarget): PreparedStatement {
  // The key, the search row and the event share the task's commit. The event's sequence number, its ordering
  // lock and its notification come from the trigger on task_event (events migration
  // WritePath1764400000000), so the append costs no statement of its own.
  const text = `WITH updated AS (
    UPDATE ${target.taskTable} SET status = $2, progress = $3, version = $4, updated_at = now()
    WHERE id = $1 AND version = $5
    RETURNING id, status, version, updated_at),
  recorded AS (
    INSERT INTO status_report (actor, idempotency_key, request_hash, event_id, task_id)
    SELECT $6, $7, $8, $9, id FROM updated WHERE $7::text IS NOT NULL
    RETURNING 1),
  ${reportedSearchCtes(target.level, 'updated')},
  appended AS (
    INSERT INTO ${EVENT_SCHEMA}.task_event (id, actor, task_level, task_id, from_status, to_status,
      from_progress, progress, note, evidence, version, province_code, commune_code, directive_keys)
    SELECT $9, $6, $10, id, $11, status, $12, $3, $13, $14, version, $15, $16, $17 FROM updated
    RETURNING seq)
  SELECT updated_at FROM updated`;
  return { name: `nq57_report_write_${target.taskTable}`, text };
}

/** Every column of the task with id `$1`, raw, for a report that lost its race; no row if it is unknown. */
export function reloadTaskSql(target: StatusReportTarget): string {
  return `SELECT * FROM ${target.taskTable} WHERE id = $1`;
}

/** The version of task `$1` now, and the report of actor `$2` under key `$3`: `{ version, earlier }`. */
export function lostRaceSql(target: StatusReportTarget): string {
  return `SELECT (SELECT version FROM ${target.taskTable} WHERE id = $1) AS version,
       (SELECT json_build_object('task_id', r.task_id, 'event_id', r.event_id, 'request_hash', r.request_hash)
        FROM status_report r WHERE r.actor = $2 AND r.idempotency_key = $3) AS earlier`;
}

/** The authorization scope of the task with id `$1`: one row `{ jurisdiction, lead }`; none if unknown. */
export function taskScopeSql(target: StatusReportTarget): string {
  const jurisdiction = target.plan ? `p.${target.plan.jurisdictionColumn}` : "'central'";
  const join = target.plan ? ` JOIN ${target.plan.table} p ON p.id = t.plan_id` : '';
  return `SELECT ${jurisdiction} AS jurisdiction, ${leadNamesSql('t')} AS lead FROM ${target.taskTable} t${join}
     WHERE t.id = $1`;
}

/** Locks task `$1` to the commit and reads the kind of its local or `central` deadline: `{ kind }`. */
export function deadlineKindSql(target: StatusReportTarget, central: boolean): string {
  const prefix = deadlinePrefix(central);
  return `SELECT ${prefix}_kind AS kind FROM ${target.taskTable} WHERE id = $1 FOR UPDATE`;
}

/** Records what the local or `central` deadline of task `$1` resolved to: due date `$2`, basis `$3`. */
export function resolveDeadlineSql(target: StatusReportTarget, central: boolean): string {
  const prefix = deadlinePrefix(central);
  return `UPDATE ${target.taskTable} SET ${prefix}_resolved_due_date = $2, ${prefix}_resolved_basis = $3
     WHERE id = $1`;
}

// A task embeds two deadlines; which one is a choice between these two constants, never a name from input.
function deadlinePrefix(central: boolean): 'central_deadline' | 'deadline' {
  return central ? 'central_deadline' : 'deadline';
}

/** Marks the task with id `$1` as removed by the document `$2`, moving its version on; its row stays. */
export function removeTaskSql(target: StatusReportTarget): string {
  return `UPDATE ${target.taskTable} SET removed_at = now(), removed_basis = $2, version = version + 1,
       updated_at = now() WHERE id = $1`;
}

/** Moves the version of the task with id `$1` on by one, for a write that changes no column of its row. */
export function bumpVersionSql(target: StatusReportTarget): string {
  return `UPDATE ${target.taskTable} SET version = version + 1, updated_at = now() WHERE id = $1`;
}

/** How an event of the task with id `$1` is routed now: one row of `RoutingFacts`. */
export function taskRoutingSql(target: StatusReportTarget): string {
  return `SELECT ${eventRoutingColumns(target)} FROM ${target.taskTable} t${routingJoin(target)}
     WHERE t.id = $1`;
}

/** Deletes the links of task `$1` to each (`$2[i]` level, `$3[i]` id): a row `{ target }` "LEVEL:id" each. */
export const UNLINK_TASK_SQL = `WITH gone AS (
       DELETE FROM task_link l USING unnest($2::text[], $3::uuid[]) AS x(level, id)
       WHERE l.task_id = $1 AND l.target_level = x.level AND l.target_id = x.id
       RETURNING l.target_level, l.target_id)
     SELECT target_level || ':' || target_id AS target FROM gone`;

/** The last position of a task in the plan with id `$1`, 0 for an empty plan: one row `{ last }`. */
export function lastPositionSql(target: StatusReportTarget): string {
  return `SELECT coalesce(max(position), 0)::int AS last FROM ${target.taskTable} WHERE plan_id = $1`;
}

/** Inserts one link: task `$1` carries out the task of level `$2` and id `$3`, on evidence `$4` (or null). */
export const INSERT_TASK_LINK_SQL =
  'INSERT INTO task_link (task_id, target_level, target_id, evidence) VALUES ($1, $2, $3, $4)';

/** The links task `$1` already has to any of `$2` ("LEVEL:id" texts): rows `{ target_level, target_id }`. */
export const EXISTING_LINKS_SQL = `SELECT target_level, target_id FROM task_link
     WHERE task_id = $1 AND (target_level || ':' || target_id) = ANY($2)`;

/** Whether linking task `$2` to the `$3`-level tasks `$1` would close a loop: one row `{ cycle }`. */
export const LINK_CYCLE_SQL = `WITH RECURSIVE up(id) AS (
       SELECT unnest($1::uuid[])
       UNION
       SELECT l.target_id FROM task_link l JOIN up ON l.task_id = up.id WHERE l.target_level = $3
     ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`;

// Read in the statement that reads the task (aliased `t`), so routing an event costs no statement; a central
// task's need `routingJoin` after its table.
function eventRoutingColumns(target: StatusReportTarget): string {
  const plan = (column: string): string =>
    target.plan ? `(SELECT p.${column} FROM ${target.plan.table} p WHERE p.id = t.plan_id)` : 'NULL::text';
  // A commune task's province is its commune's, as event routing and the search projection have it.
  const province =
    target.level === TaskLevel.COMMUNE
      ? `(SELECT c.province_code FROM commune_plan p JOIN commune c ON c.code = p.commune_code
          WHERE p.id = t.plan_id)`
      : plan('province_code');
  return target.level === TaskLevel.CENTRAL
    ? `NULL::text AS route_province, NULL::text AS route_commune,
       d.number AS route_directive_number, d.aliases AS route_directive_aliases`
    : `${province} AS route_province,
       ${target.level === TaskLevel.COMMUNE ? plan('commune_code') : 'NULL::text'} AS route_commune,
       ${directiveKeysSql(target.level, 't.id')} AS route_keys`;
}

// A central task's routing is its directive's number and aliases.
function routingJoin(target: StatusReportTarget): string {
  return target.level === TaskLevel.CENTRAL ? ' JOIN directive d ON d.id = t.directive_id' : '';
}
