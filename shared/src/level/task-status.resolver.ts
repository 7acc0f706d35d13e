import { Arg, Ctx, Mutation, Resolver, type ClassType } from 'type-graphql';
import { AmendTaskInput, RemoveTaskInput } from '../amendment/amendment.input';
import type { RequestContext } from '../context';
import type { StatusReportTarget, TaskRow } from '../status/report-status';
import { ResolveDeadlineInput } from '../status/resolve-deadline';
import type { TaskStore } from '../store/task-store';
import { TaskStatusInput } from '../status/status-report.input';
import { statusReportType } from '../status/status-report.type';
import type { Task } from '../task/task.interface';
import type { LevelSpec, LevelTypes } from './level-spec';

/** Where a level's status reports go: the names of its types and fields, its task entity and tables. */
export interface StatusLevel<T extends Task> {
  /** "Central", "Provincial", "Commune": `update<Prefix>TaskStatus`, `<Prefix>TaskStatusReport`. */
  prefix: string;
  /** The level in descriptions: "a central task". */
  adjective: string;
  task: ClassType<T>;
  target: StatusReportTarget;
}

/** The status-report side of a level of the spec: its plan table holds the task's jurisdiction. */
export function statusLevel<L extends LevelTypes>(spec: LevelSpec<L>): StatusLevel<L['task']> {
  return {
    prefix: spec.prefix,
    adjective: spec.adjective,
    task: spec.task.entity,
    target: {
      level: spec.level,
      taskTable: spec.task.table,
      // The event's routing is read in the report's own SQL (docs/decisions/0006-write-path.md).
      plan: { table: spec.plan.table, jurisdictionColumn: spec.jurisdictionColumn },
    },
  };
}

/**
 * `update<Prefix>TaskStatus` (returning a `<Prefix>TaskStatusReport`, a type made here),
 * `resolve<Prefix>TaskDeadline`, `amend<Prefix>Task` and `remove<Prefix>Task`: every level's status reports
 * and amendments, central's included.
 */
export function taskStatusResolver<T extends Task & TaskRow>(
  level: Omit<StatusLevel<T>, 'target'>,
): ClassType {
  const { prefix, adjective, task: TaskType } = level;
  const StatusReport = statusReportType(TaskType, `${prefix}TaskStatusReport`);

  @Resolver()
  class TaskStatusResolver {
    constructor(private readonly store: TaskStore<T>) {}

    @Mutation(() => StatusReport, {
      name: `update${prefix}TaskStatus`,
      description: `Reports the status and progress of a ${adjective} task; every accepted report is an event`,
    })
    updateTaskStatus(
      @Arg('input', () => TaskStatusInput) input: TaskStatusInput,
      @Ctx() { identity }: RequestContext<unknown>,
    ): Promise<InstanceType<typeof StatusReport>> {
      return this.store.reportStatus(identity, input);
    }

    @Mutation(() => TaskType, {
      name: `resolve${prefix}TaskDeadline`,
      description:
        'Records the date a relative deadline ("Sau khi có văn bản của tỉnh") now falls due, once that document exists',
    })
    resolveTaskDeadline(
      @Arg('input', () => ResolveDeadlineInput) input: ResolveDeadlineInput,
      @Ctx() { identity }: RequestContext<unknown>,
    ): Promise<T> {
      return this.store.resolveDeadline(identity, input);
    }

    @Mutation(() => TaskType, {
      name: `amend${prefix}Task`,
      description:
        `Amends the printed fields of a ${adjective} task ("điều chỉnh"), for a planner of its jurisdiction; ` +
        'an AMENDED event in its history lists each field from what to what',
    })
    amendTask(
      @Arg('input', () => AmendTaskInput) input: AmendTaskInput,
      @Ctx() { identity }: RequestContext<unknown>,
    ): Promise<T> {
      return this.store.amend(identity, input);
    }

    @Mutation(() => TaskType, {
      name: `remove${prefix}Task`,
      description:
        `Marks a ${adjective} task as removed from its document by an amendment: it keeps its reports, links ` +
        'and history, and roll-ups leave it out; a REMOVED event records it',
    })
    removeTask(
      @Arg('input', () => RemoveTaskInput) input: RemoveTaskInput,
      @Ctx() { identity }: RequestContext<unknown>,
    ): Promise<T> {
      return this.store.remove(identity, input);
    }
  }
  return TaskStatusResolver;
}
