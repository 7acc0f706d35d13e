import { Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { jurisdictionResolver } from '@nq57/shared';
import { Province } from './province.entity';
import { PROVINCIAL } from '../level';

/** Reads of provinces: province(code) and Province.plans, as every level has them. */
export const ProvinceResolver = jurisdictionResolver(PROVINCIAL, 'A province by official code, e.g. "19"');

/** The list of all provinces, which only the provincial level has. */
@Resolver(() => Province)
export class ProvincesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [Province], { description: 'All 34 provinces and centrally-run cities, by code' })
  provinces(): Promise<Province[]> {
    return this.dataSource.getRepository(Province).find({ order: { code: 'ASC' } });
  }
}
