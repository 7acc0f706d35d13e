import { TaskLevel, type EntityClient, type LinkRules } from '@nq57/shared';
import { Commune } from '../commune/commune.entity';
import type { CommuneTypes } from '../level';

/** The subgraphs a commune task's links are checked against. */
export interface UpperLevels {
  central: EntityClient;
  provincial: EntityClient;
}

/**
 * What a commune task may carry out: central tasks, tasks of its province's plans (found in the subgraphs
 * above), and tasks of other plans of its own commune.
 */
export function communeLinkRules(upper: UpperLevels): LinkRules<CommuneTypes> {
  return async (manager, plan) => {
    const commune = (await manager.findOneBy(Commune, { code: plan.communeCode })) as Commune;
    return {
      allowedLevels: [TaskLevel.CENTRAL, TaskLevel.PROVINCIAL, TaskLevel.COMMUNE],
      requiredJurisdiction: {
        [TaskLevel.PROVINCIAL]: commune.provinceCode,
        [TaskLevel.COMMUNE]: commune.code,
      },
      findAbove: (level, ids) => findAbove(upper, level, ids),
    };
  };
}

async function findAbove(upper: UpperLevels, level: TaskLevel, ids: string[]): Promise<Map<string, string>> {
  if (level === TaskLevel.CENTRAL) {
    const found = await upper.central.fetch<{ id: string }>('CentralTask', ids, 'id');
    return new Map(found.flatMap((task) => (task ? [[task.id, 'VN'] as const] : [])));
  }
  type Found = { id: string; plan: { province: { code: string } } };
  const found = await upper.provincial.fetch<Found>('ProvincialTask', ids, 'id plan { province { code } }');
  return new Map(found.flatMap((task) => (task ? [[task.id, task.plan.province.code] as const] : [])));
}
