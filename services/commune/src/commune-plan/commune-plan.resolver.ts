import { planResolver } from '@nq57/shared';
import { COMMUNE } from '../level';

/** Reads and writes of commune plans (communePlan, createCommunePlan, importCommunePlan). */
export const CommunePlanResolver = planResolver(COMMUNE);
