import type DataLoader from 'dataloader';
import { In, type DataSource, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import type { RequestContext } from '../context';
import { groupByLinkKey } from '../federation/linked-rows';
import { rawReader, rowsByKey, type RawReader } from '../federation/raw-entities';
import { createIndicatorLoaders, type IndicatorLoaders } from '../indicator/indicator-loaders';
import { groupLoader, rowLoader } from '../loaders';
import { agencyProgressLoaders } from '../monitoring/agency-progress';
import type { AgencyProgress } from '../monitoring/agency-progress';
import { progressLoaders, type ProgressLoaders, type ProgressQuery } from '../monitoring/progress-sql';
import type { TaskSelection } from '../task/task-selection';
import type { LevelSpec, LevelTypes } from './level-spec';

/** The per-request loaders every level has; a service's own loaders extend them. */
export interface LevelLoaders<L extends LevelTypes> extends IndicatorLoaders<L['indicator']> {
  jurisdictionByCode: DataLoader<string, L['jurisdiction'] | null>;
  planById: DataLoader<string, L['plan'] | null>;
  /** A jurisdiction's plans, by issue date. */
  plansByJurisdiction: DataLoader<string, L['plan'][]>;
  taskById: DataLoader<string, L['task'] | null>;
  tasksByPlanId: DataLoader<string, L['task'][]>;
  /** Tasks of the level a task implements (same level). */
  implementedByTaskId: DataLoader<string, L['task'][]>;
  /** Tasks of the level implementing a task (same level). */
  implementersByTaskId: DataLoader<string, L['task'][]>;
  /** Every task of a jurisdiction's plans, by position (the warning lists). */
  tasksByJurisdiction: DataLoader<string, L['task'][]>;
  /** Roll-ups on a date of a plan's tasks, and of all a jurisdiction's plan tasks. */
  progress: ProgressLoaders<'byPlanId' | 'byJurisdiction'>;
  /** A jurisdiction's plan tasks on a date, by lead agency. */
  agencyProgressByJurisdiction: (asOf: string) => DataLoader<string, AgencyProgress[]>;
}

/** What a resolver of a level gets: loaders that are at least the level's. */
export type LevelContext<L extends LevelTypes> = RequestContext<LevelLoaders<L>>;

/** A task of the level with the key of the link row it was found through. */
export type LinkedTask<T> = { key: string; row: T };

/** How a linked-task statement joins task_link: the ON condition ($1… are `params`) and the grouping column. */
export interface LinkCondition {
  on: string;
  key: 'l.task_id' | 'l.target_id';
  params: unknown[];
}

/** The level's task rows for the roll-ups: per plan, and per jurisdiction (progressLoaders' queries). */
export function levelTaskSources<L extends LevelTypes>(
  spec: LevelSpec<L>,
): { byPlan: ProgressQuery; byJurisdiction: ProgressQuery } {
  return {
    byPlan: { from: `${spec.task.table} task`, key: 'task.plan_id' },
    byJurisdiction: {
      from: `${spec.task.table} task JOIN ${spec.plan.table} plan ON plan.id = task.plan_id`,
      key: `plan.${spec.jurisdictionColumn}`,
    },
  };
}

/** Fresh level loaders for one request. */
export function createLevelLoaders<L extends LevelTypes>(
  dataSource: DataSource,
  spec: LevelSpec<L>,
): LevelLoaders<L> {
  const plans = dataSource.getRepository(spec.plan.entity);
  const tasks = dataSource.getRepository(spec.task.entity);
  const reader = {
    task: rawReader(dataSource, spec.task.entity),
    plan: rawReader(dataSource, spec.plan.entity),
    jurisdiction: rawReader(dataSource, spec.jurisdiction.entity),
  };
  const sameLevel = (on: string, key: LinkCondition['key']) =>
    groupLoader<string, LinkedTask<L['task']>, L['task']>(
      (keys) => linkedLevelTasks(dataSource, spec, reader.task, { on, key, params: [] }, null, keys),
      (entry) => entry.key,
      (entry) => entry.row,
    );
  const field = spec.jurisdiction.field;
  const sources = levelTaskSources(spec);
  return {
    ...createIndicatorLoaders(dataSource, spec.indicator.entity),
    jurisdictionByCode: rowLoader(
      (codes) => rowsByKey(dataSource, reader.jurisdiction, spec.jurisdiction.table, 'code', codes),
      (row) => row.code,
    ),
    planById: rowLoader(
      (ids) => rowsByKey(dataSource, reader.plan, spec.plan.table, 'id', ids),
      (row) => row.id,
    ),
    plansByJurisdiction: groupLoader(
      (codes) =>
        plans.find({
          where: { [field]: In([...codes]) } as FindOptionsWhere<L['plan']>,
          order: { issuedOn: 'ASC' } as FindOptionsOrder<L['plan']>,
        }),
      (row) => (row as unknown as Record<string, string>)[field],
    ),
    taskById: rowLoader(
      (ids) => levelTasksById(dataSource, spec, reader.task, ids),
      (row) => row.id,
    ),
    tasksByPlanId: groupLoader(
      (ids) =>
        tasks.find({
          where: { planId: In([...ids]) } as FindOptionsWhere<L['task']>,
          order: { position: 'ASC' } as FindOptionsOrder<L['task']>,
        }),
      (row) => row.planId,
    ),
    implementedByTaskId: sameLevel(`l.target_id = t.id AND l.target_level = '${spec.level}'`, 'l.task_id'),
    implementersByTaskId: sameLevel(`l.task_id = t.id AND l.target_level = '${spec.level}'`, 'l.target_id'),
    tasksByJurisdiction: groupLoader<string, LinkedTask<L['task']>, L['task']>(
      (codes) =>
        groupByLinkKey(
          tasks
            .createQueryBuilder('t')
            .innerJoin(spec.plan.entity, 'p', 'p.id = t.plan_id')
            .addSelect(`p.${spec.jurisdictionColumn}`, 'group_key')
            .where(`p.${spec.jurisdictionColumn} = ANY(:codes)`, { codes: [...codes] })
            // A task an amendment removed is on no warning list.
            .andWhere('t.removed_at IS NULL')
            .orderBy('t.position', 'ASC')
            .addOrderBy('t.id', 'ASC'),
          't',
        ),
      (entry) => entry.key,
      (entry) => entry.row,
    ),
    progress: progressLoaders(dataSource, {
      byPlanId: sources.byPlan,
      byJurisdiction: sources.byJurisdiction,
    }),
    agencyProgressByJurisdiction: agencyProgressLoaders(dataSource, sources.byJurisdiction),
  };
}

/** Where a task read with its plan's jurisdiction code (taskById, linkedLevelTasks) carries that code. */
const PLAN_JURISDICTION = Symbol('planJurisdiction');

/**
 * The jurisdiction code of the plan holding `task` (province or commune), when the task was read with it
 * (taskById, and the lists of linkedLevelTasks); undefined otherwise, and then the plan must be loaded.
 */
export function planJurisdictionOf(task: object): string | undefined {
  return (task as { [PLAN_JURISDICTION]?: string })[PLAN_JURISDICTION];
}

/** `task`, carrying its plan's jurisdiction code for planJurisdictionOf (not a column: under a symbol). */
function withPlanJurisdiction<T extends object>(task: T, code: unknown): T {
  // Not a column of the task: no field, entity save or JSON sees a symbol-keyed, non-enumerable property.
  Object.defineProperty(task, PLAN_JURISDICTION, { value: code as string });
  return task;
}

/**
 * Tasks of the level by id, every column, each with its plan's jurisdiction code (planJurisdictionOf): one
 * statement, rows made into tasks without TypeORM's hydration.
 */
async function levelTasksById<L extends LevelTypes>(
  dataSource: DataSource,
  spec: LevelSpec<L>,
  reader: RawReader<L['task']>,
  ids: readonly string[],
): Promise<L['task'][]> {
  const found = await dataSource.query<Record<string, unknown>[]>(
    `SELECT ${reader.columns('t', null)}, p.${spec.jurisdictionColumn} AS plan_jurisdiction
     FROM ${spec.task.table} t JOIN ${spec.plan.table} p ON p.id = t.plan_id
     WHERE t.id = ANY($1)`,
    [[...ids]],
  );
  return found.map((row) => withPlanJurisdiction(reader.hydrate(row), row.plan_jurisdiction));
}

/**
 * Tasks of the level joined to a link row by `where`, whose grouping column is one of `keys`, in the level's
 * `linkedTaskOrder`: one statement, the selected columns only, rows made into tasks without TypeORM's hydration.
 */
export async function linkedLevelTasks<L extends LevelTypes>(
  dataSource: DataSource,
  spec: LevelSpec<L>,
  reader: RawReader<L['task']>,
  where: LinkCondition,
  selection: TaskSelection | null,
  keys: readonly string[],
): Promise<LinkedTask<L['task']>[]> {
  const found = await dataSource.query<Record<string, unknown>[]>(
    `SELECT ${reader.columns('t', selection?.properties ?? null)}, ${where.key} AS group_key,
            p.${spec.jurisdictionColumn} AS plan_jurisdiction
     FROM ${spec.task.table} t
     JOIN ${spec.plan.table} p ON p.id = t.plan_id ${spec.linkedTaskOrder.join}
     JOIN task_link l ON ${where.on} AND ${where.key} = ANY($${where.params.length + 1})
     ORDER BY ${spec.linkedTaskOrder.orderBy}`,
    [...where.params, [...keys]],
  );
  return found.map((row) => ({
    key: row.group_key as string,
    row: withPlanJurisdiction(reader.hydrate(row), row.plan_jurisdiction),
  }));
}
