import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { CentralTaskRef } from './central-task.ref';
import { ProvincialTask } from '../provincial-task/provincial-task.entity';
import { provincialTaskSelection } from '../provincial-task/provincial-task.selection';
import type { ProvincialContext } from '../loaders';

/** Adds the provincial implementations to the central subgraph's CentralTask. */
@Resolver(() => CentralTaskRef)
export class CentralTaskImplementationsResolver {
  @FieldResolver(() => [ProvincialTask], { description: 'Provincial tasks that carry this task out' })
  provincialTasks(
    @Root() task: CentralTaskRef,
    @Arg('provinceCode', () => String, { nullable: true, description: 'Only tasks of this province' })
    provinceCode: string | null,
    @Ctx() { loaders }: ProvincialContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProvincialTask[]> {
    return loaders.tasksByCentralId(provinceCode ?? null, provincialTaskSelection(info)).load(task.id);
  }
}
