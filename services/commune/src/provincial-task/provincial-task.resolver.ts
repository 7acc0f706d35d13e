import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProvincialTaskRef } from './provincial-task.ref';
import { CommuneTask } from '../commune-task/commune-task.entity';
import type { CommuneContext } from '../loaders';

/** Adds the commune implementations to the provincial subgraph's ProvincialTask. */
@Resolver(() => ProvincialTaskRef)
export class ProvincialTaskCommuneTasksResolver {
  @FieldResolver(() => [CommuneTask], { description: 'Commune tasks that carry this task out' })
  communeTasks(
    @Root() task: ProvincialTaskRef,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommuneTask[]> {
    return loaders
      .tasksByTargetId('PROVINCIAL', { provinceCode: null, communeCode: communeCode ?? null })
      .load(task.id);
  }
}
