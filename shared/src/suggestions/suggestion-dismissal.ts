import type { EntityManager } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import { SEARCH_TABLE } from '../search/search-index';
import type { TaskRefInput } from '../task/task.input';
import { TaskLevel } from '../task/task-status';

/** The levels whose tasks a level's tasks are suggested: what its link mutation accepts from above. */
export const SUGGESTED_LEVELS: Record<TaskLevel.PROVINCIAL | TaskLevel.COMMUNE, TaskLevel[]> = {
  [TaskLevel.PROVINCIAL]: [TaskLevel.CENTRAL],
  [TaskLevel.COMMUNE]: [TaskLevel.CENTRAL, TaskLevel.PROVINCIAL],
};

/** Refuses a target of a level this level is never suggested (WRONG_LEVEL, as the link path words it). */
export function checkSuggestedLevel(
  level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE,
  target: TaskRefInput,
): void {
  if (!SUGGESTED_LEVELS[level].includes(target.level)) {
    throw userError(
      ErrorCode.WRONG_LEVEL,
      `A ${level.toLowerCase()} task is not suggested ${target.level} tasks`,
      {
        level: target.level,
        id: target.id,
      },
    );
  }
}

/**
 * Records that `target` is not to be suggested for the task again (a second dismissal refreshes who and when).
 * The target is looked up in the search read model, which holds every level's tasks: UNKNOWN_TASK if absent.
 * The caller has authorized the planner and checked the task is the level's own.
 */
export async function dismissSuggestion(
  manager: EntityManager,
  taskId: string,
  target: TaskRefInput,
  actor: string,
): Promise<void> {
  const written = (await manager.query(
    `INSERT INTO link_suggestion_dismissal AS d (task_id, target_level, target_id, dismissed_by)
     SELECT $1, s.level, s.task_id, $4 FROM ${SEARCH_TABLE} s WHERE s.task_id = $3 AND s.level = $2
     ON CONFLICT (task_id, target_level, target_id)
       DO UPDATE SET dismissed_by = excluded.dismissed_by, dismissed_at = now()
     RETURNING 1`,
    [taskId, target.level, target.id, actor],
  )) as unknown[];
  if (written.length === 0) {
    throw userError(ErrorCode.UNKNOWN_TASK, `No ${target.level.toLowerCase()} task with id ${target.id}`, {
      id: target.id,
      level: target.level,
    });
  }
}
