import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { jurisdictionResolver } from '@nq57/shared';
import { Commune } from './commune.entity';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';
import { COMMUNE } from '../level';

// Declared before jurisdictionResolver, because type-graphql orders a type's fields as they are declared.

/** The province a commune belongs to, in the provincial subgraph. */
@Resolver(() => Commune)
export class CommuneProvinceResolver {
  @FieldResolver(() => ProvinceRef, { description: 'The province the commune belongs to' })
  province(@Root() commune: Commune): ProvinceRef {
    return { code: commune.provinceCode };
  }
}

/** Reads of communes: commune(code) and Commune.plans, as every level has them. */
export const CommuneResolver = jurisdictionResolver(
  COMMUNE,
  'A commune, ward or special zone by official code',
);

/** Adds the communes to the provincial subgraph's Province. */
@Resolver(() => ProvinceRef)
export class ProvinceCommunesResolver {
  @FieldResolver(() => [Commune], { description: 'The communes, wards and special zones of the province' })
  communes(@Root() province: ProvinceRef, @Ctx() { loaders }: CommuneContext): Promise<Commune[]> {
    return loaders.communesByProvinceCode.load(province.code);
  }
}
