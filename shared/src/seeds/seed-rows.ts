import type { EntityManager, ObjectLiteral } from 'typeorm';
import { assignmentColumns } from '../task/assignment.type';
import { deadlineColumns } from '../task/deadline.type';
import type { Task } from '../task/task.interface';
import type { DocumentBase } from '../document/document.interface';
import { readSeedLinks, seedIds, type SeedPlan, type SeedTask } from './seed-files';

/** The columns of a seed plan's document row (its level adds the jurisdiction). */
export function seedPlanColumns({ plan }: SeedPlan): Partial<DocumentBase> {
  return {
    id: seedIds.plan(plan.key),
    ref: plan.key,
    number: plan.number,
    kind: plan.kind.toUpperCase() as DocumentBase['kind'],
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    issuedOnText: plan.issuedOnText,
    notes: plan.notes,
  };
}

/** The columns of a seed task row: printed text kept, assignment and deadline derived beside it. */
export function seedTaskColumns(task: SeedTask, index: number): Partial<Task> {
  return {
    id: seedIds.task(task.key),
    ref: task.key,
    position: index + 1,
    ordinal: task.ordinal,
    content: task.content,
    section: task.section,
    group: task.group,
    groupDerived: task.groupDerived,
    leadColumns: assignmentColumns(task.lead),
    cooperatingColumns: assignmentColumns(task.cooperating),
    deadlineColumns: deadlineColumns(task.deadline),
    centralDeadlineColumns: deadlineColumns(task.centralDeadline),
    output: task.output,
    notes: task.notes,
  };
}

/** Inserts rows, leaving alone any whose key already exists (a second start duplicates nothing). */
export async function insertIgnoring<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as T[])
    .orIgnore()
    .execute();
}

/** Inserts the seed links (to central tasks) of the tasks whose keys are in `taskKeys`. */
export async function insertSeedCentralLinks(manager: EntityManager, taskKeys: Set<string>): Promise<void> {
  const rows = readSeedLinks()
    .filter((link) => taskKeys.has(link.task))
    .flatMap((link) =>
      link.implements.map((target) => [seedIds.task(link.task), seedIds.centralTask(target), link.evidence]),
    );
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO task_link (task_id, target_level, target_id, evidence)
     SELECT task_id, 'CENTRAL', target_id, evidence
     FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS l(task_id, target_id, evidence)
     ON CONFLICT DO NOTHING`,
    [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2])],
  );
}
