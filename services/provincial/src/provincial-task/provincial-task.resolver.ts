import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  LinkTaskInput,
  TaskInput,
  TaskLevel,
  addTaskLinks,
  indexTasks,
  isUuid,
  taskColumns,
  userError,
  type EntityClient,
  authorize,
} from '@nq57/shared';
import { ProvincialTask } from './provincial-task.entity';
import { ProvincialPlan } from '../provincial-plan/provincial-plan.entity';
import { CentralTaskRef } from '../central-task/central-task.ref';
import type { ProvincialContext } from '../loaders';

/** Reads and writes of provincial tasks and their trace links. */
@Resolver(() => ProvincialTask)
export class ProvincialTaskResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly central: EntityClient,
  ) {}

  @Query(() => ProvincialTask, { nullable: true })
  provincialTask(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialTask | null> | null {
    return isUuid(id) ? loaders.taskById.load(id) : null;
  }

  @FieldResolver(() => ProvincialPlan)
  async plan(@Root() task: ProvincialTask, @Ctx() { loaders }: ProvincialContext): Promise<ProvincialPlan> {
    return (await loaders.planById.load(task.planId)) as ProvincialPlan;
  }

  @FieldResolver(() => [CentralTaskRef], { description: 'The central tasks this task carries out' })
  async centralTasks(
    @Root() task: ProvincialTask,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<CentralTaskRef[]> {
    return (await loaders.centralIdsByTaskId.load(task.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [CentralTaskRef], {
    description: 'Every central task this task carries out, directly or through other provincial tasks',
  })
  async allCentralTasks(
    @Root() task: ProvincialTask,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<CentralTaskRef[]> {
    return (await loaders.allCentralIdsByTaskId.load(task.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [ProvincialTask], {
    description: 'Tasks of other provincial plans this task carries out',
  })
  implementsProvincialTasks(
    @Root() task: ProvincialTask,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialTask[]> {
    return loaders.implementedByTaskId.load(task.id);
  }

  @FieldResolver(() => [ProvincialTask], {
    description: 'Tasks of other provincial plans that carry this task out',
  })
  implementedByProvincialTasks(
    @Root() task: ProvincialTask,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialTask[]> {
    return loaders.implementersByTaskId.load(task.id);
  }

  @Mutation(() => ProvincialTask, { description: 'Adds a task to a provincial plan' })
  createProvincialTask(
    @Arg('planId', () => ID) planId: string,
    @Arg('task', () => TaskInput) input: TaskInput,
    @Ctx() { identity }: ProvincialContext,
  ): Promise<ProvincialTask> {
    return this.dataSource.transaction(async (manager) => {
      const plan = isUuid(planId) ? await manager.findOneBy(ProvincialPlan, { id: planId }) : null;
      if (!plan) throw userError(ErrorCode.NOT_FOUND, `No provincial plan with id ${planId}`, { planId });
      authorize(identity, 'plan', { jurisdiction: plan.provinceCode });
      const position = (await manager.countBy(ProvincialTask, { planId })) + 1;
      const task = await manager.save(
        manager.create(ProvincialTask, { ...taskColumns(input), id: randomUUID(), planId, position }),
      );
      await indexTasks(manager, TaskLevel.PROVINCIAL, [task.id]);
      return task;
    });
  }

  @Mutation(() => ProvincialTask, {
    description:
      'Records that a provincial task carries out central tasks (or tasks of another plan of its province)',
  })
  linkProvincialTask(
    @Arg('input', () => LinkTaskInput) input: LinkTaskInput,
    @Ctx() { loaders, identity }: ProvincialContext,
  ): Promise<ProvincialTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOneBy(ProvincialTask, { id: input.taskId });
      if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No provincial task with id ${input.taskId}`);
      const plan = (await manager.findOneBy(ProvincialPlan, { id: task.planId })) as ProvincialPlan;
      authorize(identity, 'plan', { jurisdiction: plan.provinceCode });
      await addTaskLinks(manager, {
        taskId: task.id,
        targets: input.implements,
        ownLevel: TaskLevel.PROVINCIAL,
        allowedLevels: [TaskLevel.CENTRAL, TaskLevel.PROVINCIAL],
        find: (level, ids) => this.find(manager, level, ids),
        requiredJurisdiction: { [TaskLevel.PROVINCIAL]: plan.provinceCode },
        evidence: input.evidence ?? null,
      });
      loaders.centralIdsByTaskId.clear(task.id);
      loaders.allCentralIdsByTaskId.clearAll();
      return task;
    });
  }

  private async find(manager: EntityManager, level: TaskLevel, ids: string[]): Promise<Map<string, string>> {
    if (level === TaskLevel.CENTRAL) {
      const found = await this.central.fetch<{ id: string }>('CentralTask', ids, 'id');
      return new Map(found.flatMap((task) => (task ? [[task.id, 'VN'] as const] : [])));
    }
    const rows = await manager
      .createQueryBuilder(ProvincialTask, 't')
      .innerJoin(ProvincialPlan, 'p', 'p.id = t.plan_id')
      .select(['t.id AS id', 'p.province_code AS province_code'])
      .where('t.id IN (:...ids)', { ids })
      .getRawMany<{ id: string; province_code: string }>();
    return new Map(rows.map((row) => [row.id, row.province_code] as const));
  }
}
