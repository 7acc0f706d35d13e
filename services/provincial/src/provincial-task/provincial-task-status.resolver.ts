import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  TaskLevel,
  TaskStatusInput,
  directiveKeysOfCentralTasks,
  linkedTargets,
  reportAndReload,
  resolveTaskDeadline,
  ResolveDeadlineInput,
  statusReportType,
  type EntityClient,
  type EventRouting,
  type Scope,
  type StatusReportTarget,
} from '@nq57/shared';
import { ProvincialTask } from './provincial-task.entity';
import type { ProvincialContext } from '../loaders';

/** What `updateProvincialTaskStatus` returns. */
export const ProvincialTaskStatusReport = statusReportType(ProvincialTask, 'ProvincialTaskStatusReport');

/** Status reports on provincial tasks. */
@Resolver()
export class ProvincialTaskStatusResolver {
  private readonly target: StatusReportTarget;

  constructor(
    private readonly dataSource: DataSource,
    private readonly central: EntityClient,
  ) {
    this.target = {
      level: TaskLevel.PROVINCIAL,
      taskTable: 'provincial_task',
      plan: { table: 'provincial_plan', jurisdictionColumn: 'province_code' },
      routing: (taskId, scope) => this.routing(taskId, scope),
    };
  }

  @Mutation(() => ProvincialTaskStatusReport, {
    description: 'Reports the status and progress of a provincial task; every accepted report is an event',
  })
  updateProvincialTaskStatus(
    @Arg('input', () => TaskStatusInput) input: TaskStatusInput,
    @Ctx() { identity }: ProvincialContext,
  ): Promise<InstanceType<typeof ProvincialTaskStatusReport>> {
    return reportAndReload(this.dataSource, this.target, ProvincialTask, input, identity);
  }

  @Mutation(() => ProvincialTask, {
    description:
      'Records the date a relative deadline ("Sau khi có văn bản của tỉnh") now falls due, once that document exists',
  })
  resolveProvincialTaskDeadline(
    @Arg('input', () => ResolveDeadlineInput) input: ResolveDeadlineInput,
    @Ctx() { identity }: ProvincialContext,
  ): Promise<ProvincialTask> {
    return resolveTaskDeadline(this.dataSource, this.target, ProvincialTask, input, identity);
  }

  /** The province is the task's jurisdiction, already read for authorization. */
  private async routing(taskId: string, scope: Scope): Promise<EventRouting> {
    const targets = await linkedTargets(this.dataSource.manager, TaskLevel.PROVINCIAL, [taskId]);
    const centralIds = targets.filter((t) => t.level === TaskLevel.CENTRAL).map((t) => t.id);
    return {
      provinceCode: scope.jurisdiction,
      communeCode: null,
      directiveKeys: await directiveKeysOfCentralTasks(this.central, centralIds),
    };
  }
}
