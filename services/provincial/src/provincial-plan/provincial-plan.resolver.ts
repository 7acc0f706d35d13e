import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
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
      if (!(await manager.existsBy(Province, { code: input.provinceCode }))) {
        throw userError(ErrorCode.INVALID_JURISDICTION, `No province with code ${input.provinceCode}`, {
          provinceCode: input.provinceCode,
        });
      }
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
}
