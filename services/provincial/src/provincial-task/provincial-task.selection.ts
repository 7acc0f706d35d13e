import type { GraphQLResolveInfo } from 'graphql';
import { taskSelection, type TaskSelection } from '@nq57/shared';

/** What ProvincialTask's own field resolvers read (besides the id every task row carries). */
const PROVINCIAL_TASK_FIELDS: Record<string, readonly string[]> = {
  plan: ['planId'],
  centralTasks: [],
  allCentralTasks: [],
  implementsProvincialTasks: [],
  implementedByProvincialTasks: [],
};

/** The provincial task columns the request's operation reads (see taskSelection). */
export function provincialTaskSelection(info: GraphQLResolveInfo): TaskSelection {
  return taskSelection(info, 'ProvincialTask', PROVINCIAL_TASK_FIELDS);
}
