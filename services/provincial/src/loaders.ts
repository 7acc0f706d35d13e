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
  rowLoader,
  type AgencyProgress,
  type IndicatorLoaders,
  type ProgressLoaders,
  type RequestContext,
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
  /** Provincial tasks implementing a central task, optionally of one province. */
  tasksByCentralId: (provinceCode: string | null) => DataLoader<string, ProvincialTask[]>;
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
  const provinces = dataSource.getRepository(Province);
  const plans = dataSource.getRepository(ProvincialPlan);
  const tasks = dataSource.getRepository(ProvincialTask);
  const linked = (where: string, keyColumn: string, params: object) => (keys: readonly string[]) =>
    groupByLinkKey(
      tasks
        .createQueryBuilder('t')
        .innerJoin(ProvincialPlan, 'p', 'p.id = t.plan_id')
        .innerJoin('task_link', 'l', where)
        .addSelect(keyColumn, 'group_key')
        .setParameters({ ...params, keys: [...keys] })
        .orderBy('p.issued_on', 'ASC', 'NULLS LAST')
        .addOrderBy('t.position', 'ASC'),
      't',
    );
  return {
    ...createIndicatorLoaders(dataSource, ProvincialIndicator),
    provinceByCode: rowLoader(
      (codes) => provinces.findBy({ code: In([...codes]) }),
      (row) => row.code,
    ),
    planById: rowLoader(
      (ids) => plans.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    plansByProvinceCode: groupLoader(
      (codes) => plans.find({ where: { provinceCode: In([...codes]) }, order: { issuedOn: 'ASC' } }),
      (row) => row.provinceCode,
    ),
    taskById: rowLoader(
      (ids) => tasks.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
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
    tasksByCentralId: loaderPerArgument((provinceCode: string | null) =>
      groupLoader<string, Linked, ProvincialTask>(
        linked(
          `l.task_id = t.id AND l.target_level = 'CENTRAL' AND l.target_id = ANY(:keys)` +
            (provinceCode === null ? '' : ' AND p.province_code = :provinceCode'),
          'l.target_id',
          { provinceCode },
        ),
        (entry) => entry.key,
        (entry) => entry.row,
      ),
    ),
    implementedByTaskId: groupLoader<string, Linked, ProvincialTask>(
      linked(
        `l.target_id = t.id AND l.target_level = 'PROVINCIAL' AND l.task_id = ANY(:keys)`,
        'l.task_id',
        {},
      ),
      (entry) => entry.key,
      (entry) => entry.row,
    ),
    implementersByTaskId: groupLoader<string, Linked, ProvincialTask>(
      linked(
        `l.task_id = t.id AND l.target_level = 'PROVINCIAL' AND l.target_id = ANY(:keys)`,
        'l.target_id',
        {},
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
