import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  createLevelLoaders,
  groupLoader,
  levelTaskSources,
  linkedLevelTasks,
  loaderPerArgument,
  progressLoaders,
  rawReader,
  type LevelLoaders,
  type LinkCondition,
  type ProgressLoaders,
  type ProgressRollup,
  type RequestContext,
  type TaskSelection,
} from '@nq57/shared';
import { Commune } from './commune/commune.entity';
import { CommuneTask } from './commune-task/commune-task.entity';
import { implementationLoaders, type ImplementationKey } from './implementation/implementation.loader';
import { COMMUNE, type CommuneTypes } from './level';

type Filter = { provinceCode: string | null; communeCode: string | null };

/** The per-request loaders of the commune subgraph: every relation and reference goes through one. */
export interface CommuneLoaders extends LevelLoaders<CommuneTypes> {
  communesByProvinceCode: DataLoader<string, Commune[]>;
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
  /** The level's roll-ups, and those of all communes of a province. */
  progress: ProgressLoaders<'byPlanId' | 'byJurisdiction' | 'byProvinceCode'>;
  /** The commune part of a central task's implementation on a date. */
  implementationByCentralId: (asOf: string) => DataLoader<ImplementationKey, ProgressRollup, string>;
}

export type CommuneContext = RequestContext<CommuneLoaders>;

const PROVINCE_TASKS = {
  from: `${levelTaskSources(COMMUNE).byJurisdiction.from} JOIN commune ON commune.code = plan.commune_code`,
  key: 'commune.province_code',
};

/** Fresh loaders for one request. */
export function createCommuneLoaders(dataSource: DataSource): CommuneLoaders {
  const communes = dataSource.getRepository(Commune);
  const reader = rawReader(dataSource, CommuneTask);
  // Serialised so that equal filters and selections share one loader (and one statement) per request.
  const byTarget = loaderPerArgument((key: string) => {
    const { level, provinceCode, communeCode, selection } = JSON.parse(key) as Filter & {
      level: string;
      selection: TaskSelection;
    };
    const where = targetCondition(level, provinceCode, communeCode);
    return groupLoader(
      (keys: readonly string[]) => linkedLevelTasks(dataSource, COMMUNE, reader, where, selection, keys),
      (entry) => entry.key,
      (entry) => entry.row,
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
  const level = createLevelLoaders(dataSource, COMMUNE);
  return {
    ...level,
    communesByProvinceCode: groupLoader(
      (codes) => communes.find({ where: { provinceCode: In([...codes]) }, order: { code: 'ASC' } }),
      (row) => row.provinceCode,
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
    progress: { ...level.progress, ...progressLoaders(dataSource, { byProvinceCode: PROVINCE_TASKS }) },
    implementationByCentralId: implementationLoaders(dataSource),
  };
}

/** The ON condition of commune tasks implementing a task of `level`, of a province or a commune (alias c). */
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
