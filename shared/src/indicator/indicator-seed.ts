import type { EntityManager } from 'typeorm';
import { nameBasedId } from '../ids';
import { assignmentColumns } from '../task/assignment.type';
import { deadlineColumns } from '../task/deadline.type';
import { insertIgnoring } from '../seeds/seed-rows';
import { seedIds, type SeedIndicator, type SeedPlan } from '../seeds/seed-files';
import type { Indicator } from './indicator.interface';
import { parseTarget } from './indicator-target';

/** The id every start derives for a seed indicator ("001-I3"), so reloading the seed never duplicates it. */
export function seedIndicatorId(key: string): string {
  return nameBasedId(`indicator:${key}`);
}

/** The columns of a seed indicator row: the printed text kept, lead and deadline derived beside it. */
export function seedIndicatorColumns(indicator: SeedIndicator, index: number): Partial<Indicator> {
  return {
    id: seedIndicatorId(indicator.key),
    ref: indicator.key,
    position: index + 1,
    ordinal: indicator.ordinal,
    section: indicator.section,
    name: indicator.name,
    unit: indicator.unit,
    unitDerived: indicator.unitDerived,
    leadColumns: assignmentColumns(indicator.lead),
    cooperatingColumns: assignmentColumns(indicator.cooperating),
    deadlineColumns: deadlineColumns(indicator.deadline),
    notes: indicator.notes,
  };
}

/**
 * Inserts the indicators of the seed plans and their targets (text as printed, number and direction read from
 * it); rows already present are left as they are (ON CONFLICT DO NOTHING on the stable ids).
 */
export async function insertSeedIndicators<T extends Indicator & { planId: string }>(
  manager: EntityManager,
  entity: new () => T,
  plans: SeedPlan[],
): Promise<void> {
  const indicators = plans.flatMap((plan) =>
    plan.indicators.map((indicator, index) => ({
      ...seedIndicatorColumns(indicator, index),
      planId: seedIds.plan(plan.plan.key),
    })),
  );
  await insertIgnoring(manager, entity, indicators as Partial<T>[]);
  const targets = plans.flatMap((plan) =>
    plan.indicators.flatMap((indicator) =>
      indicator.targets.map((target) => ({
        indicatorId: seedIndicatorId(indicator.key),
        year: target.year,
        text: target.text,
        parsed: parseTarget(target.text),
      })),
    ),
  );
  if (targets.length === 0) return;
  await manager.query(
    `INSERT INTO indicator_target (indicator_id, year, text, value, direction)
     SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::numeric[], $5::text[])
     ON CONFLICT DO NOTHING`,
    [
      targets.map((target) => target.indicatorId),
      targets.map((target) => target.year),
      targets.map((target) => target.text),
      targets.map((target) => target.parsed?.value ?? null),
      targets.map((target) => target.parsed?.direction ?? null),
    ],
  );
}
