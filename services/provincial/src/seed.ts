import type { DataSource } from 'typeorm';
import {
  insertIgnoring,
  insertSeedCentralLinks,
  insertSeedCites,
  insertSeedIndicators,
  officialProvinces,
  readSeedPlans,
  seedIds,
  seedPlanColumns,
  seedTaskColumns,
} from '@nq57/shared';
import { Province } from './province/province.entity';
import { ProvincialPlan } from './provincial-plan/provincial-plan.entity';
import { ProvincialTask } from './provincial-task/provincial-task.entity';
import { ProvincialIndicator } from './indicator/provincial-indicator.entity';

/** Loads the 34 provinces, the provincial seed plans, links and indicators; rows already present are kept. */
export async function seedProvincial(dataSource: DataSource): Promise<void> {
  const plans = readSeedPlans('provincial');
  await dataSource.transaction(async (manager) => {
    await insertIgnoring(manager, Province, officialProvinces());
    await insertIgnoring(
      manager,
      ProvincialPlan,
      plans.map((plan) => ({
        ...seedPlanColumns(plan),
        provinceCode: plan.plan.jurisdiction.provinceCode,
        provinceInferred: plan.plan.jurisdiction.inferred,
        provinceEvidence: plan.plan.jurisdiction.evidence,
      })),
    );
    const tasks = plans.flatMap((plan) =>
      plan.tasks.map((task, index) => ({
        ...seedTaskColumns(task, index),
        planId: seedIds.plan(plan.plan.key),
      })),
    );
    await insertIgnoring(manager, ProvincialTask, tasks);
    await insertSeedCites(manager, plans);
    await insertSeedCentralLinks(
      manager,
      new Set(plans.flatMap((plan) => plan.tasks.map((task) => task.key))),
    );
    await insertSeedIndicators(manager, ProvincialIndicator, plans);
  });
}
