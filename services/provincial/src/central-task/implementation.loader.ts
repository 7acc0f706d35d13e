import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { progressLoaderPerDay, type ProgressRollup } from '@nq57/shared';

/** The provincial part of a central task's implementation on a date. */
export interface ImplementationRollup {
  progress: ProgressRollup;
  /** Every provincial task that carries the central task out, directly or through another provincial task. */
  taskIds: string[];
}

// Provincial tasks implementing a central task directly, then those implementing one of them, and so on;
// UNION (not UNION ALL) counts a task reached by two paths once.
const IMPLEMENTERS = {
  with: `implementer(central_id, task_id) AS (
    SELECT target_id, task_id FROM task_link WHERE target_level = 'CENTRAL' AND target_id = ANY($1)
    UNION
    SELECT implementer.central_id, link.task_id FROM task_link link
    JOIN implementer ON link.target_level = 'PROVINCIAL' AND link.target_id = implementer.task_id)`,
  from: 'implementer JOIN provincial_task task ON task.id = implementer.task_id',
  key: 'implementer.central_id',
  columns: 'array_agg(task.id ORDER BY task.id) AS "taskIds"',
};

/** Per-request loaders `(asOf) => loader` keyed by central task id: one recursive aggregate per batch. */
export function implementationLoaders(
  dataSource: DataSource,
): (asOf: string) => DataLoader<string, ImplementationRollup> {
  return progressLoaderPerDay(dataSource, IMPLEMENTERS, {
    value: (progress, row) => ({ progress, taskIds: (row?.taskIds as string[] | undefined) ?? [] }),
  });
}
