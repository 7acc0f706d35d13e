import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import {
  TaskLevel,
  createLevelLoaders,
  groupLoader,
  linkedLevelTasks,
  linkedTargets,
  loaderPerArgument,
  rawReader,
  type LevelLoaders,
  type LinkedTask,
  type RequestContext,
  type TaskSelection,
} from '@nq57/shared';
import { ProvincialTask } from './provincial-task/provincial-task.entity';
import { implementationLoaders, type ImplementationRollup } from './central-task/implementation.loader';
import { PROVINCIAL, type ProvincialTypes } from './level';

/** The per-request loaders of the provincial subgraph: every relation and reference goes through one. */
export interface ProvincialLoaders extends LevelLoaders<ProvincialTypes> {
  /** Ids of the central tasks a provincial task implements. */
  centralIdsByTaskId: DataLoader<string, string[]>;
  /** Ids of the central tasks a provincial task implements directly or through other provincial tasks. */
  allCentralIdsByTaskId: DataLoader<string, string[]>;
  /** Provincial tasks implementing a central task, optionally of one province, with the columns `selection` names. */
  tasksByCentralId: (
    provinceCode: string | null,
    selection: TaskSelection,
  ) => DataLoader<string, ProvincialTask[]>;
  /** Roll-up on a date of the provincial tasks implementing a central task, with their ids. */
  implementationByCentralId: (asOf: string) => DataLoader<string, ImplementationRollup>;
}

export type ProvincialContext = RequestContext<ProvincialLoaders>;

/** Fresh loaders for one request. */
export function createProvincialLoaders(dataSource: DataSource): ProvincialLoaders {
  const reader = rawReader(dataSource, ProvincialTask);
  // Serialised so that equal filters and selections share one loader (and one statement) per request.
  const byCentralId = loaderPerArgument((key: string) => {
    const { provinceCode, selection } = JSON.parse(key) as {
      provinceCode: string | null;
      selection: TaskSelection;
    };
    const params: unknown[] = provinceCode === null ? [] : [provinceCode];
    const on = `l.task_id = t.id AND l.target_level = 'CENTRAL'${provinceCode === null ? '' : ' AND p.province_code = $1'}`;
    return groupLoader<string, LinkedTask<ProvincialTask>, ProvincialTask>(
      (keys) =>
        linkedLevelTasks(dataSource, PROVINCIAL, reader, { on, key: 'l.target_id', params }, selection, keys),
      (entry) => entry.key,
      (entry) => entry.row,
    );
  });
  return {
    ...createLevelLoaders(dataSource, PROVINCIAL),
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
    implementationByCentralId: implementationLoaders(dataSource),
  };
}
