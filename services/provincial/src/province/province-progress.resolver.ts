import { agencyProgressFieldResolver, progressFieldResolver } from '@nq57/shared';
import { Province } from './province.entity';
import { ProvincialPlan } from '../provincial-plan/provincial-plan.entity';
import type { ProvincialContext } from '../loaders';

/** `Province.progress(asOf)`: every task of the province's own plans (its communes' are `communeProgress`). */
export const ProvinceProgressResolver = progressFieldResolver(
  Province,
  { name: 'progress', description: 'Where the tasks of the province’s plans stand on a date' },
  (province, { loaders }: ProvincialContext, asOf) =>
    loaders.progress.byProvinceCode(asOf).load(province.code),
);

/** `Province.agencies(asOf)`: the same counts by lead agency. */
export const ProvinceAgenciesResolver = agencyProgressFieldResolver(
  Province,
  {
    name: 'agencies',
    description: 'Where the province’s plan tasks stand on a date, by lead agency (chủ trì)',
  },
  (province, { loaders }: ProvincialContext, asOf) =>
    loaders.agencyProgressByProvinceCode(asOf).load(province.code),
);

/** `ProvincialPlan.progress(asOf)`: the plan's tasks. */
export const ProvincialPlanProgressResolver = progressFieldResolver(
  ProvincialPlan,
  { name: 'progress', description: 'Where the plan’s tasks stand on a date' },
  (plan, { loaders }: ProvincialContext, asOf) => loaders.progress.byPlanId(asOf).load(plan.id),
);
