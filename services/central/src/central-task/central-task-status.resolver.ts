import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  TaskLevel,
  TaskStatusInput,
  reportAndReload,
  resolveTaskDeadline,
  ResolveDeadlineInput,
  statusReportType,
  type StatusReportTarget,
} from '@nq57/shared';
import { CentralTask } from './central-task.entity';
import type { CentralContext } from '../loaders';

/** What `updateCentralTaskStatus` returns. */
export const CentralTaskStatusReport = statusReportType(CentralTask, 'CentralTaskStatusReport');

/** Status reports on central tasks. */
@Resolver()
export class CentralTaskStatusResolver {
  private readonly target: StatusReportTarget;

  constructor(private readonly dataSource: DataSource) {
    this.target = {
      level: TaskLevel.CENTRAL,
      taskTable: 'central_task',
      // The event's routing (the task's directive) is read in the report's own SQL.
      plan: null,
    };
  }

  @Mutation(() => CentralTaskStatusReport, {
    description: 'Reports the status and progress of a central task; every accepted report is an event',
  })
  updateCentralTaskStatus(
    @Arg('input', () => TaskStatusInput) input: TaskStatusInput,
    @Ctx() { identity }: CentralContext,
  ): Promise<InstanceType<typeof CentralTaskStatusReport>> {
    return reportAndReload(this.dataSource, this.target, CentralTask, input, identity);
  }

  @Mutation(() => CentralTask, {
    description:
      'Records the date a relative deadline ("Sau khi có văn bản của tỉnh") now falls due, once that document exists',
  })
  resolveCentralTaskDeadline(
    @Arg('input', () => ResolveDeadlineInput) input: ResolveDeadlineInput,
    @Ctx() { identity }: CentralContext,
  ): Promise<CentralTask> {
    return resolveTaskDeadline(this.dataSource, this.target, CentralTask, input, identity);
  }
}
