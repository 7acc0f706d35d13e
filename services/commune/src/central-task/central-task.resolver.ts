import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CentralTaskRef } from './central-task.ref';
import { CommuneTask } from '../commune-task/commune-task.entity';
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
  ): Promise<CommuneTask[]> {
    return loaders
      .tasksByTargetId('CENTRAL', { provinceCode: provinceCode ?? null, communeCode: communeCode ?? null })
      .load(task.id);
  }
}
