import { agencyProgressFieldResolver, progressFieldResolver } from '@nq57/shared';
import { Commune } from './commune.entity';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import { ProvinceRef } from '../province/province.ref';
import type { CommuneContext } from '../loaders';

/** `Commune.progress(asOf)`: every task of the commune's plans. */
export const CommuneProgressResolver = progressFieldResolver(
  Commune,
  { name: 'progress', description: 'Where the tasks of the commune’s plans stand on a date' },
  (commune, { loaders }: CommuneContext, asOf) => loaders.progress.byCommuneCode(asOf).load(commune.code),
);

/** `Commune.agencies(asOf)`: the same counts by lead agency. */
export const CommuneAgenciesResolver = agencyProgressFieldResolver(
  Commune,
  {
    name: 'agencies',
    description: 'Where the commune’s plan tasks stand on a date, by lead agency (chủ trì)',
  },
  (commune, { loaders }: CommuneContext, asOf) =>
    loaders.agencyProgressByCommuneCode(asOf).load(commune.code),
);

/** `CommunePlan.progress(asOf)`: the plan's tasks. */
export const CommunePlanProgressResolver = progressFieldResolver(
  CommunePlan,
  { name: 'progress', description: 'Where the plan’s tasks stand on a date' },
  (plan, { loaders }: CommuneContext, asOf) => loaders.progress.byPlanId(asOf).load(plan.id),
);

/** `Province.communeProgress(asOf)`: the tasks of every commune plan in the province. */
export const ProvinceCommuneProgressResolver = progressFieldResolver(
  ProvinceRef,
  {
    name: 'communeProgress',
    description: 'Where the tasks of the province’s communes’ plans stand on a date (its own: progress)',
  },
  (province, { loaders }: CommuneContext, asOf) => loaders.progress.byProvinceCode(asOf).load(province.code),
);
