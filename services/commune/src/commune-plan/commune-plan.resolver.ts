import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  TaskLevel,
  documentColumns,
  indexTasks,
  isUuid,
  taskColumns,
  userError,
  authorize,
  assertNewPlan,
  importPlan,
  PlanImport,
  PlanImportInput,
  type PlanLevel,
} from '@nq57/shared';
import { CommunePlan } from './commune-plan.entity';
import { CommunePlanInput } from './commune-plan.input';
import { Commune } from '../commune/commune.entity';
import { CommuneTask } from '../commune-task/commune-task.entity';
import type { CommuneContext } from '../loaders';

/** Reads and writes of commune plans. */
@Resolver(() => CommunePlan)
export class CommunePlanResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => CommunePlan, { nullable: true })
  communePlan(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommunePlan | null> | null {
    return isUuid(id) ? loaders.planById.load(id) : null;
  }

  @FieldResolver(() => Commune)
  async commune(@Root() plan: CommunePlan, @Ctx() { loaders }: CommuneContext): Promise<Commune> {
    return (await loaders.communeByCode.load(plan.communeCode)) as Commune;
  }

  @FieldResolver(() => [CommuneTask], { description: 'The plan’s tasks, in document order' })
  tasks(@Root() plan: CommunePlan, @Ctx() { loaders }: CommuneContext): Promise<CommuneTask[]> {
    return loaders.tasksByPlanId.load(plan.id);
  }

  @Mutation(() => CommunePlan, {
    description:
      'Records a commune plan with its tasks, all or nothing; DUPLICATE when its issuer already has it recorded (same number, or same title and date when unnumbered)',
  })
  createCommunePlan(
    @Arg('input', () => CommunePlanInput) input: CommunePlanInput,
    @Ctx() { identity }: CommuneContext,
  ): Promise<CommunePlan> {
    authorize(identity, 'plan', { jurisdiction: input.communeCode });
    return this.dataSource.transaction(async (manager) => {
      await assertCommuneExists(manager, input.communeCode);
      const columns = documentColumns(input);
      await assertNewPlan(
        manager,
        { entity: CommunePlan, jurisdictionField: 'communeCode' },
        input.communeCode,
        columns,
      );
      const plan = await manager.save(
        manager.create(CommunePlan, {
          ...columns,
          id: randomUUID(),
          communeCode: input.communeCode,
        }),
      );
      const tasks = input.tasks.map((task, index) =>
        manager.create(CommuneTask, {
          ...taskColumns(task),
          id: randomUUID(),
          planId: plan.id,
          position: index + 1,
        }),
      );
      if (tasks.length > 0) await manager.save(tasks);
      await indexTasks(
        manager,
        TaskLevel.COMMUNE,
        tasks.map((task) => task.id),
      );
      return plan;
    });
  }

  @Mutation(() => PlanImport, {
    description:
      'Imports a commune plan from its task table as read from a file: a dry run unless dryRun is false; ' +
      'nothing is written while the table has errors, unless goodRowsOnly',
  })
  importCommunePlan(
    @Arg('input', () => PlanImportInput) input: PlanImportInput,
    @Ctx() { identity }: CommuneContext,
  ): Promise<PlanImport> {
    authorize(identity, 'plan', { jurisdiction: input.jurisdiction });
    return this.dataSource.transaction(async (manager) => {
      await assertCommuneExists(manager, input.jurisdiction);
      return importPlan(manager, COMMUNE_PLANS, input.jurisdiction, input);
    });
  }
}

const COMMUNE_PLANS: PlanLevel<CommunePlan, CommuneTask> = {
  level: TaskLevel.COMMUNE,
  plans: { entity: CommunePlan, jurisdictionField: 'communeCode' },
  tasks: CommuneTask,
  planField: 'planId',
};

async function assertCommuneExists(manager: EntityManager, code: string): Promise<void> {
  if (!(await manager.existsBy(Commune, { code }))) {
    throw userError(ErrorCode.INVALID_JURISDICTION, `No commune with code ${code}`, { communeCode: code });
  }
}
