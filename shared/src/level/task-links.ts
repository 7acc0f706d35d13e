import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { authorize } from '../auth/authorize';
import type { Identity } from '../auth/identity';
import { ErrorCode, userError } from '../errors';
import { addTaskLinks } from '../task/task-links';
import type { LinkTaskInput } from '../task/task.input';
import type { TaskLevel } from '../task/task-status';
import { jurisdictionOf, type LevelSpec, type LevelTypes } from './level-spec';

/** What a level allows a task of a plan to link to, and how it finds targets in the subgraphs above it. */
export interface LevelLinkRules {
  allowedLevels: TaskLevel[];
  /** Which jurisdiction a target at each level must belong to, where one is required. */
  requiredJurisdiction: Partial<Record<TaskLevel, string>>;
  /** For each id found at `level` (a level above): the jurisdiction code its task belongs to. */
  findAbove: (level: TaskLevel, ids: string[]) => Promise<Map<string, string>>;
}

/** How a level reads, for a task of `plan`, what it may link to (in the link's transaction). */
export type LinkRules<L extends LevelTypes> = (
  manager: EntityManager,
  plan: L['plan'],
) => Promise<LevelLinkRules>;

/**
 * `link<Prefix>Task` in the caller's transaction (the task store's): the task's plan scopes who may link it;
 * `rules` (read after that check) say what it may link to. Writes the links or nothing, and returns the task.
 */
export async function linkLevelTask<L extends LevelTypes>(
  manager: EntityManager,
  spec: LevelSpec<L>,
  input: LinkTaskInput,
  identity: Identity | null,
  rules: LinkRules<L>,
): Promise<L['task']> {
  const task = await manager.findOneBy(spec.task.entity, { id: input.taskId } as FindOptionsWhere<L['task']>);
  if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No ${spec.adjective} task with id ${input.taskId}`);
  const plan = (await manager.findOneBy(spec.plan.entity, {
    id: task.planId,
  } as FindOptionsWhere<L['plan']>)) as L['plan'];
  authorize(identity, 'plan', { jurisdiction: jurisdictionOf(spec, plan) });
  const { allowedLevels, requiredJurisdiction, findAbove } = await rules(manager, plan);
  await addTaskLinks(manager, {
    taskId: task.id,
    targets: input.implements,
    ownLevel: spec.level,
    allowedLevels,
    find: (level, ids) =>
      level === spec.level ? sameLevelJurisdictions(manager, spec, ids) : findAbove(level, ids),
    requiredJurisdiction,
    evidence: input.evidence ?? null,
  });
  return task;
}

/** The jurisdiction code of each of the level's tasks with one of `ids`. */
async function sameLevelJurisdictions<L extends LevelTypes>(
  manager: EntityManager,
  spec: LevelSpec<L>,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await manager
    .createQueryBuilder(spec.task.entity, 't')
    .innerJoin(spec.plan.entity, 'p', 'p.id = t.plan_id')
    .select(['t.id AS id', `p.${spec.jurisdictionColumn} AS code`])
    .where('t.id IN (:...ids)', { ids })
    .getRawMany<{ id: string; code: string }>();
  return new Map(rows.map((row) => [row.id, row.code] as const));
}
