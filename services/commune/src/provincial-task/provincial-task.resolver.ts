import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ProvincialTaskRef } from './provincial-task.ref';
import { CommuneTask } from '../commune-task/commune-task.entity';
import { communeTaskSelection } from '../commune-task/commune-task.selection';
import type { CommuneContext } from '../loaders';

/** Adds the commune implementations to the provincial subgraph's ProvincialTask. */
@Resolver(() => ProvincialTaskRef)
export class ProvincialTaskCommuneTasksResolver {
  @FieldResolver(() => [CommuneTask], { description: 'Commune tasks that carry this task out' })
  communeTasks(
    @Root() task: ProvincialTaskRef,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Ctx() { loaders }: CommuneContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommuneTask[]> {
    return loaders
      .tasksByTargetId(
        'PROVINCIAL',
        { provinceCode: null, communeCode: communeCode ?? null },
        communeTaskSelection(info),
      )
      .load(task.id);
  }
}
