import type { DataSource } from 'typeorm';
import {
  insertIgnoring,
  insertSeedCentralLinks,
  insertSeedCites,
  insertSeedIndicators,
  officialCommunes,
  readSeedPlans,
  seedIds,
  seedPlanColumns,
  seedTaskColumns,
} from '@nq57/shared';
import { Commune } from './commune/commune.entity';
import { CommunePlan } from './commune-plan/commune-plan.entity';
import { CommuneTask } from './commune-task/commune-task.entity';
import { CommuneIndicator } from './indicator/commune-indicator.entity';

/** Loads the 3,321 communes, the commune seed plans, links and indicators; rows already present are kept. */
export async function seedCommune(dataSource: DataSource): Promise<void> {
  const plans = readSeedPlans('commune');
  await dataSource.transaction(async (manager) => {
    await insertIgnoring(manager, Commune, officialCommunes());
    await insertIgnoring(
      manager,
      CommunePlan,
      plans.map((plan) => ({
        ...seedPlanColumns(plan),
        communeCode: plan.plan.jurisdiction.communeCode as string,
        communeInferred: plan.plan.jurisdiction.inferred,
        communeEvidence: plan.plan.jurisdiction.evidence,
      })),
    );
    const tasks = plans.flatMap((plan) =>
      plan.tasks.map((task, index) => ({
        ...seedTaskColumns(task, index),
        planId: seedIds.plan(plan.plan.key),
      })),
    );
    await insertIgnoring(manager, CommuneTask, tasks);
    await insertSeedCites(manager, plans);
    await insertSeedCentralLinks(
      manager,
      new Set(plans.flatMap((plan) => plan.tasks.map((task) => task.key))),
    );
    await insertSeedIndicators(manager, CommuneIndicator, plans);
  });
}
