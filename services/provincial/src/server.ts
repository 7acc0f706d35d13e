import {
  catchUpSearchIndex,
  catchUpTraceLinks,
  httpEntityClient,
  startLevelService,
  TaskLevel,
  TaskStateResolver,
  type LevelServiceDefinition,
  type LevelServiceHandle,
  type LevelServiceOptions,
} from '@nq57/shared';
import { Province } from './province/province.entity';
import { ProvinceResolver } from './province/province.resolver';
import { ProvincialPlan } from './provincial-plan/provincial-plan.entity';
import { ProvincialPlanResolver } from './provincial-plan/provincial-plan.resolver';
import { ProvincialTask } from './provincial-task/provincial-task.entity';
import { ProvincialTaskResolver } from './provincial-task/provincial-task.resolver';
import { ProvincialTaskStatusResolver } from './provincial-task/provincial-task-status.resolver';
import { ProvinceWarningsResolver } from './warning/province-warnings.resolver';
import { CentralTaskImplementationsResolver } from './central-task/central-task.resolver';
import { ProvincialIndicator } from './indicator/provincial-indicator.entity';
import {
  ProvincialIndicatorResolver,
  ProvincialPlanIndicatorsResolver,
} from './indicator/provincial-indicator.resolver';
import { createProvincialLoaders, type ProvincialContext, type ProvincialLoaders } from './loaders';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { StatusReporting1763900000000 } from './migrations/1763900000000-status-reporting';
import { Indicators1764000000000 } from './migrations/1764000000000-indicators';
import { TaskState1764100000000 } from './migrations/1764100000000-task-state';
import { ResolvedDeadline1764300000000 } from './migrations/1764300000000-resolved-deadline';
import { TraceLinkMirror1764400000000 } from './migrations/1764400000000-trace-link-mirror';
import {
  ProvinceAgenciesResolver,
  ProvinceProgressResolver,
  ProvincialPlanProgressResolver,
} from './province/province-progress.resolver';
import { ProvinceRankingResolver } from './ranking/province-ranking.resolver';
import { CentralTaskImplementationProgressResolver } from './central-task/implementation-progress.resolver';
import { seedProvincial } from './seed';

/** Where the provincial subgraph runs, and the central subgraph it checks links against. */
export interface ProvincialOptions extends LevelServiceOptions {
  centralUrl: string;
}

/** The parts of the provincial subgraph (schema, tables, loaders, seed). */
export function definition(urls: { centralUrl: string }): LevelServiceDefinition<ProvincialLoaders> {
  return {
    name: 'provincial',
    schema: 'provincial',
    entities: [Province, ProvincialPlan, ProvincialTask, ProvincialIndicator],
    migrations: [
      Init1763800000000,
      StatusReporting1763900000000,
      Indicators1764000000000,
      TaskState1764100000000,
      ResolvedDeadline1764300000000,
      TraceLinkMirror1764400000000,
    ],
    resolvers: [
      ProvinceResolver,
      ProvincialPlanResolver,
      ProvincialTaskResolver,
      ProvincialTaskStatusResolver,
      TaskStateResolver,
      ProvinceWarningsResolver,
      CentralTaskImplementationsResolver,
      ProvincialIndicatorResolver,
      ProvincialPlanIndicatorsResolver,
      ProvinceProgressResolver,
      ProvinceAgenciesResolver,
      ProvincialPlanProgressResolver,
      ProvinceRankingResolver,
      CentralTaskImplementationProgressResolver,
    ],
    resolverArgs: [httpEntityClient(urls.centralUrl)],
    createLoaders: createProvincialLoaders,
    seed: seedProvincial,
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, TaskLevel.PROVINCIAL);
      await catchUpTraceLinks(dataSource, TaskLevel.PROVINCIAL);
    },
    references: {
      Province: {
        __resolveReference: (ref: { code: string }, { loaders }: ProvincialContext) =>
          loaders.provinceByCode.load(ref.code),
      },
      ProvincialPlan: {
        __resolveReference: (ref: { id: string }, { loaders }: ProvincialContext) =>
          loaders.planById.load(ref.id),
      },
      ProvincialTask: {
        __resolveReference: (ref: { id: string }, { loaders }: ProvincialContext) =>
          loaders.taskById.load(ref.id),
      },
      ProvincialIndicator: {
        __resolveReference: (ref: { id: string }, { loaders }: ProvincialContext) =>
          loaders.indicatorById.load(ref.id),
      },
    },
  };
}

/** Starts the provincial subgraph (provinces, plans, tasks, links to central tasks). */
export function start(options: ProvincialOptions): Promise<LevelServiceHandle> {
  return startLevelService(definition(options), options);
}
