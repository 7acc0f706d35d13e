import { levelRollupResolvers } from '@nq57/shared';
import { PROVINCIAL } from '../level';

const ROLLUPS = levelRollupResolvers(PROVINCIAL);

/** `Province.progress(asOf)`: every task of the province's own plans (its communes' are `communeProgress`). */
export const ProvinceProgressResolver = ROLLUPS.jurisdictionProgress;

/** `Province.agencies(asOf)`: the same counts by lead agency. */
export const ProvinceAgenciesResolver = ROLLUPS.jurisdictionAgencies;

/** `ProvincialPlan.progress(asOf)`: the plan's tasks. */
export const ProvincialPlanProgressResolver = ROLLUPS.planProgress;
