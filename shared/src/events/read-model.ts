import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_SCHEMA } from './event-log';
import { directiveKeys } from './routing';
import { TaskLevel } from '../task/task-status';

/**
 * The write path's read model in the events schema (docs/decisions/0006-write-path.md): every level's trace
 * links and every central task's directive keys, each written only by the level that owns the rows, in the
 * transaction of its own change, like the search projection. A status report reads it to route its event.
 */
export const TRACE_LINK_TABLE = `${EVENT_SCHEMA}.trace_link`;

/** The directive keys of each central task, as `directiveKeys` folds them; written by the central level. */
export const CENTRAL_ROUTING_TABLE = `${EVENT_SCHEMA}.central_task_routing`;

/** How long a level waits at start for the events subgraph to have created the read model. */
export const READ_MODEL_WAIT_MS = 60_000;

/**
 * The migration that mirrors a level's `task_link` into events.trace_link in the same transaction: a statement
 * trigger, so that every writer (mutations, seeds, bulk SQL of benchmarks and tests) is covered, and a bulk
 * insert costs one mirror statement. Until the events subgraph has created the table (a first start, where a
 * level may seed before events migrates) the trigger writes nothing: the level's start-up catch-up fills it.
 */
export function traceLinkMirrorMigration(
  level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE,
): new () => MigrationInterface {
  return class TraceLinkMirror1764400000000 implements MigrationInterface {
    name = 'TraceLinkMirror1764400000000';

    async up(runner: QueryRunner): Promise<void> {
      // `level` is a constant of the service, never input; plpgsql resolves the table at run time.
      await runner.query(`CREATE FUNCTION task_link_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF to_regclass('${TRACE_LINK_TABLE}') IS NULL THEN RETURN NULL; END IF;
          IF TG_OP = 'INSERT' THEN
            INSERT INTO ${TRACE_LINK_TABLE} (task_level, task_id, target_level, target_id)
            SELECT '${level}', task_id, target_level, target_id FROM new_links
            ON CONFLICT DO NOTHING;
          ELSE
            DELETE FROM ${TRACE_LINK_TABLE} m USING old_links o
            WHERE m.task_level = '${level}' AND m.task_id = o.task_id
              AND m.target_level = o.target_level AND m.target_id = o.target_id;
          END IF;
          RETURN NULL;
        END $$`);
      await runner.query(`CREATE TRIGGER task_link_mirror_insert AFTER INSERT ON task_link
        REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION task_link_mirror()`);
      await runner.query(`CREATE TRIGGER task_link_mirror_delete AFTER DELETE ON task_link
        REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION task_link_mirror()`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query('DROP TRIGGER task_link_mirror_insert ON task_link');
      await runner.query('DROP TRIGGER task_link_mirror_delete ON task_link');
      await runner.query('DROP FUNCTION task_link_mirror()');
    }
  };
}

/**
 * The start-up catch-up of a level's mirrored links: adds the links the mirror lacks (a database older than
 * the mirror, or links written while events had not migrated yet) and removes those the level no longer has.
 * Reads only rows of its own level. Returns the rows added and removed.
 */
export async function catchUpTraceLinks(
  dataSource: DataSource,
  level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE,
  waitMs = READ_MODEL_WAIT_MS,
): Promise<number> {
  await waitForTable(dataSource, TRACE_LINK_TABLE, waitMs);
  const [{ count }] = (await dataSource.query(
    `WITH added AS (
       INSERT INTO ${TRACE_LINK_TABLE} (task_level, task_id, target_level, target_id)
       SELECT $1, task_id, target_level, target_id FROM task_link
       ON CONFLICT DO NOTHING RETURNING 1),
     removed AS (
       DELETE FROM ${TRACE_LINK_TABLE} m WHERE m.task_level = $1 AND NOT EXISTS (
         SELECT 1 FROM task_link l
         WHERE l.task_id = m.task_id AND l.target_level = m.target_level AND l.target_id = m.target_id)
       RETURNING 1)
     SELECT (SELECT count(*) FROM added)::int + (SELECT count(*) FROM removed)::int AS count`,
    [level],
  )) as { count: number }[];
  return count;
}

/**
 * Writes the directive keys of the given central tasks (all of them for null) into the read model, in the
 * caller's transaction; call it where central tasks are created or a directive's number or aliases change.
 * Folding happens here, in TypeScript, with the same `directiveKeys` a `directiveNumber` filter uses. Returns
 * the rows written (a row already holding the same keys is not rewritten).
 */
export async function writeCentralRouting(
  manager: EntityManager,
  taskIds: readonly string[] | null,
): Promise<number> {
  const rows = (await manager.query(
    `SELECT t.id, d.number, d.aliases FROM central_task t JOIN directive d ON d.id = t.directive_id
     WHERE $1::uuid[] IS NULL OR t.id = ANY($1::uuid[])`,
    [taskIds === null ? null : [...taskIds]],
  )) as { id: string; number: string | null; aliases: string[] }[];
  if (rows.length === 0) return 0;
  // text[] cannot nest ragged arrays, so the keys travel as one JSON array per task.
  const [{ count }] = (await manager.query(
    `WITH written AS (
       INSERT INTO ${CENTRAL_ROUTING_TABLE} AS r (task_id, directive_keys)
       SELECT id, ARRAY(SELECT jsonb_array_elements_text(keys))
       FROM unnest($1::uuid[], $2::jsonb[]) AS k(id, keys)
       ON CONFLICT (task_id) DO UPDATE SET directive_keys = excluded.directive_keys
       WHERE r.directive_keys IS DISTINCT FROM excluded.directive_keys
       RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
    [rows.map((row) => row.id), rows.map((row) => JSON.stringify(directiveKeys(row)))],
  )) as { count: number }[];
  return count;
}

/** The central level's start-up catch-up: every central task's keys written, rows of gone tasks removed. */
export async function catchUpCentralRouting(
  dataSource: DataSource,
  waitMs = READ_MODEL_WAIT_MS,
): Promise<number> {
  await waitForTable(dataSource, CENTRAL_ROUTING_TABLE, waitMs);
  // No transaction: each step is idempotent, and a task created meanwhile writes its own row in its own commit.
  const written = await writeCentralRouting(dataSource.manager, null);
  const [{ count }] = (await dataSource.query(
    `WITH removed AS (
       DELETE FROM ${CENTRAL_ROUTING_TABLE} r WHERE NOT EXISTS (SELECT 1 FROM central_task t WHERE t.id = r.task_id)
       RETURNING 1)
     SELECT count(*)::int AS count FROM removed`,
  )) as { count: number }[];
  return written + count;
}

/**
 * SQL (a scalar subquery) for the directive keys, sorted, of the task `$taskParam` at `level`: the keys of every
 * central task it reaches through trace links, directly or through tasks of its own or a higher level. One
 * recursive walk over the read model; the same reach as `linkedTargets` then `allCentralTasks` over HTTP.
 */
export function directiveKeysSql(level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE, taskParam: string): string {
  return `(WITH RECURSIVE reach(level, id) AS (
      SELECT '${level}'::text, ${taskParam}::uuid
      UNION
      SELECT l.target_level, l.target_id FROM ${TRACE_LINK_TABLE} l
      JOIN reach ON l.task_level = reach.level AND l.task_id = reach.id)
    SELECT coalesce(array_agg(DISTINCT key ORDER BY key), '{}') FROM reach
    JOIN ${CENTRAL_ROUTING_TABLE} r ON reach.level = '${TaskLevel.CENTRAL}' AND r.task_id = reach.id
    CROSS JOIN LATERAL unnest(r.directive_keys) AS key)`;
}

async function waitForTable(dataSource: DataSource, table: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [{ found }] = (await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS found', [table])) as {
      found: boolean;
    }[];
    if (found) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `${table} does not exist after ${waitMs} ms: start the events subgraph, which creates it`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
