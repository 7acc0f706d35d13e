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
import { CommuneTask } from './commune-task.entity';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import { Commune } from '../commune/commune.entity';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTaskRef } from '../provincial-task/provincial-task.ref';
import type { CommuneContext } from '../loaders';

/** The subgraphs a commune task's links are checked against. */
export interface UpperLevels {
  central: EntityClient;
  provincial: EntityClient;
}

/** Reads and writes of commune tasks and their trace links. */
@Resolver(() => CommuneTask)
export class CommuneTaskResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly upper: UpperLevels,
  ) {}

  @Query(() => CommuneTask, { nullable: true })
  communeTask(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommuneTask | null> | null {
    return isUuid(id) ? loaders.taskById.load(id) : null;
  }

  @FieldResolver(() => CommunePlan)
  async plan(@Root() task: CommuneTask, @Ctx() { loaders }: CommuneContext): Promise<CommunePlan> {
    return (await loaders.planById.load(task.planId)) as CommunePlan;
  }

  @FieldResolver(() => Commune, { description: 'The commune whose plan holds the task' })
  async commune(@Root() task: CommuneTask, @Ctx() { loaders }: CommuneContext): Promise<Commune> {
    const plan = (await loaders.planById.load(task.planId)) as CommunePlan;
    return (await loaders.communeByCode.load(plan.communeCode)) as Commune;
  }

  @FieldResolver(() => [ProvincialTaskRef], { description: 'The provincial tasks this task carries out' })
  async provincialTasks(
    @Root() task: CommuneTask,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<ProvincialTaskRef[]> {
    return (await loaders.targetIdsByTaskId('PROVINCIAL').load(task.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [CentralTaskRef], {
    description: 'The central tasks this task carries out directly (when no provincial plan is in between)',
  })
  async centralTasks(
    @Root() task: CommuneTask,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CentralTaskRef[]> {
    return (await loaders.targetIdsByTaskId('CENTRAL').load(task.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [CommuneTask], {
    description: 'Tasks of other plans of the commune this task carries out',
  })
  implementsCommuneTasks(
    @Root() task: CommuneTask,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommuneTask[]> {
    return loaders.implementedByTaskId.load(task.id);
  }

  @FieldResolver(() => [CommuneTask], {
    description: 'Tasks of other plans of the commune that carry this out',
  })
  implementedByCommuneTasks(
    @Root() task: CommuneTask,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommuneTask[]> {
    return loaders.implementersByTaskId.load(task.id);
  }

  @Mutation(() => CommuneTask, { description: 'Adds a task to a commune plan' })
  createCommuneTask(
    @Arg('planId', () => ID) planId: string,
    @Arg('task', () => TaskInput) input: TaskInput,
    @Ctx() { identity }: CommuneContext,
  ): Promise<CommuneTask> {
    return this.dataSource.transaction(async (manager) => {
      const plan = isUuid(planId) ? await manager.findOneBy(CommunePlan, { id: planId }) : null;
      if (!plan) throw userError(ErrorCode.NOT_FOUND, `No commune plan with id ${planId}`, { planId });
      authorize(identity, 'plan', { jurisdiction: plan.communeCode });
      const position = (await manager.countBy(CommuneTask, { planId })) + 1;
      const task = await manager.save(
        manager.create(CommuneTask, { ...taskColumns(input), id: randomUUID(), planId, position }),
      );
      await indexTasks(manager, TaskLevel.COMMUNE, [task.id]);
      return task;
    });
  }

  @Mutation(() => CommuneTask, {
    description: 'Records that a commune task carries out provincial tasks of its province, or central tasks',
  })
  linkCommuneTask(
    @Arg('input', () => LinkTaskInput) input: LinkTaskInput,
    @Ctx() { loaders, identity }: CommuneContext,
  ): Promise<CommuneTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOneBy(CommuneTask, { id: input.taskId });
      if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No commune task with id ${input.taskId}`);
      const plan = (await manager.findOneBy(CommunePlan, { id: task.planId })) as CommunePlan;
      authorize(identity, 'plan', { jurisdiction: plan.communeCode });
      const commune = (await manager.findOneBy(Commune, { code: plan.communeCode })) as Commune;
      await addTaskLinks(manager, {
        taskId: task.id,
        targets: input.implements,
        ownLevel: TaskLevel.COMMUNE,
        allowedLevels: [TaskLevel.CENTRAL, TaskLevel.PROVINCIAL, TaskLevel.COMMUNE],
        find: (level, ids) => this.find(manager, level, ids),
        requiredJurisdiction: {
          [TaskLevel.PROVINCIAL]: commune.provinceCode,
          [TaskLevel.COMMUNE]: commune.code,
        },
        evidence: input.evidence ?? null,
      });
      loaders.targetIdsByTaskId('CENTRAL').clear(task.id);
      loaders.targetIdsByTaskId('PROVINCIAL').clear(task.id);
      return task;
    });
  }

  private async find(manager: EntityManager, level: TaskLevel, ids: string[]): Promise<Map<string, string>> {
    if (level === TaskLevel.CENTRAL) {
      const found = await this.upper.central.fetch<{ id: string }>('CentralTask', ids, 'id');
      return new Map(found.flatMap((task) => (task ? [[task.id, 'VN'] as const] : [])));
    }
    if (level === TaskLevel.PROVINCIAL) {
      type Found = { id: string; plan: { province: { code: string } } };
      const found = await this.upper.provincial.fetch<Found>(
        'ProvincialTask',
        ids,
        'id plan { province { code } }',
      );
      return new Map(found.flatMap((task) => (task ? [[task.id, task.plan.province.code] as const] : [])));
    }
    const rows = await manager
      .createQueryBuilder(CommuneTask, 't')
      .innerJoin(CommunePlan, 'p', 'p.id = t.plan_id')
      .select(['t.id AS id', 'p.commune_code AS commune_code'])
      .where('t.id IN (:...ids)', { ids })
      .getRawMany<{ id: string; commune_code: string }>();
    return new Map(rows.map((row) => [row.id, row.commune_code] as const));
  }
}
