import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { DataSource, DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { authorize } from '../auth/authorize';
import { documentColumns } from '../document/document.input';
import { assertNewPlan, type PlanTable } from '../document/plan-identity';
import { ErrorCode, userError } from '../errors';
import { isUuid } from '../ids';
import { importPlan, type PlanLevel } from '../plan-import/plan-import';
import { PlanImportInput } from '../plan-import/plan-import.input';
import { PlanImport } from '../plan-import/plan-import.type';
import { indexTasks } from '../search/search-index';
import { taskColumns } from '../task/task.input';
import type { LevelContext } from './level-loaders';
import { jurisdictionOf, levelName, type LevelSpec, type LevelTypes } from './level-spec';

/** Where the level's plans are, for the duplicate check and the import. */
export function planTable<L extends LevelTypes>(spec: LevelSpec<L>): PlanTable<L['plan']> {
  return { entity: spec.plan.entity, jurisdictionField: spec.jurisdiction.field };
}

/** Throws INVALID_JURISDICTION unless the level has a jurisdiction with `code`. */
export async function assertJurisdictionExists<L extends LevelTypes>(
  spec: LevelSpec<L>,
  manager: EntityManager,
  code: string,
): Promise<void> {
  if (!(await manager.existsBy(spec.jurisdiction.entity, { code } as FindOptionsWhere<L['jurisdiction']>))) {
    const { noun, field } = spec.jurisdiction;
    throw userError(ErrorCode.INVALID_JURISDICTION, `No ${noun} with code ${code}`, { [field]: code });
  }
}

/**
 * The resolver of the level's plans: `<level>Plan(id)`, `<Plan>.<jurisdiction>`, `<Plan>.tasks`,
 * `create<Prefix>Plan` and `import<Prefix>Plan`.
 */
export function planResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const { entity: Plan, input: PlanInput } = spec.plan;
  const { entity: Jurisdiction, noun } = spec.jurisdiction;
  const Task = spec.task.entity;
  const level: PlanLevel<L['plan'], L['task']> = {
    level: spec.level,
    plans: planTable(spec),
    tasks: Task,
    planField: 'planId',
  };

  @Resolver(() => Plan)
  class PlanResolver {
    constructor(private readonly dataSource: DataSource) {}

    @Query(() => Plan, { name: levelName(spec, '', 'Plan'), nullable: true })
    plan(
      @Arg('id', () => ID) id: string,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['plan'] | null> | null {
      return isUuid(id) ? loaders.planById.load(id) : null;
    }

    @FieldResolver(() => Jurisdiction, { name: noun })
    async jurisdiction(
      @Root() plan: L['plan'],
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['jurisdiction']> {
      return (await loaders.jurisdictionByCode.load(jurisdictionOf(spec, plan))) as L['jurisdiction'];
    }

    @FieldResolver(() => [Task], { description: 'The plan’s tasks, in document order' })
    tasks(@Root() plan: L['plan'], @Ctx() { loaders }: LevelContext<L>): Promise<L['task'][]> {
      return loaders.tasksByPlanId.load(plan.id);
    }

    @Mutation(() => Plan, {
      name: levelName(spec, 'create', 'Plan'),
      description: `Records a ${spec.adjective} plan with its tasks, all or nothing; DUPLICATE when its issuer already has it recorded (same number, or same title and date when unnumbered)`,
    })
    createPlan(
      @Arg('input', () => PlanInput) input: L['planInput'],
      @Ctx() { identity }: LevelContext<L>,
    ): Promise<L['plan']> {
      const code = jurisdictionOf(spec, input);
      authorize(identity, 'plan', { jurisdiction: code });
      return this.dataSource.transaction(async (manager) => {
        await assertJurisdictionExists(spec, manager, code);
        const columns = documentColumns(input);
        await assertNewPlan(manager, level.plans, code, columns);
        const plan = await manager.save(
          manager.create(Plan, {
            ...columns,
            id: randomUUID(),
            [spec.jurisdiction.field]: code,
          } as DeepPartial<L['plan']>),
        );
        const tasks = input.tasks.map((task, index) =>
          manager.create(Task, {
            ...taskColumns(task),
            id: randomUUID(),
            planId: plan.id,
            position: index + 1,
          } as DeepPartial<L['task']>),
        );
        if (tasks.length > 0) await manager.save(tasks);
        await indexTasks(
          manager,
          spec.level,
          tasks.map((task) => task.id),
        );
        return plan;
      });
    }

    @Mutation(() => PlanImport, {
      name: levelName(spec, 'import', 'Plan'),
      description:
        `Imports a ${spec.adjective} plan from its task table as read from a file: a dry run unless dryRun is false; ` +
        'nothing is written while the table has errors, unless goodRowsOnly',
    })
    importPlan(
      @Arg('input', () => PlanImportInput) input: PlanImportInput,
      @Ctx() { identity }: LevelContext<L>,
    ): Promise<PlanImport> {
      authorize(identity, 'plan', { jurisdiction: input.jurisdiction });
      return this.dataSource.transaction(async (manager) => {
        await assertJurisdictionExists(spec, manager, input.jurisdiction);
        return importPlan(manager, level, input.jurisdiction, input);
      });
    }
  }
  return PlanResolver;
}
