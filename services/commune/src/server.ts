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
import { Commune } from './commune/commune.entity';
import { CommuneResolver, ProvinceCommunesResolver } from './commune/commune.resolver';
import { CommunePlan } from './commune-plan/commune-plan.entity';
import { CommunePlanResolver } from './commune-plan/commune-plan.resolver';
import { CommuneTask } from './commune-task/commune-task.entity';
import { CommuneTaskResolver } from './commune-task/commune-task.resolver';
import { CommuneTaskStatusResolver } from './commune-task/commune-task-status.resolver';
import { CommuneWarningsResolver } from './warning/commune-warnings.resolver';
import { CentralTaskCommuneTasksResolver } from './central-task/central-task.resolver';
import { ProvincialTaskCommuneTasksResolver } from './provincial-task/provincial-task.resolver';
import { CommuneIndicator } from './indicator/commune-indicator.entity';
import {
  CommuneIndicatorResolver,
  CommunePlanIndicatorsResolver,
} from './indicator/commune-indicator.resolver';
import { createCommuneLoaders, type CommuneContext, type CommuneLoaders } from './loaders';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { StatusReporting1763900000000 } from './migrations/1763900000000-status-reporting';
import { Indicators1764000000000 } from './migrations/1764000000000-indicators';
import { TaskState1764100000000 } from './migrations/1764100000000-task-state';
import { ResolvedDeadline1764300000000 } from './migrations/1764300000000-resolved-deadline';
import { TraceLinkMirror1764400000000 } from './migrations/1764400000000-trace-link-mirror';
import {
  CommuneAgenciesResolver,
  CommunePlanProgressResolver,
  CommuneProgressResolver,
  ProvinceCommuneProgressResolver,
} from './commune/commune-progress.resolver';
import { CommuneRankingResolver } from './ranking/commune-ranking.resolver';
import { ImplementationProgressRef } from './implementation/implementation-progress.type';
import { ImplementationProgressResolver } from './implementation/implementation-progress.resolver';
import { checkedImplementationRef } from './implementation/implementation.reference';
import { seedCommune } from './seed';

/** Where the commune subgraph runs, and the subgraphs it checks links against. */
export interface CommuneOptions extends LevelServiceOptions {
  centralUrl: string;
  provincialUrl: string;
}

/** The parts of the commune subgraph (schema, tables, loaders, seed). */
export function definition(urls: {
  centralUrl: string;
  provincialUrl: string;
}): LevelServiceDefinition<CommuneLoaders> {
  return {
    name: 'commune',
    schema: 'commune',
    entities: [Commune, CommunePlan, CommuneTask, CommuneIndicator],
    migrations: [
      Init1763800000000,
      StatusReporting1763900000000,
      Indicators1764000000000,
      TaskState1764100000000,
      ResolvedDeadline1764300000000,
      TraceLinkMirror1764400000000,
    ],
    resolvers: [
      CommuneResolver,
      ProvinceCommunesResolver,
      CommunePlanResolver,
      CommuneTaskResolver,
      CommuneTaskStatusResolver,
      TaskStateResolver,
      CommuneWarningsResolver,
      CentralTaskCommuneTasksResolver,
      ProvincialTaskCommuneTasksResolver,
      CommuneIndicatorResolver,
      CommunePlanIndicatorsResolver,
      CommuneProgressResolver,
      CommuneAgenciesResolver,
      CommunePlanProgressResolver,
      ProvinceCommuneProgressResolver,
      CommuneRankingResolver,
      ImplementationProgressResolver,
    ],
    orphanedTypes: [ImplementationProgressRef],
    resolverArgs: [
      { central: httpEntityClient(urls.centralUrl), provincial: httpEntityClient(urls.provincialUrl) },
    ],
    createLoaders: createCommuneLoaders,
    seed: seedCommune,
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, TaskLevel.COMMUNE);
      await catchUpTraceLinks(dataSource, TaskLevel.COMMUNE);
    },
    references: {
      Commune: {
        __resolveReference: (ref: { code: string }, { loaders }: CommuneContext) =>
          loaders.communeByCode.load(ref.code),
      },
      CommunePlan: {
        __resolveReference: (ref: { id: string }, { loaders }: CommuneContext) =>
          loaders.planById.load(ref.id),
      },
      CommuneTask: {
        __resolveReference: (ref: { id: string }, { loaders }: CommuneContext) =>
          loaders.taskById.load(ref.id),
      },
      ImplementationProgress: { __resolveReference: checkedImplementationRef },
      CommuneIndicator: {
        __resolveReference: (ref: { id: string }, { loaders }: CommuneContext) =>
          loaders.indicatorById.load(ref.id),
      },
    },
  };
}

/** Starts the commune subgraph (communes, plans, tasks, links to provincial and central tasks). */
export function start(options: CommuneOptions): Promise<LevelServiceHandle> {
  return startLevelService(definition(options), options);
}
