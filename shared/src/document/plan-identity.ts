import { IsNull, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import { holdWriteLock } from '../db/write-lock';
import { ErrorCode, userError } from '../errors';
import { documentNumberKey } from '../numbers';
import type { DocumentBase } from './document.interface';

/** The printed facts that say which document a plan is. */
export type PlanIdentity = Pick<DocumentBase, 'number' | 'issuer' | 'title' | 'issuedOn'>;

/** Where a level keeps its plans: the entity, and the column that holds a plan's jurisdiction. */
export interface PlanTable<T extends DocumentBase & { id: string }> {
  entity: EntityTarget<T>;
  jurisdictionField: keyof T & string;
}

/**
 * True when `a` and `b` name the same document of one jurisdiction: the same issuer and, when a number is
 * printed, the same number (folded as lookups fold it); a plan printed without a number is the same one only
 * with the same title and date. Two plans of one issuer never share a number, so the title is not compared then.
 */
export function samePlan(a: PlanIdentity, b: PlanIdentity): boolean {
  if ((a.issuer ?? null) !== (b.issuer ?? null)) return false;
  if (a.number && b.number) return documentNumberKey(a.number) === documentNumberKey(b.number);
  return !a.number && !b.number && a.title === b.title && (a.issuedOn ?? null) === (b.issuedOn ?? null);
}

/**
 * The plan `table` holds for `jurisdiction` that is the same document as `plan` (`samePlan`), or null. Call it
 * inside the writing transaction: it holds the jurisdiction's plan lock to the commit, so two writes of one plan
 * at once are answered as their sequential twins.
 */
export async function findRecordedPlan<T extends DocumentBase & { id: string }>(
  manager: EntityManager,
  table: PlanTable<T>,
  jurisdiction: string,
  plan: PlanIdentity,
): Promise<T | null> {
  await holdWriteLock(manager, `plan:${table.jurisdictionField}:${jurisdiction}`);
  const where = {
    [table.jurisdictionField]: jurisdiction,
    issuer: plan.issuer ?? IsNull(),
  } as FindOptionsWhere<T>;
  const candidates = await manager.find(table.entity, { where });
  return candidates.find((candidate) => samePlan(candidate, plan)) ?? null;
}

/** Refuses, with DUPLICATE naming the plan already recorded, a new plan that `findRecordedPlan` finds. */
export async function assertNewPlan<T extends DocumentBase & { id: string }>(
  manager: EntityManager,
  table: PlanTable<T>,
  jurisdiction: string,
  plan: PlanIdentity,
): Promise<void> {
  const twin = await findRecordedPlan(manager, table, jurisdiction, plan);
  if (twin) {
    throw userError(ErrorCode.DUPLICATE, `This plan is already recorded as ${twin.number ?? twin.title}`, {
      planId: twin.id,
    });
  }
}
