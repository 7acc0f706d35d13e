import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { Identity } from '../auth/identity';
import { indexTasks } from '../search/search-index';
import { reportAndReload, type StatusReportTarget, type TaskRow } from '../status/report-status';
import { resolveTaskDeadline, type ResolveDeadlineInput } from '../status/resolve-deadline';
import type { TaskStatusInput } from '../status/status-report.input';
import type { TaskEventRef } from '../status/status-report.type';
import type { Task } from '../task/task.interface';
import type { ClassType } from 'type-graphql';
import { amendTask, removeTask, type AmendmentOutcome } from '../amendment/amend-task';
import type { AmendTaskInput, RemoveTaskInput } from '../amendment/amendment.input';

/** One level's task table, as a store writes it: the entity, the table and where a task's jurisdiction is. */
export interface TaskTable<T extends Task> {
  task: ClassType<T>;
  target: StatusReportTarget;
}

/** What a status report answers: the task as it is now, its event, and whether the call only replayed one. */
export interface StatusReportResult<T> {
  task: T;
  event: TaskEventRef;
  replayed: boolean;
}

/**
 * The one place a task of any level is written (docs/architecture.md, "Writes"). Each method authorizes the
 * caller against the task's scope, writes the row, appends the event where the change is one, and updates the
 * search projection, all in one transaction, so a new kind of write cannot forget a side effect. Resolvers
 * only translate GraphQL to these calls.
 */
export class TaskStore<T extends Task & TaskRow> {
  constructor(
    protected readonly dataSource: DataSource,
    readonly table: TaskTable<T>,
  ) {}

  /** A status report (docs/decisions/0006-write-path.md): two statements, the event appended in the second. */
  reportStatus(identity: Identity | null, input: TaskStatusInput): Promise<StatusReportResult<T>> {
    return reportAndReload(this.dataSource, this.table.target, this.table.task, input, identity);
  }

  /** Records the date a relative deadline now falls due, for a planner of the task's jurisdiction. */
  async resolveDeadline(identity: Identity | null, input: ResolveDeadlineInput): Promise<T> {
    await this.transaction(async (manager) => {
      await resolveTaskDeadline(manager, this.table.target, input, identity);
      return { result: undefined, written: [input.id] };
    });
    return this.dataSource.manager.findOneByOrFail(this.table.task, {
      id: input.id,
    } as FindOptionsWhere<T>);
  }

  /** Amends a task's printed fields, with an AMENDED event (see amendment/amend-task.ts). */
  amend(identity: Identity | null, input: AmendTaskInput): Promise<T> {
    return this.amendment((manager) => amendTask(manager, this.table, input, identity));
  }

  /** Marks a task as removed from its document, with a REMOVED event; it keeps its reports and links. */
  remove(identity: Identity | null, input: RemoveTaskInput): Promise<T> {
    return this.amendment((manager) => removeTask(manager, this.table, input, identity));
  }

  /** Runs an amendment; a task it changed gets its search row updated in the same commit. */
  protected amendment(work: (manager: EntityManager) => Promise<AmendmentOutcome<T>>): Promise<T> {
    return this.transaction(async (manager) => {
      const { task, changed } = await work(manager);
      return { result: task, written: changed ? [task.id] : [] };
    });
  }

  /** Runs `work` in one transaction; the search rows of the ids it returns in `written` are updated before commit. */
  protected async transaction<R>(
    work: (manager: EntityManager) => Promise<{ result: R; written: readonly string[] }>,
  ): Promise<R> {
    return this.dataSource.transaction(async (manager) => {
      const { result, written } = await work(manager);
      await this.project(manager, written);
      return result;
    });
  }

  /** The search projection of tasks written in `manager`'s transaction. */
  protected async project(manager: EntityManager, taskIds: readonly string[]): Promise<void> {
    await indexTasks(manager, this.table.target.level, taskIds);
  }
}
