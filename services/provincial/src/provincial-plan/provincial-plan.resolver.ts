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
import { ProvincialPlan } from './provincial-plan.entity';
import { ProvincialPlanInput } from './provincial-plan.input';
import { Province } from '../province/province.entity';
import { ProvincialTask } from '../provincial-task/provincial-task.entity';
import type { ProvincialContext } from '../loaders';

/** Reads and writes of provincial plans. */
@Resolver(() => ProvincialPlan)
export class ProvincialPlanResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => ProvincialPlan, { nullable: true })
  provincialPlan(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialPlan | null> | null {
    return isUuid(id) ? loaders.planById.load(id) : null;
  }

  @FieldResolver(() => Province)
  async province(@Root() plan: ProvincialPlan, @Ctx() { loaders }: ProvincialContext): Promise<Province> {
    return (await loaders.provinceByCode.load(plan.provinceCode)) as Province;
  }

  @FieldResolver(() => [ProvincialTask], { description: 'The plan’s tasks, in document order' })
  tasks(@Root() plan: ProvincialPlan, @Ctx() { loaders }: ProvincialContext): Promise<ProvincialTask[]> {
    return loaders.tasksByPlanId.load(plan.id);
  }

  @Mutation(() => ProvincialPlan, {
    description:
      'Records a provincial plan with its tasks, all or nothing; DUPLICATE when its issuer already has it recorded (same number, or same title and date when unnumbered)',
  })
  createProvincialPlan(
    @Arg('input', () => ProvincialPlanInput) input: ProvincialPlanInput,
    @Ctx() { identity }: ProvincialContext,
  ): Promise<ProvincialPlan> {
    authorize(identity, 'plan', { jurisdiction: input.provinceCode });
    return this.dataSource.transaction(async (manager) => {
      await assertProvinceExists(manager, input.provinceCode);
      const columns = documentColumns(input);
      await assertNewPlan(
        manager,
        { entity: ProvincialPlan, jurisdictionField: 'provinceCode' },
        input.provinceCode,
        columns,
      );
      const plan = await manager.save(
        manager.create(ProvincialPlan, {
          ...columns,
          id: randomUUID(),
          provinceCode: input.provinceCode,
        }),
      );
      const tasks = input.tasks.map((task, index) =>
        manager.create(ProvincialTask, {
          ...taskColumns(task),
          id: randomUUID(),
          planId: plan.id,
          position: index + 1,
        }),
      );
      if (tasks.length > 0) await manager.save(tasks);
      await indexTasks(
        manager,
        TaskLevel.PROVINCIAL,
        tasks.map((task) => task.id),
      );
      return plan;
    });
  }

  @Mutation(() => PlanImport, {
    description:
      'Imports a provincial plan from its task table as read from a file: a dry run unless dryRun is false; ' +
      'nothing is written while the table has errors, unless goodRowsOnly',
  })
  importProvincialPlan(
    @Arg('input', () => PlanImportInput) input: PlanImportInput,
    @Ctx() { identity }: ProvincialContext,
  ): Promise<PlanImport> {
    authorize(identity, 'plan', { jurisdiction: input.jurisdiction });
    return this.dataSource.transaction(async (manager) => {
      await assertProvinceExists(manager, input.jurisdiction);
      return importPlan(manager, PROVINCIAL_PLANS, input.jurisdiction, input);
    });
  }
}

const PROVINCIAL_PLANS: PlanLevel<ProvincialPlan, ProvincialTask> = {
  level: TaskLevel.PROVINCIAL,
  plans: { entity: ProvincialPlan, jurisdictionField: 'provinceCode' },
  tasks: ProvincialTask,
  planField: 'planId',
};

async function assertProvinceExists(manager: EntityManager, code: string): Promise<void> {
  if (!(await manager.existsBy(Province, { code }))) {
    throw userError(ErrorCode.INVALID_JURISDICTION, `No province with code ${code}`, { provinceCode: code });
  }
}
