import { subgraphsOf, type TestHub } from './hub';

/** Every count of a ProgressRollup, as a GraphQL selection. */
export const ROLLUP_COUNTS =
  'total notStarted inProgress completedOnTime completedLate cancelled overdue green yellow red grey';

/** A roll-up as the hub returns it. */
export type Rollup = Record<string, number | string>;

/** A task as a roll-up counts it: its reported status and its state on the roll-up's date. */
export interface StatedTask {
  id: string;
  status: string;
  state: { light: string; overdue: boolean };
}

const STATUS_COUNT: Record<string, string> = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  COMPLETED_ON_TIME: 'completedOnTime',
  COMPLETED_LATE: 'completedLate',
  CANCELLED: 'cancelled',
};

/** A roll-up as of `asOf` with the given counts and zeros elsewhere. */
export function rollupOf(asOf: string, counts: Record<string, number>): Rollup {
  const zeros = Object.fromEntries(ROLLUP_COUNTS.split(' ').map((count) => [count, 0]));
  return { asOf, ...zeros, ...counts };
}

/** The roll-up the hub should give for `tasks`, tallied here from each task's own status and state fields. */
export function tallyRollup(asOf: string, tasks: readonly StatedTask[]): Rollup {
  const counts: Record<string, number> = { total: tasks.length };
  const add = (count: string): void => {
    counts[count] = (counts[count] ?? 0) + 1;
  };
  for (const { status, state } of tasks) {
    add(STATUS_COUNT[status]);
    add(state.light.toLowerCase());
    if (state.overdue) add('overdue');
  }
  return rollupOf(asOf, counts);
}

/** The data of an operation sent to the hub's gateway, which must answer without errors. */
export async function dataOf<T>(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await hub.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** How many SQL statements each subgraph ran while the hub answered `query`. */
export async function statementsFor(hub: TestHub, query: string): Promise<Record<string, number>> {
  const subgraphs = subgraphsOf(hub);
  const before = Object.fromEntries(subgraphs.map((s) => [s.name, s.queries.total]));
  await dataOf(hub, query);
  return Object.fromEntries(subgraphs.map((s) => [s.name, s.queries.total - before[s.name]]));
}
