import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderPerArgument } from '../loaders';
import { PROGRESS_COUNTS, ProgressRollup, type ProgressCount } from './progress.type';
import { taskStateJoin } from './task-state-sql';

// The aggregate each count is; `task` is the task table's alias, `state` the lateral task_state row's.
const COUNT_FILTERS: Readonly<Record<ProgressCount, string>> = {
  total: 'true',
  notStarted: "task.status = 'NOT_STARTED'",
  inProgress: "task.status = 'IN_PROGRESS'",
  completedOnTime: "task.status = 'COMPLETED_ON_TIME'",
  completedLate: "task.status = 'COMPLETED_LATE'",
  cancelled: "task.status = 'CANCELLED'",
  overdue: 'state.overdue',
  green: "state.light = 'GREEN'",
  yellow: "state.light = 'YELLOW'",
  red: "state.light = 'RED'",
  grey: "state.light = 'GREY'",
};

/** The aggregate columns of a roll-up (`count(*) FILTER (...) AS "<count>"`) over tasks `task` and states `state`. */
export const PROGRESS_AGGREGATES = PROGRESS_COUNTS.map(
  (count) => `count(*) FILTER (WHERE ${COUNT_FILTERS[count]})::int AS "${count}"`,
).join(',\n  ');

/** How a set of roll-ups is selected: tasks aliased `task`, grouped by the expression `key`. */
export interface ProgressQuery {
  /** The FROM clause: must name the level's task table `task` (joins to plans, links, … may follow). */
  from: string;
  /** The grouping expression, compared with `= ANY($1)` against the keys asked for. */
  key: string;
  /** Common table expressions the FROM clause reads (without the WITH keyword). */
  with?: string;
  /** More output columns, aggregates over the group (e.g. `array_agg(task.id) AS "taskIds"`). */
  columns?: string;
}

/**
 * The statement of a roll-up query: $1 the keys, $2 the asOf date; one row per key that has tasks. Tasks an
 * amendment removed from their document are left out.
 */
export function progressSql({ from, key, with: ctes, columns }: ProgressQuery): string {
  return `${ctes ? `WITH RECURSIVE ${ctes}\n` : ''}SELECT ${key} AS key,
  ${PROGRESS_AGGREGATES}${columns ? `,\n  ${columns}` : ''}
FROM ${from}
${taskStateJoin('task', '$2')}
WHERE ${key} = ANY($1) AND task.removed_at IS NULL
GROUP BY ${key}`;
}

/** One row of a roll-up query: the key, the counts, and any extra columns asked for. */
export type ProgressRow = Record<ProgressCount, number> & { key: string } & Record<string, unknown>;

/** A roll-up from one aggregate row (zeros when the row is missing: a key with no task). */
export function progressOf(
  asOf: string,
  row: Partial<Record<ProgressCount, number>> | undefined,
): ProgressRollup {
  const rollup = Object.assign(new ProgressRollup(), { asOf });
  for (const count of PROGRESS_COUNTS) rollup[count] = Number(row?.[count] ?? 0);
  return rollup;
}

/** Runs a roll-up statement ($1 the keys, $2 asOf, then `more`) and returns the row of each key that has tasks. */
export async function progressRowsByKey(
  dataSource: DataSource,
  sql: string,
  keys: readonly string[],
  asOf: string,
  more: readonly unknown[] = [],
): Promise<Map<string, ProgressRow>> {
  const rows = await dataSource.query<ProgressRow[]>(sql, [[...keys], asOf, ...more]);
  return new Map(rows.map((row) => [String(row.key), row] as const));
}

/** What `progressLoaderPerDay` is told when its keys are not bare ids, or its values not bare roll-ups. */
export interface ProgressLoaderOptions<K, V> {
  /** The id of a key, matched against the query's key and used as the cache key. */
  id?: (key: K) => string;
  /** The parameters of a batch after $1 (the ids) and $2 (asOf). */
  params?: (keys: readonly K[]) => unknown[];
  /** What a key gets from its roll-up and its row (undefined for a key with no task). */
  value?: (progress: ProgressRollup, row: ProgressRow | undefined) => V;
}

/** `(asOf) => loader` of roll-ups by `query`: a loader per date, a statement per batch, zeros for no task. */
export function progressLoaderPerDay<K = string, V = ProgressRollup>(
  dataSource: DataSource,
  query: ProgressQuery,
  { id = String, params = () => [], value = (progress) => progress as V }: ProgressLoaderOptions<K, V> = {},
): (asOf: string) => DataLoader<K, V, string> {
  const sql = progressSql(query);
  return loaderPerArgument(
    (asOf: string) =>
      new DataLoader<K, V, string>(
        async (keys) => {
          const ids = keys.map(id);
          const byId = await progressRowsByKey(dataSource, sql, ids, asOf, params(keys));
          return ids.map((key) => {
            const row = byId.get(key);
            return value(progressOf(asOf, row), row);
          });
        },
        { cacheKeyFn: id },
      ),
  );
}

/** A factory per roll-up name: `(asOf) => loader`, one loader per asOf in a request. */
export type ProgressLoaders<N extends string> = Record<
  N,
  (asOf: string) => DataLoader<string, ProgressRollup>
>;

/** Roll-up loaders for every query named in `queries` (a level's Directive, Plan, Province, … roll-ups). */
export function progressLoaders<N extends string>(
  dataSource: DataSource,
  queries: Record<N, ProgressQuery>,
): ProgressLoaders<N> {
  const entries = Object.entries<ProgressQuery>(queries).map(([name, query]) => [
    name,
    progressLoaderPerDay(dataSource, query),
  ]);
  return Object.fromEntries(entries) as ProgressLoaders<N>;
}
