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
import { ProvinceResolver } from './province/province.resolver';
import { ProvincialPlanResolver } from './provincial-plan/provincial-plan.resolver';
import {
  ProvincialTaskResolver,
  ProvincialTaskLinksResolver,
  ProvincialSameLevelTasksResolver,
} from './provincial-task/provincial-task.resolver';
import { ProvincialTaskStatusResolver } from './provincial-task/provincial-task-status.resolver';
import { ProvinceWarningsResolver } from './warning/province-warnings.resolver';
import { CentralTaskImplementationsResolver } from './central-task/central-task.resolver';
import {
  ProvincialIndicatorResolver,
  ProvincialPlanIndicatorsResolver,
} from './indicator/provincial-indicator.resolver';
import { createProvincialLoaders, type ProvincialLoaders } from './loaders';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { StatusReporting1763900000000 } from './migrations/1763900000000-status-reporting';
import { Indicators1764000000000 } from './migrations/1764000000000-indicators';
import { TaskState1764100000000 } from './migrations/1764100000000-task-state';
import { ResolvedDeadline1764300000000 } from './migrations/1764300000000-resolved-deadline';
import { TraceLinkMirror1764400000000 } from './migrations/1764400000000-trace-link-mirror';
import { LinkSuggestions1764700000000 } from './migrations/1764700000000-link-suggestions';
import { Amendments1764800000000 } from './migrations/1764800000000-amendments';
import { ProvincialTaskSuggestionsResolver } from './provincial-task/provincial-task-suggestions.resolver';
import {
  ProvinceAgenciesResolver,
  ProvinceProgressResolver,
  ProvincialPlanProgressResolver,
} from './province/province-progress.resolver';
import { ProvinceRankingResolver } from './ranking/province-ranking.resolver';
import { CentralTaskImplementationProgressResolver } from './central-task/implementation-progress.resolver';
import { PROVINCIAL } from './level';
import { seedProvincial } from './seed';
import { provincialLinkRules } from './provincial-task/provincial-task.links';

/** Where the provincial subgraph runs, and the central subgraph it checks links against. */
export interface ProvincialOptions extends SubgraphServiceOptions {
  centralUrl: string;
}

/** The parts of the provincial subgraph (schema, tables, loaders, seed). */
export function definition(urls: { centralUrl: string }): SubgraphServiceDefinition<ProvincialLoaders> {
  const central = httpEntityClient(urls.centralUrl);
  return {
    name: 'provincial',
    schema: 'provincial',
    entities: levelEntities(PROVINCIAL),
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
      const store = new LevelTaskStore(PROVINCIAL, dataSource, provincialLinkRules(central));
      return [
        new ProvinceResolver(dataSource),
        new ProvincialPlanResolver(store),
        new ProvincialTaskResolver(store),
        new ProvincialTaskLinksResolver(store),
        new ProvincialSameLevelTasksResolver(),
        new ProvincialTaskStatusResolver(store),
        new ProvincialTaskSuggestionsResolver(dataSource, store),
        new TaskStateResolver(),
        new ProvinceWarningsResolver(),
        new CentralTaskImplementationsResolver(),
        new ProvincialIndicatorResolver(dataSource),
        new ProvincialPlanIndicatorsResolver(),
        new ProvinceProgressResolver(),
        new ProvinceAgenciesResolver(),
        new ProvincialPlanProgressResolver(),
        new ProvinceRankingResolver(dataSource),
        new CentralTaskImplementationProgressResolver(),
      ];
    },
    createLoaders: createProvincialLoaders,
    seed: seedProvincial,
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, TaskLevel.PROVINCIAL);
      await catchUpTraceLinks(dataSource, TaskLevel.PROVINCIAL);
    },
    references: {
      ...levelReferences(PROVINCIAL),
    },
  };
}

/** Starts the provincial subgraph (provinces, plans, tasks, links to central tasks). */
export function start(options: ProvincialOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(options), options);
}
