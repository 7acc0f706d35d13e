import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ErrorCode, userError } from '@nq57/shared';
import { TaskEventPage } from '../task-event/task-event-page.type';
import { decodeCursor, encodeCursor } from '../task-event/cursor';
import { TaskRef } from './task.ref';
import type { EventsContext } from '../loaders';

const MAX_PAGE = 100;

/** `history` on every task type: its events, newest first, a page at a time. */
@Resolver(() => TaskRef)
export class TaskHistoryResolver {
  @FieldResolver(() => TaskEventPage, { description: 'Status changes of this task, newest first' })
  async history(
    @Root() task: TaskRef,
    @Ctx() { loaders }: EventsContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after?: string,
  ): Promise<TaskEventPage> {
    if (first < 1 || first > MAX_PAGE) throw userError(ErrorCode.BAD_USER_INPUT, `first is 1-${MAX_PAGE}`);
    const beforeSeq = after ? decodeCursor(after) : null;
    const rows = await loaders.historyByTaskId(JSON.stringify({ first, beforeSeq })).load(task.id);
    const events = rows.slice(0, first);
    return {
      events,
      endCursor: events.length > 0 ? encodeCursor(events[events.length - 1].seq) : null,
      hasNextPage: rows.length > first,
    };
  }
}
