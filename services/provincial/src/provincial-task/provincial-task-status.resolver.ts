import { statusLevel, taskStatusResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';

/** Status reports on provincial tasks (updateProvincialTaskStatus, resolveProvincialTaskDeadline). */
export const ProvincialTaskStatusResolver = taskStatusResolver(statusLevel(PROVINCIAL));
