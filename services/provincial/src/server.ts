import {
  httpEntityClient,
  levelServiceDefinition,
  startSubgraphService,
  TaskStateResolver,
} from '@nq57/shared';
import type { SubgraphServiceDefinition, SubgraphServiceHandle, SubgraphServiceOptions } from '@nq57/shared';
import { ProvinceResolver, ProvincesResolver } from './province/province.resolver';
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
import * as migrations from './migrations';
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
  return levelServiceDefinition(PROVINCIAL, {
    migrations: Object.values(migrations),
    linkRules: provincialLinkRules(httpEntityClient(urls.centralUrl)),
    resolvers: ({ dataSource, store }) => [
      new ProvinceResolver(),
      new ProvincesResolver(dataSource),
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
    ],
    createLoaders: createProvincialLoaders,
    seed: seedProvincial,
  });
}

/** Starts the provincial subgraph (provinces, plans, tasks, links to central tasks). */
export function start(options: ProvincialOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(options), options);
}
