import { planResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';

/** Reads and writes of provincial plans (provincialPlan, createProvincialPlan, importProvincialPlan). */
export const ProvincialPlanResolver = planResolver(PROVINCIAL);
