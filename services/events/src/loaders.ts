import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupLoader, loaderPerArgument, rowLoader, type RequestContext } from '@nq57/shared';
import { TaskEvent } from './task-event/task-event.entity';
import type { EventFeed } from './live/event-feed';

/** A page of one task's history: `first` events older than `beforeSeq` (newest first). */
export interface HistoryPageKey {
  first: number;
  beforeSeq: number | null;
}

/** The per-request loaders of the events subgraph. */
export interface EventsLoaders {
  eventById: DataLoader<string, TaskEvent | null>;
  /** One more event than asked per task, to tell whether another page exists. */
  historyByTaskId: (page: string) => DataLoader<string, TaskEvent[]>;
}

/** What every resolver of the events subgraph gets. */
export type EventsContext = RequestContext<EventsLoaders> & { feed: EventFeed; dataSource: DataSource };

/** Fresh loaders for one request. */
export function createEventsLoaders(dataSource: DataSource): EventsLoaders {
  const events = dataSource.getRepository(TaskEvent);
  return {
    eventById: rowLoader(
      (ids) => events.findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    historyByTaskId: loaderPerArgument((page: string) => {
      const { first, beforeSeq } = JSON.parse(page) as HistoryPageKey;
      return groupLoader(
        (taskIds) =>
          events
            .createQueryBuilder('e')
            .where(
              `e.seq IN (SELECT seq FROM (SELECT seq, row_number() OVER (PARTITION BY task_id ORDER BY seq DESC) AS n
                 FROM task_event WHERE task_id = ANY(:taskIds) AND (:beforeSeq::bigint IS NULL OR seq < :beforeSeq))
                 ranked WHERE n <= :limit)`,
              { taskIds: [...taskIds], beforeSeq, limit: first + 1 },
            )
            .orderBy('e.seq', 'DESC')
            .getMany(),
        (row) => row.taskId,
      );
    }),
  };
}
