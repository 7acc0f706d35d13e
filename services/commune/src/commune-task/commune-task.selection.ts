import type { GraphQLResolveInfo } from 'graphql';
import { taskSelection, type TaskSelection } from '@nq57/shared';

/** What CommuneTask's own field resolvers read (besides the id every task row carries). */
const COMMUNE_TASK_FIELDS: Record<string, readonly string[]> = {
  plan: ['planId'],
  commune: ['planId'],
  provincialTasks: [],
  centralTasks: [],
  implementsCommuneTasks: [],
  implementedByCommuneTasks: [],
};

/** The commune task columns the request's operation reads (see taskSelection). */
export function communeTaskSelection(info: GraphQLResolveInfo): TaskSelection {
  return taskSelection(info, 'CommuneTask', COMMUNE_TASK_FIELDS);
}
