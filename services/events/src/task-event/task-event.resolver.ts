import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { ErrorCode, userError } from '@nq57/shared';
import { TaskEvent } from './task-event.entity';
import { TaskEventFilter } from './task-event-filter.input';
import { TaskEventPage } from './task-event-page.type';
import { TaskEventRouting } from './task-event-routing.type';
import { compileFilter, type EventMatch } from '@nq57/shared/core';
import { matchSql } from './event-match';
import { decodeCursor, encodeCursor } from './cursor';
import { TASK_TYPENAMES, TaskRef } from '../task/task.ref';
import { liveEvents } from '../live/live-events';
import type { EventsContext } from '../loaders';

const MAX_PAGE = 500;

/** Committed events matching `match` after sequence `afterSeq`, oldest first, at most `limit`. */
export function readEvents(
  dataSource: DataSource,
  match: EventMatch,
  afterSeq: number,
  limit: number,
): Promise<TaskEvent[]> {
  const condition = matchSql(match, 'e');
  return dataSource
    .getRepository(TaskEvent)
    .createQueryBuilder('e')
    .where('e.seq > :afterSeq', { afterSeq })
    .andWhere(condition.where, condition.params)
    .orderBy('e.seq', 'ASC')
    .limit(limit)
    .getMany();
}

/** The live stream of status changes at every level, and reads of the log. */
@Resolver(() => TaskEvent)
export class TaskEventResolver {
  @Subscription(() => TaskEvent, {
    description:
      'Every accepted status change matching the filter, as it commits. With `after`, first every matching ' +
      'event committed after that cursor, in order: resume with the last cursor received and miss nothing.',
    subscribe: ({ args, context }) => {
      const { feed, dataSource } = context as EventsContext;
      const { filter, after } = args as { filter?: TaskEventFilter | null; after?: string | null };
      const afterSeq = after === undefined || after === null ? null : decodeCursor(after);
      return liveEvents(
        feed,
        (match, seq, limit) => readEvents(dataSource, match, seq, limit),
        compileFilter(filter),
        afterSeq,
      );
    },
  })
  taskStatusChanged(
    @Root() event: TaskEvent,
    @Arg('filter', () => TaskEventFilter, { nullable: true }) _filter?: TaskEventFilter,
    @Arg('after', () => String, { nullable: true }) _after?: string,
  ): TaskEvent {
    return event;
  }

  @Query(() => String, {
    description:
      'The cursor of the newest committed event. A view that reads this first, then its data, then subscribes ' +
      'with `after` set to it misses no event committed in between (events commit in sequence order).',
  })
  async eventLogHead(@Ctx() { dataSource }: EventsContext): Promise<string> {
    const [row] = (await dataSource.query('SELECT coalesce(max(seq), 0) AS seq FROM task_event')) as {
      seq: string;
    }[];
    return encodeCursor(Number(row.seq));
  }

  @Query(() => TaskEventPage, {
    description:
      'Committed events matching the filter after a cursor, oldest first (the log, for catching up)',
  })
  async taskEvents(
    @Ctx() { dataSource }: EventsContext,
    @Arg('filter', () => TaskEventFilter, { nullable: true }) filter?: TaskEventFilter,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<TaskEventPage> {
    if (first < 1 || first > MAX_PAGE) {
      throw userError(ErrorCode.BAD_USER_INPUT, `first is 1-${MAX_PAGE}`);
    }
    const afterSeq = after ? decodeCursor(after) : 0;
    const rows = await readEvents(dataSource, compileFilter(filter), afterSeq, first + 1);
    const events = rows.slice(0, first);
    return {
      events,
      endCursor: events.length > 0 ? encodeCursor(events[events.length - 1].seq) : (after ?? null),
      hasNextPage: rows.length > first,
    };
  }

  @FieldResolver(() => TaskRef, { description: 'The task that changed; its fields come from its level' })
  task(@Root() event: TaskEvent): TaskRef {
    return { __typename: TASK_TYPENAMES[event.level], id: event.taskId };
  }

  @FieldResolver(() => TaskEventRouting, {
    description:
      'Which filters select this event (derived when it was written): how a shared stream routes it',
  })
  routing(@Root() event: TaskEvent): TaskEventRouting {
    return {
      level: event.level,
      taskId: event.taskId,
      provinceCode: event.provinceCode,
      communeCode: event.communeCode,
      directiveKeys: event.directiveKeys,
    };
  }
}
