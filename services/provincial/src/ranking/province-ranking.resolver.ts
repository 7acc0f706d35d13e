import { Ctx, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AsOfArg, monitoringDay, rankByOnTimeShare, rankingType, type Ranked } from '@nq57/shared';
import { Province } from '../province/province.entity';
import type { ProvincialContext } from '../loaders';

/** One province's place in the ranking. */
export const ProvinceRank = rankingType(Province, 'province', 'ProvinceRank');

/** `provinceRanking(asOf)`: provinces by share of their plan tasks completed on time. */
@Resolver()
export class ProvinceRankingResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [ProvinceRank], {
    description:
      'Provinces with plan tasks, best share of tasks completed on time first (docs/monitoring.md, "Rankings")',
  })
  async provinceRanking(
    @Ctx() { loaders }: ProvincialContext,
    @AsOfArg() asOf?: string | null,
  ): Promise<Ranked<Province>[]> {
    const day = monitoringDay(asOf);
    const provinces = await this.dataSource.getRepository(Province).find({ order: { code: 'ASC' } });
    const loader = loaders.progress.byJurisdiction(day);
    // Loaded together, so the loader sends one aggregate for all 34.
    const units = await Promise.all(
      provinces.map(async (province) => ({ subject: province, progress: await loader.load(province.code) })),
    );
    return rankByOnTimeShare(units, (province) => province.code);
  }
}
