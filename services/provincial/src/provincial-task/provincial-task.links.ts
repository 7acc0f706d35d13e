import { TaskLevel, type EntityClient, type LinkRules } from '@nq57/shared';
import type { ProvincialTypes } from '../level';

/**
 * What a provincial task may carry out: central tasks (found in the central subgraph), and tasks of other plans
 * of its own province.
 */
export function provincialLinkRules(central: EntityClient): LinkRules<ProvincialTypes> {
  return async (_manager, plan) => ({
    allowedLevels: [TaskLevel.CENTRAL, TaskLevel.PROVINCIAL],
    requiredJurisdiction: { [TaskLevel.PROVINCIAL]: plan.provinceCode },
    findAbove: async (_level, ids) => {
      const found = await central.fetch<{ id: string }>('CentralTask', ids, 'id');
      return new Map(found.flatMap((row) => (row ? [[row.id, 'VN'] as const] : [])));
    },
  });
}
