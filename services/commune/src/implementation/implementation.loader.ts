import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { progressLoaderPerDay, type ProgressRollup } from '@nq57/shared';

/** A central task and the provincial tasks that carry it out (from the provincial subgraph, via the gateway). */
export interface ImplementationKey {
  centralTaskId: string;
  provincialTaskIds: readonly string[];
}

// Commune tasks linked to the central task or to one of its provincial implementers, then those implementing
// one of them (commune to commune), and so on; UNION counts a task reached by two paths once.
const IMPLEMENTERS = {
  with: `target(central_id, level, id) AS (
    SELECT central_id, 'CENTRAL', central_id FROM unnest($1::uuid[]) AS asked(central_id)
    UNION ALL
    SELECT (pair->>'centralTaskId')::uuid, 'PROVINCIAL', (pair->>'provincialTaskId')::uuid
    FROM jsonb_array_elements($3::jsonb) AS pair),
  implementer(central_id, task_id) AS (
    SELECT target.central_id, link.task_id FROM task_link link
    JOIN target ON link.target_level = target.level AND link.target_id = target.id
    UNION
    SELECT implementer.central_id, link.task_id FROM task_link link
    JOIN implementer ON link.target_level = 'COMMUNE' AND link.target_id = implementer.task_id)`,
  from: 'implementer JOIN commune_task task ON task.id = implementer.task_id',
  key: 'implementer.central_id',
};

/** Per-request loaders `(asOf) => loader` of the commune part of central tasks: one statement per batch. */
export function implementationLoaders(
  dataSource: DataSource,
): (asOf: string) => DataLoader<ImplementationKey, ProgressRollup, string> {
  return progressLoaderPerDay(dataSource, IMPLEMENTERS, {
    id: (key: ImplementationKey) => key.centralTaskId,
    // $3: each (central task, provincial implementer) pair, for the target CTE.
    params: (keys) => [
      JSON.stringify(
        keys.flatMap(({ centralTaskId, provincialTaskIds }) =>
          provincialTaskIds.map((provincialTaskId) => ({ centralTaskId, provincialTaskId })),
        ),
      ),
    ],
  });
}
