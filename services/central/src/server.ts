import {
  catchUpCentralRouting,
  catchUpSearchIndex,
  startSubgraphService,
  TaskLevel,
  TaskStateResolver,
  type SubgraphServiceDefinition,
  type SubgraphServiceHandle,
  type SubgraphServiceOptions,
} from '@nq57/shared';
import { DirectiveDocument } from './directive/directive.entity';
import { DirectiveResolver } from './directive/directive.resolver';
import {
  DirectiveAgenciesResolver,
  DirectiveProgressResolver,
} from './directive/directive-progress.resolver';
import { CentralTask } from './central-task/central-task.entity';
import { CentralTaskResolver } from './central-task/central-task.resolver';
import { CentralTaskStatusResolver } from './central-task/central-task-status.resolver';
import { CentralTaskStore } from './central-task/central-task.store';
import { createCentralLoaders, type CentralContext, type CentralLoaders } from './loaders';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { StatusReporting1763900000000 } from './migrations/1763900000000-status-reporting';
import { TaskState1764100000000 } from './migrations/1764100000000-task-state';
import { ResolvedDeadline1764300000000 } from './migrations/1764300000000-resolved-deadline';
import { Amendments1764800000000 } from './migrations/1764800000000-amendments';
import { seedCentral } from './seed';

/** The parts of the central subgraph (schema, tables, loaders, seed). */
export function definition(): SubgraphServiceDefinition<CentralLoaders> {
  return {
    name: 'central',
    schema: 'central',
    entities: [DirectiveDocument, CentralTask],
    migrations: [
      Init1763800000000,
      StatusReporting1763900000000,
      TaskState1764100000000,
      ResolvedDeadline1764300000000,
      Amendments1764800000000,
    ],
    resolvers: ({ dataSource }) => {
      const store = new CentralTaskStore(dataSource);
      return [
        new DirectiveResolver(dataSource),
        new DirectiveProgressResolver(),
        new DirectiveAgenciesResolver(),
        new CentralTaskResolver(store),
        new CentralTaskStatusResolver(store),
        new TaskStateResolver(),
      ];
    },
    createLoaders: createCentralLoaders,
    seed: seedCentral,
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, TaskLevel.CENTRAL);
      await catchUpCentralRouting(dataSource);
    },
    references: {
      Directive: {
        __resolveReference: (ref: { id: string }, { loaders }: CentralContext) =>
          loaders.directiveById.load(ref.id),
      },
      CentralTask: {
        __resolveReference: (ref: { id: string }, { loaders }: CentralContext) =>
          loaders.taskById.load(ref.id),
      },
    },
  };
}

/** Starts the central subgraph (directives and central tasks) on `options.port` (0: a free port). */
export function start(options: SubgraphServiceOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(), options);
}
