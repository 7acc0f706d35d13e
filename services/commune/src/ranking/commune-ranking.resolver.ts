import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArg, monitoringDay, rankByOnTimeShare, rankingType, type Ranked } from '@nq57/shared';
import { Commune } from '../commune/commune.entity';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';

/** One commune's place in its province's ranking. */
export const CommuneRank = rankingType(Commune, 'commune', 'CommuneRank');

/** `Province.communeRanking(asOf)`: the province's communes by share of their plan tasks completed on time. */
@Resolver(() => ProvinceRef)
export class CommuneRankingResolver {
  @FieldResolver(() => [CommuneRank], {
    description:
      'Communes of the province with plan tasks, best share completed on time first (docs/monitoring.md, "Rankings")',
  })
  async communeRanking(
    @Root() province: ProvinceRef,
    @Ctx() { loaders }: CommuneContext,
    @AsOfArg() asOf?: string | null,
  ): Promise<Ranked<Commune>[]> {
    const progress = loaders.progress.byJurisdiction(monitoringDay(asOf));
    const communes = await loaders.communesByProvinceCode.load(province.code);
    // Loaded together, so the loader sends one aggregate for all the province's communes.
    const units = await Promise.all(
      communes.map(async (commune) => ({ subject: commune, progress: await progress.load(commune.code) })),
    );
    return rankByOnTimeShare(units, (commune) => commune.code);
  }
}
