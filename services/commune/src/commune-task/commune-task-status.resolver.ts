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
import { CommuneTask } from './commune-task.entity';
import type { UpperLevels } from './commune-task.resolver';
import type { CommuneContext } from '../loaders';

/** What `updateCommuneTaskStatus` returns. */
export const CommuneTaskStatusReport = statusReportType(CommuneTask, 'CommuneTaskStatusReport');

/** Status reports on commune tasks. */
@Resolver()
export class CommuneTaskStatusResolver {
  private readonly target: StatusReportTarget;

  // The clients of the levels above are no longer needed here; the signature is the one every resolver gets.
  constructor(
    private readonly dataSource: DataSource,
    _upper?: UpperLevels,
  ) {
    this.target = {
      level: TaskLevel.COMMUNE,
      taskTable: 'commune_task',
      // The event's routing is read in the report's own SQL (docs/decisions/0006-write-path.md).
      plan: { table: 'commune_plan', jurisdictionColumn: 'commune_code' },
    };
  }

  @Mutation(() => CommuneTaskStatusReport, {
    description: 'Reports the status and progress of a commune task; every accepted report is an event',
  })
  updateCommuneTaskStatus(
    @Arg('input', () => TaskStatusInput) input: TaskStatusInput,
    @Ctx() { identity }: CommuneContext,
  ): Promise<InstanceType<typeof CommuneTaskStatusReport>> {
    return reportAndReload(this.dataSource, this.target, CommuneTask, input, identity);
  }

  @Mutation(() => CommuneTask, {
    description:
      'Records the date a relative deadline ("Sau khi có văn bản của tỉnh") now falls due, once that document exists',
  })
  resolveCommuneTaskDeadline(
    @Arg('input', () => ResolveDeadlineInput) input: ResolveDeadlineInput,
    @Ctx() { identity }: CommuneContext,
  ): Promise<CommuneTask> {
    return resolveTaskDeadline(this.dataSource, this.target, CommuneTask, input, identity);
  }
}
