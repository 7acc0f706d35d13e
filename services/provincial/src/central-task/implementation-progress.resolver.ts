import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArg, monitoringDay } from '@nq57/shared';
import { CentralTaskRef } from './central-task.ref';
import { ImplementationProgress } from './implementation-progress.type';
import type { ProvincialContext } from '../loaders';

/** `CentralTask.implementationProgress(asOf)`: its provincial part here; the commune subgraph adds the rest. */
@Resolver(() => CentralTaskRef)
export class CentralTaskImplementationProgressResolver {
  @FieldResolver(() => ImplementationProgress, {
    description:
      'Where the tasks carrying this task out stand on a date: provincial, commune and total (docs/monitoring.md)',
  })
  async implementationProgress(
    @Root() task: CentralTaskRef,
    @Ctx() { loaders }: ProvincialContext,
    @AsOfArg() asOf?: string | null,
  ): Promise<ImplementationProgress> {
    const day = monitoringDay(asOf);
    const { progress, taskIds } = await loaders.implementationByCentralId(day).load(task.id);
    return { centralTaskId: task.id, asOf: day, provincial: progress, provincialTaskIds: taskIds };
  }
}
