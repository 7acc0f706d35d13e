import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  agencyProgressLoaders,
  groupLoader,
  progressLoaders,
  rowLoader,
  type AgencyProgress,
  type ProgressLoaders,
  type RequestContext,
} from '@nq57/shared';
import { DirectiveDocument } from './directive/directive.entity';
import { CentralTask } from './central-task/central-task.entity';

/** The per-request loaders of the central subgraph: every relation and reference goes through one. */
export interface CentralLoaders {
  directiveById: DataLoader<string, DirectiveDocument | null>;
  taskById: DataLoader<string, CentralTask | null>;
  tasksByDirectiveId: DataLoader<string, CentralTask[]>;
  /** Roll-ups of a directive's tasks on a date. */
  progress: ProgressLoaders<'byDirectiveId'>;
  /** Roll-ups of a directive's tasks by lead agency on a date. */
  agencyProgressByDirectiveId: (asOf: string) => DataLoader<string, AgencyProgress[]>;
}

export type CentralContext = RequestContext<CentralLoaders>;

const DIRECTIVE_TASKS = { from: 'central_task task', key: 'task.directive_id' };

/** Fresh loaders for one request (never shared: their caches are per request). */
export function createCentralLoaders(dataSource: DataSource): CentralLoaders {
  const directives = dataSource.getRepository(DirectiveDocument);
  const tasks = dataSource.getRepository(CentralTask);
  return {
    directiveById: rowLoader(
      (ids) => directives.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    taskById: rowLoader(
      (ids) => tasks.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    tasksByDirectiveId: groupLoader(
      (ids) => tasks.find({ where: { directiveId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.directiveId,
    ),
    progress: progressLoaders(dataSource, { byDirectiveId: DIRECTIVE_TASKS }),
    agencyProgressByDirectiveId: agencyProgressLoaders(dataSource, DIRECTIVE_TASKS),
  };
}
