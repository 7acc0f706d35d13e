import type { EntityManager } from 'typeorm';
import type { EntityClient } from '../federation/entity-client';
import { documentNumberKey } from '../numbers';
import type { TaskLevel } from '../task/task-status';

/** The folded number and aliases of a directive: what a `directiveNumber` filter matches against. */
export function directiveKeys(directive: { number: string | null; aliases: string[] }): string[] {
  const numbers = [directive.number, ...directive.aliases].filter((n): n is string => Boolean(n));
  return [...new Set(numbers.map(documentNumberKey))];
}

/** The directive keys of the given central tasks, asked of the central subgraph (none asked for no ids). */
export async function directiveKeysOfCentralTasks(
  central: EntityClient,
  centralTaskIds: readonly string[],
): Promise<string[]> {
  const found = await central.fetch<{ directive: { number: string | null; aliases: string[] } }>(
    'CentralTask',
    [...new Set(centralTaskIds)],
    'directive { number aliases }',
  );
  return [...new Set(found.flatMap((task) => (task ? directiveKeys(task.directive) : [])))];
}

/**
 * The targets, by level, a task reaches through the level's own `task_link` table: its direct targets and
 * those reached through tasks of the same level (transitively).
 */
export async function linkedTargets(
  manager: EntityManager,
  ownLevel: TaskLevel,
  taskIds: readonly string[],
): Promise<{ origin: string; level: TaskLevel; id: string }[]> {
  const rows = (await manager.query(
    `WITH RECURSIVE reach(origin, id) AS (
       SELECT t, t FROM unnest($1::uuid[]) AS t
       UNION
       SELECT reach.origin, l.target_id FROM task_link l JOIN reach ON l.task_id = reach.id
       WHERE l.target_level = $2)
     SELECT DISTINCT reach.origin, l.target_level AS level, l.target_id AS id
     FROM task_link l JOIN reach ON l.task_id = reach.id
     WHERE l.target_level <> $2
     ORDER BY 1, 2, 3`,
    [[...taskIds], ownLevel],
  )) as { origin: string; level: TaskLevel; id: string }[];
  return rows;
}
