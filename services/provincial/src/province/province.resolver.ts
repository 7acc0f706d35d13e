import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Province } from './province.entity';
import { ProvincialPlan } from '../provincial-plan/provincial-plan.entity';
import type { ProvincialContext } from '../loaders';

/** Reads of provinces. */
@Resolver(() => Province)
export class ProvinceResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => Province, { nullable: true, description: 'A province by official code, e.g. "19"' })
  province(
    @Arg('code', () => String) code: string,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<Province | null> {
    return loaders.jurisdictionByCode.load(code);
  }

  @Query(() => [Province], { description: 'All 34 provinces and centrally-run cities, by code' })
  provinces(): Promise<Province[]> {
    return this.dataSource.getRepository(Province).find({ order: { code: 'ASC' } });
  }

  @FieldResolver(() => [ProvincialPlan], { description: 'The plans the province has issued' })
  plans(@Root() province: Province, @Ctx() { loaders }: ProvincialContext): Promise<ProvincialPlan[]> {
    return loaders.plansByJurisdiction.load(province.code);
  }
}
