import type { LightCounts } from './components/lights';

/** A ProgressRollup as the views select it. */
export interface Rollup extends LightCounts {
  total: number;
  completedOnTime: number;
  overdue: number;
}

/** The selection every view makes of a ProgressRollup. */
export const ROLLUP_FIELDS = 'total completedOnTime overdue green yellow red grey';

/** Two disjoint roll-ups added up (a province's own plans and its communes' plans). */
export function addRollups(a: Rollup, b: Rollup): Rollup {
  return {
    total: a.total + b.total,
    completedOnTime: a.completedOnTime + b.completedOnTime,
    overdue: a.overdue + b.overdue,
    green: a.green + b.green,
    yellow: a.yellow + b.yellow,
    red: a.red + b.red,
    grey: a.grey + b.grey,
  };
}
