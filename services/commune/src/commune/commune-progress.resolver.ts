import { levelRollupResolvers, progressFieldResolver } from '@nq57/shared';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';
import { COMMUNE } from '../level';

const ROLLUPS = levelRollupResolvers(COMMUNE);

/** `Commune.progress(asOf)`: every task of the commune's plans. */
export const CommuneProgressResolver = ROLLUPS.jurisdictionProgress;

/** `Commune.agencies(asOf)`: the same counts by lead agency. */
export const CommuneAgenciesResolver = ROLLUPS.jurisdictionAgencies;

/** `CommunePlan.progress(asOf)`: the plan's tasks. */
export const CommunePlanProgressResolver = ROLLUPS.planProgress;

/** `Province.communeProgress(asOf)`: the tasks of every commune plan in the province. */
export const ProvinceCommuneProgressResolver = progressFieldResolver(
  ProvinceRef,
  {
    name: 'communeProgress',
    description: 'Where the tasks of the province’s communes’ plans stand on a date (its own: progress)',
  },
  (province, { loaders }: CommuneContext, asOf) => loaders.progress.byProvinceCode(asOf).load(province.code),
);
