import { indicatorsMigration } from '@nq57/shared';

/** Indicators of commune plans, their targets per year and their reported values. */
export const Indicators1764000000000 = indicatorsMigration({
  planTable: 'commune_plan',
  indicatorTable: 'commune_indicator',
});
