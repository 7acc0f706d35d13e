import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  TaskLevel,
  TaskStatusInput,
  directiveKeysOfCentralTasks,
  leadNamesSql,
  linkedTargets,
  reportAndReload,
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
      routing: (taskId) => this.routing(taskId),
      scope: (taskId) => this.scope(taskId),
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

  private async scope(taskId: string): Promise<Scope | null> {
    const rows = (await this.dataSource.query(
      `SELECT p.province_code AS jurisdiction, ${leadNamesSql('t')} AS lead FROM provincial_task t JOIN provincial_plan p ON p.id = t.plan_id WHERE t.id = $1`,
      [taskId],
    )) as Scope[];
    return rows[0] ?? null;
  }

  private async routing(taskId: string): Promise<EventRouting> {
    const [plan] = (await this.dataSource.query(
      `SELECT p.province_code FROM provincial_task t JOIN provincial_plan p ON p.id = t.plan_id WHERE t.id = $1`,
      [taskId],
    )) as { province_code: string }[];
    const targets = await linkedTargets(this.dataSource.manager, TaskLevel.PROVINCIAL, [taskId]);
    const centralIds = targets.filter((t) => t.level === TaskLevel.CENTRAL).map((t) => t.id);
    return {
      provinceCode: plan.province_code,
      communeCode: null,
      directiveKeys: await directiveKeysOfCentralTasks(this.central, centralIds),
    };
  }
}
