import { indicatorsMigration } from '@nq57/shared';

/** Indicators of provincial plans, their targets per year and their reported values. */
export const Indicators1764000000000 = indicatorsMigration({
  planTable: 'provincial_plan',
  indicatorTable: 'provincial_indicator',
});
