import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  agencyProgressLoaders,
  createIndicatorLoaders,
  groupByLinkKey,
  groupLoader,
  loaderPerArgument,
  progressLoaders,
  rowLoader,
  type AgencyProgress,
  type IndicatorLoaders,
  type ProgressLoaders,
  type ProgressRollup,
  type RequestContext,
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
  /** Commune tasks implementing a central or provincial task, optionally of one province or commune. */
  tasksByTargetId: (level: 'CENTRAL' | 'PROVINCIAL', filter: Filter) => DataLoader<string, CommuneTask[]>;
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
  const linked = (where: string, keyColumn: string, params: object) =>
    groupLoader<string, Linked, CommuneTask>(
      (keys) =>
        groupByLinkKey(
          tasks
            .createQueryBuilder('t')
            .innerJoin(CommunePlan, 'p', 'p.id = t.plan_id')
            .innerJoin(Commune, 'c', 'c.code = p.commune_code')
            .innerJoin('task_link', 'l', where)
            .addSelect(keyColumn, 'group_key')
            .setParameters({ ...params, keys: [...keys] })
            .orderBy('c.code', 'ASC')
            .addOrderBy('t.position', 'ASC'),
          't',
        ),
      (entry) => entry.key,
      (entry) => entry.row,
    );
  // Serialised so that equal filters share one loader (and one statement) per request.
  const byTarget = loaderPerArgument((key: string) => {
    const { level, provinceCode, communeCode } = JSON.parse(key) as Filter & { level: string };
    return linked(
      'l.task_id = t.id AND l.target_level = :level AND l.target_id = ANY(:keys)' +
        (provinceCode === null ? '' : ' AND c.province_code = :provinceCode') +
        (communeCode === null ? '' : ' AND c.code = :communeCode'),
      'l.target_id',
      { level, provinceCode, communeCode },
    );
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
      (codes) => communes.findBy({ code: In([...codes]) }),
      (row) => row.code,
    ),
    communesByProvinceCode: groupLoader(
      (codes) => communes.find({ where: { provinceCode: In([...codes]) }, order: { code: 'ASC' } }),
      (row) => row.provinceCode,
    ),
    planById: rowLoader(
      (ids) => plans.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    plansByCommuneCode: groupLoader(
      (codes) => plans.find({ where: { communeCode: In([...codes]) }, order: { issuedOn: 'ASC' } }),
      (row) => row.communeCode,
    ),
    taskById: rowLoader(
      (ids) => tasks.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    tasksByPlanId: groupLoader(
      (ids) => tasks.find({ where: { planId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.planId,
    ),
    targetIdsByTaskId: targetIds,
    tasksByTargetId: (level, filter) =>
      byTarget(JSON.stringify({ level, provinceCode: filter.provinceCode, communeCode: filter.communeCode })),
    implementedByTaskId: linked(
      `l.target_id = t.id AND l.target_level = 'COMMUNE' AND l.task_id = ANY(:keys)`,
      'l.task_id',
      {},
    ),
    implementersByTaskId: linked(
      `l.task_id = t.id AND l.target_level = 'COMMUNE' AND l.target_id = ANY(:keys)`,
      'l.target_id',
      {},
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
