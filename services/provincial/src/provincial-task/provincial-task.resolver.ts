import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { LinkTaskInput, sameLevelTasksResolver, taskResolver, type LevelTaskStore } from '@nq57/shared';
import { ProvincialTask } from './provincial-task.entity';
import { CentralTaskRef } from '../central-task/central-task.ref';
import type { ProvincialContext } from '../loaders';
import { PROVINCIAL, type ProvincialTypes } from '../level';

// The three classes are declared in this order because type-graphql orders a type's fields as they are declared.

/** Reads and the plain write of provincial tasks (provincialTask, ProvincialTask.plan, createProvincialTask). */
export const ProvincialTaskResolver = taskResolver(PROVINCIAL);

/** What provincial tasks have of their own: their links to central tasks, and linkProvincialTask. */
@Resolver(() => ProvincialTask)
export class ProvincialTaskLinksResolver {
  constructor(private readonly store: LevelTaskStore<ProvincialTypes>) {}

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

  @Mutation(() => ProvincialTask, {
    description:
      'Records that a provincial task carries out central tasks (or tasks of another plan of its province)',
  })
  async linkProvincialTask(
    @Arg('input', () => LinkTaskInput) input: LinkTaskInput,
    @Ctx() { loaders, identity }: ProvincialContext,
  ): Promise<ProvincialTask> {
    const task = await this.store.link(identity, input);
    loaders.centralIdsByTaskId.clear(task.id);
    loaders.allCentralIdsByTaskId.clearAll();
    return task;
  }
}

/** Links between provincial tasks (implementsProvincialTasks, implementedByProvincialTasks). */
export const ProvincialSameLevelTasksResolver = sameLevelTasksResolver(PROVINCIAL);
