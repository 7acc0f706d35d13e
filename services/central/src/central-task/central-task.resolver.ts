import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { TaskInput, isUuid } from '@nq57/shared';
import { CentralTask } from './central-task.entity';
import { DirectiveDocument } from '../directive/directive.entity';
import type { CentralContext } from '../loaders';
import type { CentralTaskStore } from './central-task.store';

/** Reads and writes of central tasks. */
@Resolver(() => CentralTask)
export class CentralTaskResolver {
  constructor(private readonly store: CentralTaskStore) {}

  @Query(() => CentralTask, { nullable: true })
  centralTask(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: CentralContext,
  ): Promise<CentralTask | null> | null {
    return isUuid(id) ? loaders.taskById.load(id) : null;
  }

  @FieldResolver(() => DirectiveDocument, { description: 'The directive that assigns the task' })
  async directive(@Root() task: CentralTask, @Ctx() { loaders }: CentralContext): Promise<DirectiveDocument> {
    return (await loaders.directiveById.load(task.directiveId)) as DirectiveDocument;
  }

  @Mutation(() => CentralTask, { description: 'Adds a task to a central directive' })
  createCentralTask(
    @Arg('directiveId', () => ID) directiveId: string,
    @Arg('task', () => TaskInput) input: TaskInput,
    @Ctx() { identity }: CentralContext,
  ): Promise<CentralTask> {
    return this.store.addTask(identity, directiveId, input);
  }
}
