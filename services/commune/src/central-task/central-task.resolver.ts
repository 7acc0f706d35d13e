import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { CentralTaskRef } from './central-task.ref';
import { CommuneTask } from '../commune-task/commune-task.entity';
import { communeTaskSelection } from '../commune-task/commune-task.selection';
import type { CommuneContext } from '../loaders';

/** Adds the commune implementations to the central subgraph's CentralTask. */
@Resolver(() => CentralTaskRef)
export class CentralTaskCommuneTasksResolver {
  @FieldResolver(() => [CommuneTask], {
    description: 'Commune tasks that carry this task out directly (not through a provincial task)',
  })
  communeTasks(
    @Root() task: CentralTaskRef,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode: string | null,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Ctx() { loaders }: CommuneContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommuneTask[]> {
    return loaders
      .tasksByTargetId(
        'CENTRAL',
        { provinceCode: provinceCode ?? null, communeCode: communeCode ?? null },
        communeTaskSelection(info),
      )
      .load(task.id);
  }
}
