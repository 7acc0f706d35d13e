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
  type EventRouting,
  type Scope,
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly upper: UpperLevels,
  ) {
    this.target = {
      level: TaskLevel.COMMUNE,
      taskTable: 'commune_task',
      plan: { table: 'commune_plan', jurisdictionColumn: 'commune_code' },
      routing: (taskId, scope) => this.routing(taskId, scope),
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

  /** The commune is the task's jurisdiction, already read for authorization; its province is looked up. */
  private async routing(taskId: string, scope: Scope): Promise<EventRouting> {
    const [commune] = (await this.dataSource.query('SELECT province_code FROM commune WHERE code = $1', [
      scope.jurisdiction,
    ])) as { province_code: string }[];
    const targets = await linkedTargets(this.dataSource.manager, TaskLevel.COMMUNE, [taskId]);
    const idsAt = (level: TaskLevel): string[] => targets.filter((t) => t.level === level).map((t) => t.id);
    const viaProvince = await this.upper.provincial.fetch<{ allCentralTasks: { id: string }[] }>(
      'ProvincialTask',
      idsAt(TaskLevel.PROVINCIAL),
      'allCentralTasks { id }',
    );
    const centralIds = [
      ...idsAt(TaskLevel.CENTRAL),
      ...viaProvince.flatMap((task) => task?.allCentralTasks.map((central) => central.id) ?? []),
    ];
    return {
      provinceCode: commune.province_code,
      communeCode: scope.jurisdiction,
      directiveKeys: await directiveKeysOfCentralTasks(this.upper.central, centralIds),
    };
  }
}
