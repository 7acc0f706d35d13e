import { createHash } from 'node:crypto';
import { ErrorCode, userError } from '@nq57/shared';
import { TaskSearchOrder } from './task-search.args';

/** Where a hit sits in RELEVANCE order: negated rank (as PostgreSQL prints the real), level, position, id. */
export interface RelevanceKey {
  order: TaskSearchOrder.RELEVANCE;
  /** `-ts_rank_cd(...)` as text, exactly as PostgreSQL printed it ("0" without a query). */
  rank: string;
  levelRank: number;
  position: number;
  taskId: string;
}

/** Where a hit sits in DEADLINE order: governing due date ("infinity" when none), id. */
export interface DeadlineKey {
  order: TaskSearchOrder.DEADLINE;
  due: string;
  taskId: string;
}

/** The sort key of one hit, which a cursor carries. */
export type SortKey = RelevanceKey | DeadlineKey;

const VERSION = 's1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A real as PostgreSQL prints it (shortest exact form): "-0.1", "0", "-1.2e-05".
const REAL = /^-?(\d+(\.\d+)?)(e[+-]?\d+)?$/;
const DAY = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
const INT4_MAX = 2_147_483_647;

/**
 * The binding of a cursor: a hash of everything that decides which rows come in which order. A cursor is good
 * only for the search that made it; `binding` takes the normalized query, filter, order and day.
 */
export function searchBinding(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** The opaque cursor of a hit: base64url of ["s1", binding, ...sort key]. */
export function encodeSearchCursor(binding: string, key: SortKey): string {
  const values =
    key.order === TaskSearchOrder.RELEVANCE
      ? [key.rank, key.levelRank, key.position, key.taskId]
      : [key.due, key.taskId];
  return Buffer.from(JSON.stringify([VERSION, binding, ...values])).toString('base64url');
}

/**
 * The sort key a cursor carries, for the search with `binding` in `order`; BAD_USER_INPUT for a cursor this hub
 * did not issue, one altered, or one issued for another query, filter, order or day.
 */
export function decodeSearchCursor(cursor: string, binding: string, order: TaskSearchOrder): SortKey {
  const parsed = parse(cursor);
  if (!parsed) throw badCursor('Not a search cursor of this hub: pass an endCursor of searchTasks');
  const [version, boundTo, ...values] = parsed;
  if (version !== VERSION || typeof boundTo !== 'string') {
    throw badCursor('Not a search cursor of this hub: pass an endCursor of searchTasks');
  }
  if (boundTo !== binding) {
    throw badCursor(
      'This cursor belongs to another search: pass the same query, filter, asOf and orderBy as the page it came from',
    );
  }
  const key = order === TaskSearchOrder.RELEVANCE ? relevanceKey(values) : deadlineKey(values);
  if (!key || encodeSearchCursor(binding, key) !== cursor) {
    throw badCursor('Not a search cursor of this hub: pass an endCursor of searchTasks');
  }
  return key;
}

function parse(cursor: string): unknown[] | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function relevanceKey(values: unknown[]): RelevanceKey | null {
  const [rank, levelRank, position, taskId] = values;
  const valid =
    values.length === 4 &&
    typeof rank === 'string' &&
    REAL.test(rank) &&
    Number.isInteger(levelRank) &&
    (levelRank as number) >= 0 &&
    (levelRank as number) <= 2 &&
    Number.isInteger(position) &&
    Math.abs(position as number) <= INT4_MAX &&
    typeof taskId === 'string' &&
    UUID.test(taskId);
  return valid
    ? {
        order: TaskSearchOrder.RELEVANCE,
        rank: rank as string,
        levelRank: levelRank as number,
        position: position as number,
        taskId: taskId as string,
      }
    : null;
}

function deadlineKey(values: unknown[]): DeadlineKey | null {
  const [due, taskId] = values;
  const valid =
    values.length === 2 &&
    typeof due === 'string' &&
    DAY.test(due) &&
    (due === 'infinity' || isRealDay(due)) &&
    typeof taskId === 'string' &&
    UUID.test(taskId);
  return valid ? { order: TaskSearchOrder.DEADLINE, due: due as string, taskId: taskId as string } : null;
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function badCursor(message: string): Error {
  return userError(ErrorCode.BAD_USER_INPUT, message, { argument: 'after' });
}
