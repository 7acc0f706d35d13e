import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Commune } from './commune.entity';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';

/** Reads of communes. */
@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, { nullable: true, description: 'A commune, ward or special zone by official code' })
  commune(
    @Arg('code', () => String) code: string,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<Commune | null> {
    return loaders.jurisdictionByCode.load(code);
  }

  @FieldResolver(() => ProvinceRef, { description: 'The province the commune belongs to' })
  province(@Root() commune: Commune): ProvinceRef {
    return { code: commune.provinceCode };
  }

  @FieldResolver(() => [CommunePlan], { description: 'The plans the commune has issued' })
  plans(@Root() commune: Commune, @Ctx() { loaders }: CommuneContext): Promise<CommunePlan[]> {
    return loaders.plansByJurisdiction.load(commune.code);
  }
}

/** Adds the communes to the provincial subgraph's Province. */
@Resolver(() => ProvinceRef)
export class ProvinceCommunesResolver {
  @FieldResolver(() => [Commune], { description: 'The communes, wards and special zones of the province' })
  communes(@Root() province: ProvinceRef, @Ctx() { loaders }: CommuneContext): Promise<Commune[]> {
    return loaders.communesByProvinceCode.load(province.code);
  }
}
