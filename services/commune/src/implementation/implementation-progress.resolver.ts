import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PROGRESS_COUNTS, ProgressRollup, progressOf } from '@nq57/shared';
import { ImplementationProgressRef } from './implementation-progress.type';
import type { CommuneContext } from '../loaders';

const PROVINCIAL_COUNTS = `provincial { asOf ${PROGRESS_COUNTS.join(' ')} }`;

/** The commune part of a central task's implementation, and the total of both levels. */
@Resolver(() => ImplementationProgressRef)
export class ImplementationProgressResolver {
  @FieldResolver(() => ProgressRollup, {
    description:
      'Commune tasks carrying it out: linked to it, to one of its provincial implementers, or to another such commune task',
  })
  @Directive('@requires(fields: "provincialTaskIds")')
  commune(
    @Root() implementation: ImplementationProgressRef,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<ProgressRollup> {
    return loaders.implementationByCentralId(implementation.asOf).load(implementation);
  }

  @FieldResolver(() => ProgressRollup, { description: 'Provincial and commune together' })
  @Directive(`@requires(fields: "provincialTaskIds ${PROVINCIAL_COUNTS}")`)
  async total(
    @Root() implementation: ImplementationProgressRef,
    @Ctx() context: CommuneContext,
  ): Promise<ProgressRollup> {
    const commune = await this.commune(implementation, context);
    const sum = Object.fromEntries(
      PROGRESS_COUNTS.map((count) => [count, implementation.provincial[count] + commune[count]]),
    );
    return progressOf(implementation.asOf, sum);
  }
}
