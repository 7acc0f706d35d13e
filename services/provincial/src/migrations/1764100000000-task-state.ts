import { taskStateMigration } from '@nq57/shared';

/** task_state(): the light rules in SQL, for roll-ups and rankings (shared/src/monitoring/task-state-sql.ts). */
export const TaskState1764100000000 = taskStateMigration();
