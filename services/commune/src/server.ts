import {
  httpEntityClient,
  levelServiceDefinition,
  startSubgraphService,
  TaskStateResolver,
} from '@nq57/shared';
import type { SubgraphServiceDefinition, SubgraphServiceHandle, SubgraphServiceOptions } from '@nq57/shared';
import {
  CommuneProvinceResolver,
  CommuneResolver,
  ProvinceCommunesResolver,
} from './commune/commune.resolver';
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
import * as migrations from './migrations';
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
  return levelServiceDefinition(COMMUNE, {
    migrations: Object.values(migrations),
    linkRules: communeLinkRules(upper),
    resolvers: ({ dataSource, store }) => [
      new CommuneProvinceResolver(),
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
    ],
    orphanedTypes: [ImplementationProgressRef],
    createLoaders: createCommuneLoaders,
    seed: seedCommune,
    references: { ImplementationProgress: { __resolveReference: checkedImplementationRef } },
  });
}

/** Starts the commune subgraph (communes, plans, tasks, links to provincial and central tasks). */
export function start(options: CommuneOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(options), options);
}
