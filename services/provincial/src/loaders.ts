import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  TaskLevel,
  agencyProgressLoaders,
  createIndicatorLoaders,
  groupByLinkKey,
  groupLoader,
  linkedTargets,
  loaderPerArgument,
  progressLoaders,
  rawReader,
  rowLoader,
  rowsByKey,
  type AgencyProgress,
  type IndicatorLoaders,
  type ProgressLoaders,
  type RawReader,
  type RequestContext,
  type TaskSelection,
} from '@nq57/shared';
import { Province } from './province/province.entity';
import { ProvincialPlan } from './provincial-plan/provincial-plan.entity';
import { ProvincialTask } from './provincial-task/provincial-task.entity';
import { ProvincialIndicator } from './indicator/provincial-indicator.entity';
import { implementationLoaders, type ImplementationRollup } from './central-task/implementation.loader';

type Linked = { key: string; row: ProvincialTask };

/** The per-request loaders of the provincial subgraph: every relation and reference goes through one. */
export interface ProvincialLoaders extends IndicatorLoaders<ProvincialIndicator> {
  provinceByCode: DataLoader<string, Province | null>;
  planById: DataLoader<string, ProvincialPlan | null>;
  plansByProvinceCode: DataLoader<string, ProvincialPlan[]>;
  taskById: DataLoader<string, ProvincialTask | null>;
  tasksByPlanId: DataLoader<string, ProvincialTask[]>;
  /** Ids of the central tasks a provincial task implements. */
  centralIdsByTaskId: DataLoader<string, string[]>;
  /** Ids of the central tasks a provincial task implements directly or through other provincial tasks. */
  allCentralIdsByTaskId: DataLoader<string, string[]>;
  /** Provincial tasks implementing a central task, optionally of one province, with the columns `selection` names. */
  tasksByCentralId: (
    provinceCode: string | null,
    selection: TaskSelection,
  ) => DataLoader<string, ProvincialTask[]>;
  /** Provincial tasks a provincial task implements (same level). */
  implementedByTaskId: DataLoader<string, ProvincialTask[]>;
  /** Provincial tasks implementing a provincial task (same level). */
  implementersByTaskId: DataLoader<string, ProvincialTask[]>;
  /** Every task of a province's plans, by position (the warning lists). */
  tasksByProvinceCode: DataLoader<string, ProvincialTask[]>;
  /** Roll-ups on a date of a plan's tasks, and of all a province's plan tasks. */
  progress: ProgressLoaders<'byPlanId' | 'byProvinceCode'>;
  /** A province's plan tasks on a date, by lead agency. */
  agencyProgressByProvinceCode: (asOf: string) => DataLoader<string, AgencyProgress[]>;
  /** Roll-up on a date of the provincial tasks implementing a central task, with their ids. */
  implementationByCentralId: (asOf: string) => DataLoader<string, ImplementationRollup>;
}

export type ProvincialContext = RequestContext<ProvincialLoaders>;

const PLAN_TASKS = { from: 'provincial_task task', key: 'task.plan_id' };
const PROVINCE_TASKS = {
  from: 'provincial_task task JOIN provincial_plan plan ON plan.id = task.plan_id',
  key: 'plan.province_code',
};

/** Fresh loaders for one request. */
export function createProvincialLoaders(dataSource: DataSource): ProvincialLoaders {
  const plans = dataSource.getRepository(ProvincialPlan);
  const tasks = dataSource.getRepository(ProvincialTask);
  const reader = {
    task: rawReader(dataSource, ProvincialTask),
    plan: rawReader(dataSource, ProvincialPlan),
    province: rawReader(dataSource, Province),
  };
  const linked = (where: LinkCondition, selection: TaskSelection | null) => (keys: readonly string[]) =>
    linkedTasks(dataSource, reader.task, where, selection, keys);
  const byKey =
    <T extends object>(of: RawReader<T>, table: string, column: string) =>
    (keys: readonly string[]) =>
      rowsByKey(dataSource, of, table, column, keys);
  // Serialised so that equal filters and selections share one loader (and one statement) per request.
  const byCentralId = loaderPerArgument((key: string) => {
    const { provinceCode, selection } = JSON.parse(key) as {
      provinceCode: string | null;
      selection: TaskSelection;
    };
    const params: unknown[] = provinceCode === null ? [] : [provinceCode];
    const on = `l.task_id = t.id AND l.target_level = 'CENTRAL'${provinceCode === null ? '' : ' AND p.province_code = $1'}`;
    return groupLoader<string, Linked, ProvincialTask>(
      linked({ on, key: 'l.target_id', params }, selection),
      (entry) => entry.key,
      (entry) => entry.row,
    );
  });
  return {
    ...createIndicatorLoaders(dataSource, ProvincialIndicator),
    provinceByCode: rowLoader(byKey(reader.province, 'province', 'code'), (row) => row.code),
    planById: rowLoader(byKey(reader.plan, 'provincial_plan', 'id'), (row) => row.id),
    plansByProvinceCode: groupLoader(
      (codes) => plans.find({ where: { provinceCode: In([...codes]) }, order: { issuedOn: 'ASC' } }),
      (row) => row.provinceCode,
    ),
    taskById: rowLoader(byKey(reader.task, 'provincial_task', 'id'), (row) => row.id),
    tasksByPlanId: groupLoader(
      (ids) => tasks.find({ where: { planId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.planId,
    ),
    centralIdsByTaskId: groupLoader(
      async (ids) =>
        dataSource.query<{ task_id: string; target_id: string }[]>(
          `SELECT task_id, target_id FROM task_link WHERE target_level = 'CENTRAL' AND task_id = ANY($1)
           ORDER BY created_at, target_id`,
          [[...ids]],
        ),
      (row) => row.task_id,
      (row) => row.target_id,
    ),
    allCentralIdsByTaskId: groupLoader(
      async (ids) =>
        (await linkedTargets(dataSource.manager, TaskLevel.PROVINCIAL, ids)).filter(
          (target) => target.level === TaskLevel.CENTRAL,
        ),
      (target) => target.origin,
      (target) => target.id,
    ),
    tasksByCentralId: (provinceCode, selection) => byCentralId(JSON.stringify({ provinceCode, selection })),
    implementedByTaskId: groupLoader<string, Linked, ProvincialTask>(
      linked(
        { on: `l.target_id = t.id AND l.target_level = 'PROVINCIAL'`, key: 'l.task_id', params: [] },
        null,
      ),
      (entry) => entry.key,
      (entry) => entry.row,
    ),
    implementersByTaskId: groupLoader<string, Linked, ProvincialTask>(
      linked(
        { on: `l.task_id = t.id AND l.target_level = 'PROVINCIAL'`, key: 'l.target_id', params: [] },
        null,
      ),
      (entry) => entry.key,
      (entry) => entry.row,
    ),
    progress: progressLoaders(dataSource, { byPlanId: PLAN_TASKS, byProvinceCode: PROVINCE_TASKS }),
    agencyProgressByProvinceCode: agencyProgressLoaders(dataSource, PROVINCE_TASKS),
    implementationByCentralId: implementationLoaders(dataSource),
    tasksByProvinceCode: groupLoader<string, Linked, ProvincialTask>(
      (codes) =>
        groupByLinkKey(
          tasks
            .createQueryBuilder('t')
            .innerJoin(ProvincialPlan, 'p', 'p.id = t.plan_id')
            .addSelect('p.province_code', 'group_key')
            .where('p.province_code = ANY(:codes)', { codes: [...codes] })
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

/**
 * Provincial tasks joined to a link row by `where`, whose grouping column is one of `keys`, by plan date and
 * position: one statement, the selected columns only, rows made into tasks without TypeORM's hydration.
 */
async function linkedTasks(
  dataSource: DataSource,
  reader: RawReader<ProvincialTask>,
  where: LinkCondition,
  selection: TaskSelection | null,
  keys: readonly string[],
): Promise<Linked[]> {
  const found = await dataSource.query<Record<string, unknown>[]>(
    `SELECT ${reader.columns('t', selection?.properties ?? null)}, ${where.key} AS group_key
     FROM provincial_task t
     JOIN provincial_plan p ON p.id = t.plan_id
     JOIN task_link l ON ${where.on} AND ${where.key} = ANY($${where.params.length + 1})
     ORDER BY p.issued_on ASC NULLS LAST, t.position, t.id`,
    [...where.params, [...keys]],
  );
  return found.map((row) => ({ key: row.group_key as string, row: reader.hydrate(row) }));
}
