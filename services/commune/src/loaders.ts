import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  agencyProgressLoaders,
  createIndicatorLoaders,
  groupByLinkKey,
  groupLoader,
  loaderPerArgument,
  progressLoaders,
  rawReader,
  rowLoader,
  rowsByKey,
  type AgencyProgress,
  type IndicatorLoaders,
  type ProgressLoaders,
  type ProgressRollup,
  type RawReader,
  type RequestContext,
  type TaskSelection,
} from '@nq57/shared';
import { Commune } from './commune/commune.entity';
import { CommunePlan } from './commune-plan/commune-plan.entity';
import { CommuneTask } from './commune-task/commune-task.entity';
import { CommuneIndicator } from './indicator/commune-indicator.entity';
import { implementationLoaders, type ImplementationKey } from './implementation/implementation.loader';

type Linked = { key: string; row: CommuneTask };
type Filter = { provinceCode: string | null; communeCode: string | null };

/** The per-request loaders of the commune subgraph: every relation and reference goes through one. */
export interface CommuneLoaders extends IndicatorLoaders<CommuneIndicator> {
  communeByCode: DataLoader<string, Commune | null>;
  communesByProvinceCode: DataLoader<string, Commune[]>;
  planById: DataLoader<string, CommunePlan | null>;
  plansByCommuneCode: DataLoader<string, CommunePlan[]>;
  taskById: DataLoader<string, CommuneTask | null>;
  tasksByPlanId: DataLoader<string, CommuneTask[]>;
  /** Ids of the higher tasks a commune task implements, by level. */
  targetIdsByTaskId: (level: 'CENTRAL' | 'PROVINCIAL') => DataLoader<string, string[]>;
  /**
   * Commune tasks implementing a central or provincial task, optionally of one province or commune, with the
   * columns `selection` names (the rest of each task is left unset).
   */
  tasksByTargetId: (
    level: 'CENTRAL' | 'PROVINCIAL',
    filter: Filter,
    selection: TaskSelection,
  ) => DataLoader<string, CommuneTask[]>;
  /** Commune tasks a commune task implements (same level). */
  implementedByTaskId: DataLoader<string, CommuneTask[]>;
  /** Commune tasks implementing a commune task (same level). */
  implementersByTaskId: DataLoader<string, CommuneTask[]>;
  /** Every task of a commune's plans, by position (the warning lists). */
  tasksByCommuneCode: DataLoader<string, CommuneTask[]>;
  /** Roll-ups on a date of a plan's tasks, of a commune's plan tasks, and of all communes of a province. */
  progress: ProgressLoaders<'byPlanId' | 'byCommuneCode' | 'byProvinceCode'>;
  /** A commune's plan tasks on a date, by lead agency. */
  agencyProgressByCommuneCode: (asOf: string) => DataLoader<string, AgencyProgress[]>;
  /** The commune part of a central task's implementation on a date. */
  implementationByCentralId: (asOf: string) => DataLoader<ImplementationKey, ProgressRollup, string>;
}

export type CommuneContext = RequestContext<CommuneLoaders>;

const PLAN_TASKS = { from: 'commune_task task', key: 'task.plan_id' };
const COMMUNE_TASKS = {
  from: 'commune_task task JOIN commune_plan plan ON plan.id = task.plan_id',
  key: 'plan.commune_code',
};
const PROVINCE_TASKS = {
  from: `${COMMUNE_TASKS.from} JOIN commune ON commune.code = plan.commune_code`,
  key: 'commune.province_code',
};

/** Fresh loaders for one request. */
export function createCommuneLoaders(dataSource: DataSource): CommuneLoaders {
  const communes = dataSource.getRepository(Commune);
  const plans = dataSource.getRepository(CommunePlan);
  const tasks = dataSource.getRepository(CommuneTask);
  const rows = {
    task: rawReader(dataSource, CommuneTask),
    plan: rawReader(dataSource, CommunePlan),
    commune: rawReader(dataSource, Commune),
  };
  const linked = (where: LinkCondition, selection: TaskSelection | null) =>
    groupLoader<string, Linked, CommuneTask>(
      (keys) => linkedTasks(dataSource, rows.task, where, selection, keys),
      (entry) => entry.key,
      (entry) => entry.row,
    );
  // Serialised so that equal filters and selections share one loader (and one statement) per request.
  const byTarget = loaderPerArgument((key: string) => {
    const { level, provinceCode, communeCode, selection } = JSON.parse(key) as Filter & {
      level: string;
      selection: TaskSelection;
    };
    return linked(targetCondition(level, provinceCode, communeCode), selection);
  });
  const targetIds = loaderPerArgument((level: string) =>
    groupLoader(
      (ids: readonly string[]) =>
        dataSource.query<{ task_id: string; target_id: string }[]>(
          `SELECT task_id, target_id FROM task_link WHERE target_level = $1 AND task_id = ANY($2)
           ORDER BY created_at, target_id`,
          [level, [...ids]],
        ),
      (row) => row.task_id,
      (row) => row.target_id,
    ),
  );
  return {
    ...createIndicatorLoaders(dataSource, CommuneIndicator),
    communeByCode: rowLoader(
      (codes) => rowsByKey(dataSource, rows.commune, 'commune', 'code', codes),
      (row) => row.code,
    ),
    communesByProvinceCode: groupLoader(
      (codes) => communes.find({ where: { provinceCode: In([...codes]) }, order: { code: 'ASC' } }),
      (row) => row.provinceCode,
    ),
    planById: rowLoader(
      (ids) => rowsByKey(dataSource, rows.plan, 'commune_plan', 'id', ids),
      (row) => row.id,
    ),
    plansByCommuneCode: groupLoader(
      (codes) => plans.find({ where: { communeCode: In([...codes]) }, order: { issuedOn: 'ASC' } }),
      (row) => row.communeCode,
    ),
    taskById: rowLoader(
      (ids) => rowsByKey(dataSource, rows.task, 'commune_task', 'id', ids),
      (row) => row.id,
    ),
    tasksByPlanId: groupLoader(
      (ids) => tasks.find({ where: { planId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.planId,
    ),
    targetIdsByTaskId: targetIds,
    tasksByTargetId: (level, filter, selection) =>
      byTarget(
        JSON.stringify({
          level,
          provinceCode: filter.provinceCode,
          communeCode: filter.communeCode,
          selection,
        }),
      ),
    implementedByTaskId: linked(
      { on: `l.target_id = t.id AND l.target_level = 'COMMUNE'`, key: 'l.task_id', params: [] },
      null,
    ),
    implementersByTaskId: linked(
      { on: `l.task_id = t.id AND l.target_level = 'COMMUNE'`, key: 'l.target_id', params: [] },
      null,
    ),
    progress: progressLoaders(dataSource, {
      byPlanId: PLAN_TASKS,
      byCommuneCode: COMMUNE_TASKS,
      byProvinceCode: PROVINCE_TASKS,
    }),
    agencyProgressByCommuneCode: agencyProgressLoaders(dataSource, COMMUNE_TASKS),
    implementationByCentralId: implementationLoaders(dataSource),
    tasksByCommuneCode: groupLoader<string, Linked, CommuneTask>(
      (codes) =>
        groupByLinkKey(
          tasks
            .createQueryBuilder('t')
            .innerJoin(CommunePlan, 'p', 'p.id = t.plan_id')
            .addSelect('p.commune_code', 'group_key')
            .where('p.commune_code = ANY(:codes)', { codes: [...codes] })
            .orderBy('t.position', 'ASC')
            .addOrderBy('t.id', 'ASC'),
          't',
        ),
      (entry) => entry.key,
      (entry) => entry.row,
    ),
  };
}

/** How a linked-task statement joins task_link: the ON condition ($1… are `params`) and the grouping column. */
interface LinkCondition {
  on: string;
  key: 'l.task_id' | 'l.target_id';
  params: unknown[];
}

function targetCondition(
  level: string,
  provinceCode: string | null,
  communeCode: string | null,
): LinkCondition {
  const params: unknown[] = [level];
  let on = 'l.task_id = t.id AND l.target_level = $1';
  if (provinceCode !== null) on += ` AND c.province_code = $${params.push(provinceCode)}`;
  if (communeCode !== null) on += ` AND c.code = $${params.push(communeCode)}`;
  return { on, key: 'l.target_id', params };
}

/**
 * Commune tasks joined to a link row by `where`, whose grouping column is one of `keys`, by commune and
 * position: one statement, the selected columns only, rows made into tasks without TypeORM's hydration.
 */
async function linkedTasks(
  dataSource: DataSource,
  reader: RawReader<CommuneTask>,
  where: LinkCondition,
  selection: TaskSelection | null,
  keys: readonly string[],
): Promise<Linked[]> {
  const keyParam = `$${where.params.length + 1}`;
  const found = await dataSource.query<Record<string, unknown>[]>(
    `SELECT ${reader.columns('t', selection?.properties ?? null)}, ${where.key} AS group_key
     FROM commune_task t
     JOIN commune_plan p ON p.id = t.plan_id
     JOIN commune c ON c.code = p.commune_code
     JOIN task_link l ON ${where.on} AND ${where.key} = ANY(${keyParam})
     ORDER BY c.code, t.position, t.id`,
    [...where.params, [...keys]],
  );
  return found.map((row) => ({ key: row.group_key as string, row: reader.hydrate(row) }));
}
