import { indicatorResolver, planIndicatorsResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';

/** Reads of provincial indicators and the reports of their values. */
export const ProvincialIndicatorResolver = indicatorResolver(PROVINCIAL);

/** `indicators` on provincial plans. */
export const ProvincialPlanIndicatorsResolver = planIndicatorsResolver(PROVINCIAL);
