import {
  catchUpSearchIndex,
  levelEntities,
  levelReferences,
  catchUpTraceLinks,
  httpEntityClient,
  startSubgraphService,
  LevelTaskStore,
  TaskLevel,
  TaskStateResolver,
  type SubgraphServiceDefinition,
  type SubgraphServiceHandle,
  type SubgraphServiceOptions,
} from '@nq57/shared';
import { CommuneResolver, ProvinceCommunesResolver } from './commune/commune.resolver';
import { CommunePlanResolver } from './commune-plan/commune-plan.resolver';
import {
  CommuneTaskResolver,
  CommuneTaskLinksResolver,
  CommuneSameLevelTasksResolver,
} from './commune-task/commune-task.resolver';
import { CommuneTaskStatusResolver } from './commune-task/commune-task-status.resolver';
import { CommuneWarningsResolver } from './warning/commune-warnings.resolver';
import { CentralTaskCommuneTasksResolver } from './central-task/central-task.resolver';
import { ProvincialTaskCommuneTasksResolver } from './provincial-task/provincial-task.resolver';
import {
  CommuneIndicatorResolver,
  CommunePlanIndicatorsResolver,
} from './indicator/commune-indicator.resolver';
import { createCommuneLoaders, type CommuneLoaders } from './loaders';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { StatusReporting1763900000000 } from './migrations/1763900000000-status-reporting';
import { Indicators1764000000000 } from './migrations/1764000000000-indicators';
import { TaskState1764100000000 } from './migrations/1764100000000-task-state';
import { ResolvedDeadline1764300000000 } from './migrations/1764300000000-resolved-deadline';
import { TraceLinkMirror1764400000000 } from './migrations/1764400000000-trace-link-mirror';
import { LinkSuggestions1764700000000 } from './migrations/1764700000000-link-suggestions';
import { Amendments1764800000000 } from './migrations/1764800000000-amendments';
import { CommuneTaskSuggestionsResolver } from './commune-task/commune-task-suggestions.resolver';
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
import { COMMUNE } from './level';
import { seedCommune } from './seed';
import { communeLinkRules } from './commune-task/commune-task.links';

/** Where the commune subgraph runs, and the subgraphs it checks links against. */
export interface CommuneOptions extends SubgraphServiceOptions {
  centralUrl: string;
  provincialUrl: string;
}

/** The parts of the commune subgraph (schema, tables, loaders, seed). */
export function definition(urls: {
  centralUrl: string;
  provincialUrl: string;
}): SubgraphServiceDefinition<CommuneLoaders> {
  const upper = {
    central: httpEntityClient(urls.centralUrl),
    provincial: httpEntityClient(urls.provincialUrl),
  };
  return {
    name: 'commune',
    schema: 'commune',
    entities: levelEntities(COMMUNE),
    migrations: [
      Init1763800000000,
      StatusReporting1763900000000,
      Indicators1764000000000,
      TaskState1764100000000,
      ResolvedDeadline1764300000000,
      TraceLinkMirror1764400000000,
      LinkSuggestions1764700000000,
      Amendments1764800000000,
    ],
    resolvers: ({ dataSource }) => {
      const store = new LevelTaskStore(COMMUNE, dataSource, communeLinkRules(upper));
      return [
        new CommuneResolver(),
        new ProvinceCommunesResolver(),
        new CommunePlanResolver(store),
        new CommuneTaskResolver(store),
        new CommuneTaskLinksResolver(store),
        new CommuneSameLevelTasksResolver(),
        new CommuneTaskStatusResolver(store),
        new CommuneTaskSuggestionsResolver(dataSource, store),
        new TaskStateResolver(),
        new CommuneWarningsResolver(),
        new CentralTaskCommuneTasksResolver(),
        new ProvincialTaskCommuneTasksResolver(),
        new CommuneIndicatorResolver(dataSource),
        new CommunePlanIndicatorsResolver(),
        new CommuneProgressResolver(),
        new CommuneAgenciesResolver(),
        new CommunePlanProgressResolver(),
        new ProvinceCommuneProgressResolver(),
        new CommuneRankingResolver(),
        new ImplementationProgressResolver(),
      ];
    },
    orphanedTypes: [ImplementationProgressRef],
    createLoaders: createCommuneLoaders,
    seed: seedCommune,
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, TaskLevel.COMMUNE);
      await catchUpTraceLinks(dataSource, TaskLevel.COMMUNE);
    },
    references: {
      ...levelReferences(COMMUNE),
      ImplementationProgress: { __resolveReference: checkedImplementationRef },
    },
  };
}

/** Starts the commune subgraph (communes, plans, tasks, links to provincial and central tasks). */
export function start(options: CommuneOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(options), options);
}
