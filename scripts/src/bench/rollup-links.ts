import type { SqlRunner } from './search-data';

// Synthetic trace links for the national-scale tasks of search-data.ts. A benchmark may read across schemas;
// the subgraphs never do. Choices are hashes of the task id, so every run links the same way.

/** Links each synthetic provincial task to one central task; returns how many links were written. */
export async function linkProvincialTasks(provincial: SqlRunner): Promise<number> {
  const [{ count }] = (await provincial.query(
    `WITH target AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM central.central_task),
     written AS (
       INSERT INTO task_link (task_id, target_level, target_id, evidence)
       SELECT task.id, 'CENTRAL', target.id, 'bench' FROM provincial_task task
       JOIN target ON target.i = abs(hashtext(task.id::text)) % target.n
       WHERE task.ref LIKE 'bench-%'
       RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
  )) as { count: number }[];
  return count;
}

/**
 * Links 60 % of the synthetic commune tasks to a synthetic provincial task of their province and 20 % straight
 * to a central task; the rest implement nothing. Returns how many links were written.
 */
export async function linkCommuneTasks(commune: SqlRunner): Promise<number> {
  const [{ count }] = (await commune.query(
    `WITH provincial AS (
       SELECT task.id, plan.province_code,
         row_number() OVER (PARTITION BY plan.province_code ORDER BY task.id) - 1 AS i,
         count(*) OVER (PARTITION BY plan.province_code) AS n
       FROM provincial.provincial_task task JOIN provincial.provincial_plan plan ON plan.id = task.plan_id
       WHERE task.ref LIKE 'bench-%'),
     central AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM central.central_task),
     own AS (
       SELECT task.id, commune.province_code, abs(hashtext(task.id::text)) AS h FROM commune_task task
       JOIN commune_plan plan ON plan.id = task.plan_id JOIN commune ON commune.code = plan.commune_code
       WHERE task.ref LIKE 'bench-%'),
     chosen AS (
       SELECT own.id, 'PROVINCIAL' AS level, provincial.id AS target FROM own
       JOIN provincial ON provincial.province_code = own.province_code AND provincial.i = own.h % provincial.n
       WHERE own.h % 10 < 6
       UNION ALL
       SELECT own.id, 'CENTRAL', central.id FROM own JOIN central ON central.i = own.h % central.n
       WHERE own.h % 10 IN (6, 7)),
     written AS (
       INSERT INTO task_link (task_id, target_level, target_id, evidence)
       SELECT id, level, target, 'bench' FROM chosen RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
  )) as { count: number }[];
  return count;
}
