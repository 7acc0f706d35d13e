import { indicatorResolver, planIndicatorsResolver } from '@nq57/shared';
import { COMMUNE } from '../level';

/** Reads of commune indicators and the reports of their values. */
export const CommuneIndicatorResolver = indicatorResolver(COMMUNE);

/** `indicators` on commune plans. */
export const CommunePlanIndicatorsResolver = planIndicatorsResolver(COMMUNE);
