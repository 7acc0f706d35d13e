import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CENTRAL,
  ErrorCode,
  TaskLevel,
  TaskStore,
  authorize,
  isUuid,
  taskColumns,
  userError,
  writeCentralRouting,
  type Identity,
  type TaskInput,
} from '@nq57/shared';
import { CentralTask } from './central-task.entity';
import { DirectiveDocument } from '../directive/directive.entity';

/** The central level's task store: a task added to a directive, and what every level's store does. */
export class CentralTaskStore extends TaskStore<CentralTask> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      task: CentralTask,
      // The event's routing (the task's directive) is read in the report's own SQL.
      target: { level: TaskLevel.CENTRAL, taskTable: 'central_task', plan: null },
    });
  }

  /** Adds a task at the end of a directive, for a central planner; NOT_FOUND for an unknown directive. */
  async addTask(identity: Identity | null, directiveId: string, input: TaskInput): Promise<CentralTask> {
    authorize(identity, 'plan', { jurisdiction: CENTRAL });
    return this.transaction(async (manager) => {
      const directive = isUuid(directiveId)
        ? await manager.findOneBy(DirectiveDocument, { id: directiveId })
        : null;
      if (!directive) {
        throw userError(ErrorCode.NOT_FOUND, `No directive with id ${directiveId}`, { directiveId });
      }
      const position = (await manager.countBy(CentralTask, { directiveId })) + 1;
      const task = await manager.save(
        manager.create(CentralTask, { ...taskColumns(input), id: randomUUID(), directiveId, position }),
      );
      // The read model status reports route events with: the new task's directive keys, in the same commit.
      await writeCentralRouting(manager, [task.id]);
      return { result: task, written: [task.id] };
    });
  }
}
