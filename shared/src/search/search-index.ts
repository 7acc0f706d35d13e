import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_SCHEMA } from '../events/event-log';
import { leadNamesSql } from '../task/lead-names';
import { TaskLevel } from '../task/task-status';

/**
 * The search projection: one row per task of any level, owned (created, migrated, read) by the events subgraph
 * and written by each level in the transaction of its own change, like the event log. See docs/search.md.
 */
export const SEARCH_TABLE = `${EVENT_SCHEMA}.task_search`;

/** The columns a level writes; the folded text, the search document and the sort keys are generated from them. */
export const SEARCH_COLUMNS = [
  'task_id',
  'level',
  'ref',
  'ordinal',
  'position',
  'content',
  'section',
  'task_group',
  'lead_text',
  'lead_names',
  'output',
  'document_id',
  'document_number',
  'document_ref',
  'province_code',
  'commune_code',
  'status',
  'deadline_kind',
  'deadline_due_date',
  'deadline_recurrence',
  'deadline_day_of_period',
  'central_deadline_kind',
  'central_deadline_due_date',
  'central_deadline_recurrence',
  'central_deadline_day_of_period',
  'version',
  'updated_at',
] as const;

/** Where a level's task rows, their document and their jurisdiction are, in the level's own schema. */
interface SearchSource {
  /** FROM clause: the task table as `t`, its document as `d`. */
  from: string;
  /** The province a task belongs to, as event routing has it: a commune task's is its commune's province. */
  provinceCode: string;
  communeCode: string;
}

// Table names are constants of this file, never input. The jurisdiction matches the EventRouting each level's
// status resolver computes (central: none; provincial: the plan's province; commune: the plan's commune and
// that commune's province), so `provinceCode` means the same in searchTasks and in taskEvents.
const SOURCES: Record<TaskLevel, SearchSource> = {
  [TaskLevel.CENTRAL]: {
    from: 'central_task t JOIN directive d ON d.id = t.directive_id',
    provinceCode: 'NULL::text',
    communeCode: 'NULL::text',
  },
  [TaskLevel.PROVINCIAL]: {
    from: 'provincial_task t JOIN provincial_plan d ON d.id = t.plan_id',
    provinceCode: 'd.province_code',
    communeCode: 'NULL::text',
  },
  [TaskLevel.COMMUNE]: {
    from: 'commune_task t JOIN commune_plan d ON d.id = t.plan_id JOIN commune c ON c.code = d.commune_code',
    provinceCode: 'c.province_code',
    communeCode: 'd.commune_code',
  },
};

/**
 * The SELECT list, in SEARCH_COLUMNS order, of a level's rows as the projection stores them; status, version and
 * updated_at come from `state` (the task row `t`, or the row a report has just written).
 */
function selectList(level: TaskLevel, state = 't'): string {
  const source = SOURCES[level];
  // A resolved relative deadline is stored as the due date: the projection keeps one date per deadline.
  const deadline = (prefix: string): string[] =>
    ['kind', 'due_date', 'recurrence', 'day_of_period'].map((column) =>
      column === 'due_date'
        ? `coalesce(t.${prefix}_due_date, t.${prefix}_resolved_due_date)`
        : `t.${prefix}_${column}`,
    );
  return [
    't.id',
    `'${level}'`,
    't.ref',
    't.ordinal',
    't.position',
    't.content',
    't.section',
    't.task_group',
    't.lead_text',
    // The lead as printed and the canonical names it resolves to, as authorization compares it.
    leadNamesSql('t'),
    't.output',
    'd.id',
    'd.number',
    'd.ref',
    source.provinceCode,
    source.communeCode,
    `${state}.status`,
    ...deadline('deadline'),
    ...deadline('central_deadline'),
    `${state}.version`,
    `${state}.updated_at`,
  ].join(',\n       ');
}

/**
 * INSERT … SELECT … ON CONFLICT of a level's rows matching `where`. A row moves only forward: one already
 * written from a later (version, updated_at) is kept, so a catch-up reading an older snapshot never overwrites
 * what a status report committed meanwhile. A writer in the transaction of its change (`sameVersion`) also
 * replaces a row of the same version: resolving a deadline changes a task without making it a new version.
 * Rows are written in id order, so concurrent writers lock alike.
 */
function upsertSql(level: TaskLevel, where: string, sameVersion: boolean): string {
  const updates = SEARCH_COLUMNS.filter((column) => column !== 'task_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return `WITH written AS (
    INSERT INTO ${SEARCH_TABLE} AS s (${SEARCH_COLUMNS.join(', ')})
    SELECT ${selectList(level)}
    FROM ${SOURCES[level].from}
    WHERE ${where}
    ORDER BY t.id
    ON CONFLICT (task_id) DO UPDATE SET ${updates}, indexed_at = now()
    WHERE (s.version, s.updated_at) ${sameVersion ? '<=' : '<'} (excluded.version, excluded.updated_at)
    RETURNING 1)
  SELECT count(*)::int AS count FROM written`;
}

/**
 * Two CTEs (`search_updated`, `search_inserted`) for the statement of a status report, given the CTE `updated`
 * that returns id, status, version, updated_at of the task it changed. A report changes only those columns of
 * the search row, so only those are written: the generated search document, fold and sort keys depend on none
 * of them and PostgreSQL keeps them as they are, rather than re-deriving the whole row (see
 * docs/decisions/0006-write-path.md for the cost). A task the projection lacks (written by bulk SQL before the
 * next catch-up) gets its whole row instead, in the same statement, so a report never leaves it out.
 */
export function reportedSearchCtes(level: TaskLevel, updated: string): string {
  const updates = SEARCH_COLUMNS.filter((column) => column !== 'task_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return `search_updated AS (
    UPDATE ${SEARCH_TABLE} s SET status = u.status, version = u.version, updated_at = u.updated_at,
      indexed_at = now()
    FROM ${updated} u
    WHERE s.task_id = u.id AND (s.version, s.updated_at) <= (u.version, u.updated_at)
    RETURNING 1),
  search_inserted AS (
    INSERT INTO ${SEARCH_TABLE} AS s (${SEARCH_COLUMNS.join(', ')})
    SELECT ${selectList(level, 'u')}
    FROM ${SOURCES[level].from} JOIN ${updated} u ON u.id = t.id
    WHERE NOT EXISTS (SELECT 1 FROM ${SEARCH_TABLE} x WHERE x.task_id = u.id)
    ON CONFLICT (task_id) DO UPDATE SET ${updates}, indexed_at = now()
    WHERE (s.version, s.updated_at) <= (excluded.version, excluded.updated_at)
    RETURNING 1)`;
}

async function countOf(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [{ count }] = (await manager.query(sql, params)) as { count: number }[];
  return count;
}

/**
 * Writes the search rows of tasks of `level` in the caller's transaction (the level's own connection): call it
 * after creating tasks or changing their status, before the commit. Returns the rows written.
 */
export function indexTasks(
  manager: EntityManager,
  level: TaskLevel,
  taskIds: readonly string[],
): Promise<number> {
  if (taskIds.length === 0) return Promise.resolve(0);
  return countOf(manager, upsertSql(level, 't.id = ANY($1::uuid[])', true), [[...taskIds]]);
}

/** How long a level waits at start for the events subgraph to have created the search table. */
export const SEARCH_TABLE_WAIT_MS = 60_000;

/**
 * The start-up catch-up: writes, in one statement, every task of `level` the projection lacks or holds at an
 * older version. A database created before search existed, or rows written by hand, are indexed on the next
 * start. Waits (up to `waitMs`) for the events subgraph to migrate, as a level started alongside it may be first.
 */
export async function catchUpSearchIndex(
  dataSource: DataSource,
  level: TaskLevel,
  waitMs = SEARCH_TABLE_WAIT_MS,
): Promise<number> {
  await waitForSearchTable(dataSource, waitMs);
  // The only read of the projection by a level: the (version, updated_at) of rows it wrote itself, so that a
  // restart costs one anti-join rather than re-deriving every search document. (Those two columns left the
  // primary key so that status reports can update rows in place: the anti-join reads them from the heap.)
  const stale = `NOT EXISTS (SELECT 1 FROM ${SEARCH_TABLE} x
    WHERE x.task_id = t.id AND (x.version, x.updated_at) >= (t.version, t.updated_at))`;
  return countOf(dataSource.manager, upsertSql(level, stale, false), []);
}

async function waitForSearchTable(dataSource: DataSource, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [{ found }] = (await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS found', [
      SEARCH_TABLE,
    ])) as { found: boolean }[];
    if (found) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `${SEARCH_TABLE} does not exist after ${waitMs} ms: start the events subgraph, which creates it`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
