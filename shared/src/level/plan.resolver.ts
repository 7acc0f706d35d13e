import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { isUuid } from '../ids';
import { PlanImportInput } from '../plan-import/plan-import.input';
import { PlanImport } from '../plan-import/plan-import.type';
import type { LevelContext } from './level-loaders';
import type { LevelTaskStore } from './level-task-store';
import { jurisdictionOf, levelName, type LevelSpec, type LevelTypes } from './level-spec';

/**
 * The resolver of the level's plans: `<level>Plan(id)`, `<Plan>.<jurisdiction>`, `<Plan>.tasks`,
 * `create<Prefix>Plan` and `import<Prefix>Plan`.
 */
export function planResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const { entity: Plan, input: PlanInput } = spec.plan;
  const { entity: Jurisdiction, noun } = spec.jurisdiction;
  const Task = spec.task.entity;

  @Resolver(() => Plan)
  class PlanResolver {
    constructor(private readonly store: LevelTaskStore<L>) {}

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
      return this.store.createPlan(identity, input);
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
      return this.store.importPlan(identity, input);
    }
  }
  return PlanResolver;
}
