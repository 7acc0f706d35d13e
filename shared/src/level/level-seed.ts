import type { DataSource } from 'typeorm';
import { insertSeedIndicators } from '../indicator/indicator-seed';
import { readSeedPlans, seedIds, type SeedPlan } from '../seeds/seed-files';
import { insertIgnoring, insertSeedCentralLinks, seedPlanColumns, seedTaskColumns } from '../seeds/seed-rows';
import { insertSeedCites } from '../suggestions/task-cites';
import type { LevelSpec, LevelTypes } from './level-spec';

/** What a level's seed has of its own: its jurisdictions, and the columns that place a seed plan in one. */
export interface LevelSeedFacts<L extends LevelTypes> {
  jurisdictions: () => Partial<L['jurisdiction']>[];
  planJurisdiction: (plan: SeedPlan) => Partial<L['plan']>;
}

/**
 * The seed of a level (`npm start` on an empty database): its jurisdictions, then the seed plans of the level
 * (../shared/seeds) with their tasks, cited numbers, links to central tasks and indicators, in one transaction;
 * rows already present are kept, so a second start duplicates nothing.
 */
export function levelSeed<L extends LevelTypes>(
  spec: LevelSpec<L>,
  facts: LevelSeedFacts<L>,
): (dataSource: DataSource) => Promise<void> {
  return async (dataSource) => {
    const plans = readSeedPlans(spec.adjective);
    await dataSource.transaction(async (manager) => {
      await insertIgnoring(manager, spec.jurisdiction.entity, facts.jurisdictions());
      const planRows = plans.map(
        (plan) => ({ ...seedPlanColumns(plan), ...facts.planJurisdiction(plan) }) as Partial<L['plan']>,
      );
      await insertIgnoring(manager, spec.plan.entity, planRows);
      const tasks = plans.flatMap((plan) =>
        plan.tasks.map(
          (task, index) =>
            ({ ...seedTaskColumns(task, index), planId: seedIds.plan(plan.plan.key) }) as Partial<L['task']>,
        ),
      );
      await insertIgnoring(manager, spec.task.entity, tasks);
      await insertSeedCites(manager, plans);
      await insertSeedCentralLinks(
        manager,
        new Set(plans.flatMap((plan) => plan.tasks.map((task) => task.key))),
      );
      await insertSeedIndicators(manager, spec.indicator.entity, plans);
    });
  };
}
