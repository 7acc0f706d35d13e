import {
  startSubgraphService,
  taskStateMigration,
  type SubgraphServiceDefinition,
  type SubgraphServiceHandle,
  type SubgraphServiceOptions,
  type ServiceAttachment,
} from '@nq57/shared';
import type { DataSource } from 'typeorm';
import { TaskEvent } from './task-event/task-event.entity';
import { TaskEventResolver } from './task-event/task-event.resolver';
import { CentralTaskRef, CommuneTaskRef, ProvincialTaskRef } from './task/task.ref';
import { TaskHistoryResolver } from './task/task-history.resolver';
import { EventFeed } from './live/event-feed';
import { createEventsLoaders, type EventsContext, type EventsLoaders } from './loaders';
import { EventLog1763900000000 } from './migrations/1763900000000-event-log';
import { TaskSearch1764200000000 } from './migrations/1764200000000-task-search';
import { WritePath1764400000000 } from './migrations/1764400000000-write-path';
import { EventKinds1764800000000 } from './migrations/1764800000000-event-kinds';
import { TaskSearchResolver } from './search/task-search.resolver';

const taskReference = {
  __resolveReference: (ref: { __typename: string; id: string }) => ({
    __typename: ref.__typename,
    id: ref.id,
  }),
};

/** The parts of the events subgraph: the event log, `history` on every task, the live subscription. */
export function definition(): SubgraphServiceDefinition<EventsLoaders> {
  return {
    name: 'events',
    schema: 'events',
    entities: [TaskEvent],
    // task_state(...) serves the search's lights filter, over task_search's columns (named as in task tables).
    migrations: [
      EventLog1763900000000,
      taskStateMigration(),
      TaskSearch1764200000000,
      WritePath1764400000000,
      EventKinds1764800000000,
    ],
    resolvers: () => [new TaskEventResolver(), new TaskHistoryResolver(), new TaskSearchResolver()],
    orphanedTypes: [CentralTaskRef, ProvincialTaskRef, CommuneTaskRef],
    createLoaders: createEventsLoaders,
    attach: startFeed,
    subscriptions: true,
    references: {
      TaskEvent: {
        __resolveReference: (ref: { id: string }, { loaders }: EventsContext) =>
          loaders.eventById.load(ref.id),
      },
      // History of a task unknown to its level is simply empty: no lookup needed to answer for any id.
      CentralTask: taskReference,
      ProvincialTask: taskReference,
      CommuneTask: taskReference,
    },
  };
}

async function startFeed(dataSource: DataSource, databaseUrl: string): Promise<ServiceAttachment> {
  const feed = new EventFeed(dataSource, databaseUrl);
  await feed.start();
  return {
    context: { feed, dataSource },
    health: () => ({ feed: feed.stats(), pool: poolStats(dataSource) }),
    stop: () => feed.stop(),
  };
}

function poolStats(dataSource: DataSource): { total: number; idle: number } {
  const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number } })
    .master;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0 };
}

/** Starts the events subgraph on `options.port` (0: a free port); it serves graphql-ws at /graphql too. */
export function start(options: SubgraphServiceOptions): Promise<SubgraphServiceHandle> {
  return startSubgraphService(definition(), options);
}
