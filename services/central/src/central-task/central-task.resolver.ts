import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  TaskInput,
  TaskLevel,
  isUuid,
  indexTasks,
  writeCentralRouting,
  taskColumns,
  userError,
  authorize,
  CENTRAL,
} from '@nq57/shared';
import { CentralTask } from './central-task.entity';
import { DirectiveDocument } from '../directive/directive.entity';
import type { CentralContext } from '../loaders';

/** Reads and writes of central tasks. */
@Resolver(() => CentralTask)
export class CentralTaskResolver {
  constructor(private readonly dataSource: DataSource) {}

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
    authorize(identity, 'plan', { jurisdiction: CENTRAL });
    return this.dataSource.transaction(async (manager) => {
      const directive = isUuid(directiveId)
        ? await manager.findOneBy(DirectiveDocument, { id: directiveId })
        : null;
      if (!directive)
        throw userError(ErrorCode.NOT_FOUND, `No directive with id ${directiveId}`, { directiveId });
      const position = (await manager.countBy(CentralTask, { directiveId })) + 1;
      const task = manager.create(CentralTask, {
        ...taskColumns(input),
        id: randomUUID(),
        directiveId,
        position,
      });
      const saved = await manager.save(task);
      await indexTasks(manager, TaskLevel.CENTRAL, [saved.id]);
      // The read model status reports route events with: the new task's directive keys, in the same commit.
      await writeCentralRouting(manager, [saved.id]);
      return saved;
    });
  }
}
