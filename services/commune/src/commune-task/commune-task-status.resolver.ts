import { statusLevel, taskStatusResolver } from '@nq57/shared';
import { COMMUNE } from '../level';

/** Status reports on commune tasks (updateCommuneTaskStatus, resolveCommuneTaskDeadline). */
export const CommuneTaskStatusResolver = taskStatusResolver(statusLevel(COMMUNE));
