import { taskStatusResolver } from '@nq57/shared';
import { CentralTask } from './central-task.entity';

/** Status reports on central tasks (updateCentralTaskStatus, resolveCentralTaskDeadline). */
export const CentralTaskStatusResolver = taskStatusResolver({
  prefix: 'Central',
  adjective: 'central',
  task: CentralTask,
});
