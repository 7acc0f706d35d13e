import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  TaskLevel,
  TaskStatusInput,
  reportAndReload,
  resolveTaskDeadline,
  ResolveDeadlineInput,
  statusReportType,
  type EntityClient,
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

  // The central client is no longer needed here; the signature is the one every resolver gets.
  constructor(
    private readonly dataSource: DataSource,
    _central?: EntityClient,
  ) {
    this.target = {
      level: TaskLevel.PROVINCIAL,
      taskTable: 'provincial_task',
      // The event's routing is read in the report's own SQL (docs/decisions/0006-write-path.md).
      plan: { table: 'provincial_plan', jurisdictionColumn: 'province_code' },
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
}
