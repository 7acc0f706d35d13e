import { ErrorCode, checkedIsoDate, monitoringDay, userError } from '@nq57/shared';
import type { TaskLevel, TaskStatus, TrafficLight } from '@nq57/shared';
import { decodeSearchCursor, searchBinding, type SortKey } from './search-cursor';
import { foldText } from './highlight';
import { TaskSearchOrder, type SearchTasksArgs } from './task-search.args';

/** A filter with its lists sorted and deduplicated and its text trimmed: what the SQL and the cursor use. */
export interface SearchFilter {
  levels?: TaskLevel[];
  provinceCode?: string;
  communeCode?: string;
  group?: number;
  statuses?: TaskStatus[];
  lights?: TrafficLight[];
  agency?: string;
  dueFrom?: string;
  dueTo?: string;
}

/** A checked search: what to find, in which order, from where, how many. */
export interface SearchRequest {
  /** The text to find (trimmed, spaces collapsed, NFC); null lists every task the filter matches. */
  query: string | null;
  filter: SearchFilter;
  order: TaskSearchOrder;
  /** The day lights are judged on; null when the filter has no `lights`. */
  asOf: string | null;
  first: number;
  after: SortKey | null;
  /** What cursors of this search are bound to. */
  binding: string;
}

/**
 * Checks and normalizes the arguments of `searchTasks` (class-validator has already checked their shapes):
 * dates must be real (INVALID_DATE), a range must not be reversed, text must not be blank, a cursor must belong to
 * this very search (BAD_USER_INPUT).
 */
export function searchRequest(args: SearchTasksArgs): SearchRequest {
  const query = args.query === undefined || args.query === null ? '' : cleanText(args.query);
  const filter = searchFilter(args.filter);
  // asOf is checked whenever it is given, and matters only to the lights filter.
  const day = monitoringDay(args.asOf);
  const asOf = filter.lights ? day : null;
  const order = args.orderBy ?? TaskSearchOrder.RELEVANCE;
  // Folded, as the SQL folds it: "Chuyển đổi số" and "chuyen doi so" are one search, and share cursors.
  const binding = searchBinding([foldText(query), filter, order, asOf]);
  return {
    query: query === '' ? null : query,
    filter,
    order,
    asOf,
    first: args.first,
    after:
      args.after === undefined || args.after === null ? null : decodeSearchCursor(args.after, binding, order),
    binding,
  };
}

function searchFilter(input: SearchTasksArgs['filter']): SearchFilter {
  if (!input) return {};
  const filter: SearchFilter = {};
  if (input.levels) filter.levels = sortedSet(input.levels);
  if (input.provinceCode !== undefined && input.provinceCode !== null)
    filter.provinceCode = input.provinceCode;
  if (input.communeCode !== undefined && input.communeCode !== null) filter.communeCode = input.communeCode;
  if (input.group !== undefined && input.group !== null) filter.group = input.group;
  if (input.statuses) filter.statuses = sortedSet(input.statuses);
  if (input.lights) filter.lights = sortedSet(input.lights);
  if (input.agency !== undefined && input.agency !== null) {
    const agency = cleanText(input.agency);
    if (agency === '') throw userError(ErrorCode.BAD_USER_INPUT, 'agency must not be blank');
    filter.agency = agency;
  }
  if (input.dueFrom !== undefined && input.dueFrom !== null) {
    filter.dueFrom = checkedIsoDate(input.dueFrom, 'dueFrom');
  }
  if (input.dueTo !== undefined && input.dueTo !== null) filter.dueTo = checkedIsoDate(input.dueTo, 'dueTo');
  if (filter.dueFrom && filter.dueTo && filter.dueFrom > filter.dueTo) {
    throw userError(ErrorCode.BAD_USER_INPUT, `dueFrom ${filter.dueFrom} is after dueTo ${filter.dueTo}`);
  }
  return filter;
}

/** Text as searched: NFC (so a decomposed "ê" is one letter), control characters dropped, spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function sortedSet<T extends string>(values: T[]): T[] {
  return [...new Set(values)].sort();
}
