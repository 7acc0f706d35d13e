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
      routing: (taskId) => this.routing(taskId),
      scope: (taskId) => this.scope(taskId),
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

  private async scope(taskId: string): Promise<Scope | null> {
    const rows = (await this.dataSource.query(
      `SELECT p.commune_code AS jurisdiction, ${leadNamesSql('t')} AS lead FROM commune_task t JOIN commune_plan p ON p.id = t.plan_id WHERE t.id = $1`,
      [taskId],
    )) as Scope[];
    return rows[0] ?? null;
  }

  private async routing(taskId: string): Promise<EventRouting> {
    const [place] = (await this.dataSource.query(
      `SELECT c.code, c.province_code FROM commune_task t
       JOIN commune_plan p ON p.id = t.plan_id JOIN commune c ON c.code = p.commune_code WHERE t.id = $1`,
      [taskId],
    )) as { code: string; province_code: string }[];
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
      provinceCode: place.province_code,
      communeCode: place.code,
      directiveKeys: await directiveKeysOfCentralTasks(this.upper.central, centralIds),
    };
  }
}
