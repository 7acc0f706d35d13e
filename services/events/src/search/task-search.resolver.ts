import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { TASK_TYPENAMES } from '../task/task.ref';
import type { EventsContext } from '../loaders';
import { encodeSearchCursor, type SortKey } from './search-cursor';
import { searchRequest, type SearchRequest } from './search-request';
import { searchStatements, type SearchRow } from './search-sql';
import { highlightSpans, queryTerms } from './highlight';
import { SearchTasksArgs, TaskSearchOrder } from './task-search.args';
import { TaskSearchConnection, TaskSearchHit } from './task-search.types';

/** Runs a checked search: one statement for the page; the count runs only if asked for. */
export async function runSearch(
  dataSource: DataSource,
  request: SearchRequest,
): Promise<TaskSearchConnection> {
  const { page, count } = searchStatements(request);
  const rows = (await dataSource.query(page.sql, page.params)) as SearchRow[];
  const shown = rows.slice(0, request.first);
  const terms = request.query === null ? new Set<string>() : queryTerms(request.query);
  const edges = shown.map((row) => ({
    cursor: encodeSearchCursor(request.binding, sortKey(request.order, row)),
    node: hit(row, terms),
  }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    countAll: () =>
      (counted ??= dataSource
        .query(count.sql, count.params)
        .then((result: { count: number }[]) => result[0].count)),
  };
}

function sortKey(order: TaskSearchOrder, row: SearchRow): SortKey {
  return order === TaskSearchOrder.DEADLINE
    ? { order, due: row.due_key, taskId: row.task_id }
    : { order, rank: row.rank_key, levelRank: row.level_rank, position: row.position, taskId: row.task_id };
}

function hit(row: SearchRow, terms: ReadonlySet<string>): TaskSearchHit {
  return {
    task: { __typename: TASK_TYPENAMES[row.level], id: row.task_id },
    level: row.level,
    score: row.score,
    highlights: highlightSpans(row.content, terms),
  };
}

/** `searchTasks`: full-text search over the tasks of every level, read from the search projection. */
@Resolver(() => TaskSearchConnection)
export class TaskSearchResolver {
  @Query(() => TaskSearchConnection, {
    description:
      'Tasks of every level matching words (accents and case ignored) and a filter, a page at a time; ' +
      'see docs/search.md. Reads are public, like every query.',
  })
  searchTasks(
    @Args(() => SearchTasksArgs) args: SearchTasksArgs,
    @Ctx() { dataSource }: EventsContext,
  ): Promise<TaskSearchConnection> {
    return runSearch(dataSource, searchRequest(args));
  }

  @FieldResolver(() => Int, { description: 'Every task matching the query and filter (not only this page)' })
  totalCount(@Root() connection: TaskSearchConnection): Promise<number> {
    return connection.countAll();
  }
}
