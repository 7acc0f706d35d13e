import type { EntityManager } from 'typeorm';
import { documentNumberKey } from '../numbers';
import { seedIds, type SeedPlan } from '../seeds/seed-files';

/** A document number a task row cites, as printed ("Văn bản giao nhiệm vụ"), with where it was read. */
export interface TaskCite {
  taskId: string;
  number: string;
  text: string | null;
  /** True when the row does not print it (a heading or the plan's opening does); `evidence` says where. */
  inferred: boolean;
  evidence: string | null;
}

/**
 * Records the numbers tasks cite in the level's `task_cite` (one statement), keeping rows already there, each
 * folded by documentNumberKey as directive numbers are. Positions follow the order given, per task.
 */
export async function writeTaskCites(manager: EntityManager, cites: readonly TaskCite[]): Promise<void> {
  if (cites.length === 0) return;
  const positions = new Map<string, number>();
  const position = (taskId: string): number => {
    const next = (positions.get(taskId) ?? 0) + 1;
    positions.set(taskId, next);
    return next;
  };
  const column = <T>(pick: (cite: TaskCite) => T): T[] => cites.map(pick);
  await manager.query(
    `INSERT INTO task_cite (task_id, position, number, number_key, cited_text, inferred, evidence)
     SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[])
     ON CONFLICT DO NOTHING`,
    [
      column((cite) => cite.taskId),
      column((cite) => position(cite.taskId)),
      column((cite) => cite.number),
      column((cite) => documentNumberKey(cite.number)),
      column((cite) => cite.text),
      column((cite) => cite.inferred),
      column((cite) => cite.evidence),
    ],
  );
}

/** Records the `cites` of the seed plans' tasks (each start; rows already there are kept). */
export function insertSeedCites(manager: EntityManager, plans: readonly SeedPlan[]): Promise<void> {
  return writeTaskCites(
    manager,
    plans.flatMap((plan) =>
      plan.tasks.flatMap((task) =>
        task.cites.map((cite) => ({
          taskId: seedIds.task(task.key),
          number: cite.number,
          text: cite.text,
          inferred: cite.inferred,
          evidence: cite.evidence,
        })),
      ),
    ),
  );
}
