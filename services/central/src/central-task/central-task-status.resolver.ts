import { TaskLevel, taskStatusResolver } from '@nq57/shared';
import { CentralTask } from './central-task.entity';

/** Status reports on central tasks (updateCentralTaskStatus, resolveCentralTaskDeadline). */
export const CentralTaskStatusResolver = taskStatusResolver({
  prefix: 'Central',
  adjective: 'central',
  task: CentralTask,
  // The event's routing (the task's directive) is read in the report's own SQL.
  target: { level: TaskLevel.CENTRAL, taskTable: 'central_task', plan: null },
});
