import { Arg, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { LevelContext } from './level-loaders';
import type { LevelSpec, LevelTypes } from './level-spec';

// A field of the jurisdiction that a level declares before calling this comes before `plans` in the type.

/** The level's `<noun>(code)` query (`description`: the level's own codes) and `<Jurisdiction>.plans`. */
export function jurisdictionResolver<L extends LevelTypes>(
  spec: LevelSpec<L>,
  description: string,
): ClassType {
  const { entity: Jurisdiction, noun } = spec.jurisdiction;

  @Resolver(() => Jurisdiction)
  class JurisdictionResolver {
    @Query(() => Jurisdiction, { name: noun, nullable: true, description })
    jurisdiction(
      @Arg('code', () => String) code: string,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['jurisdiction'] | null> {
      return loaders.jurisdictionByCode.load(code);
    }

    @FieldResolver(() => [spec.plan.entity], { description: `The plans the ${noun} has issued` })
    plans(
      @Root() jurisdiction: L['jurisdiction'],
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['plan'][]> {
      return loaders.plansByJurisdiction.load(jurisdiction.code);
    }
  }
  return JurisdictionResolver;
}
