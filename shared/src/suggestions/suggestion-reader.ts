import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import type { TaskLevel } from '../task/task-status';
import {
  CITED_WEIGHT,
  MAX_SUGGESTIONS,
  MIN_UNCITED_SIMILARITY,
  SIMILARITY_WEIGHT,
  scoredSuggestion,
  type ScoredSuggestion,
  type SuggestionRow,
} from './suggestion-score';
import { suggestionPairSql, suggestionsSql, suggestionsValues } from './suggestion-sql';

/** What the suggestion statements need of a connection: raw SQL in the level's own schema. */
export type SuggestionRunner = Pick<EntityManager, 'query'>;

type SuggestingLevel = TaskLevel.PROVINCIAL | TaskLevel.COMMUNE;

// Tuned on the seed data and the national data set (docs/decisions/0011-suggested-links.md): these keep every
// seed link the exhaustive comparison finds in the top 3, at a fifth of its cost.
const RARE_AT_MOST = 3;
const RARE_SHARE = 0.1;
const SHORTLIST_EXTRA = 5;

/** The ranked suggestions of each task in `taskIds` (one statement for all of them). */
export async function readSuggestions(
  runner: SuggestionRunner,
  level: SuggestingLevel,
  taskIds: readonly string[],
  first: number,
): Promise<Map<string, ScoredSuggestion[]>> {
  const rows = (await runner.query(
    suggestionsSql(level),
    suggestionsValues({
      taskIds: [...taskIds],
      first,
      minUncitedSimilarity: MIN_UNCITED_SIMILARITY,
      rareAtMost: RARE_AT_MOST,
      rareShare: RARE_SHARE,
      shortlistExtra: SHORTLIST_EXTRA,
      similarityWeight: SIMILARITY_WEIGHT,
      citedWeight: CITED_WEIGHT,
    }),
  )) as SuggestionRow[];
  const byTask = new Map<string, ScoredSuggestion[]>();
  for (const row of rows) {
    const list = byTask.get(row.task_id) ?? [];
    list.push(scoredSuggestion(row));
    byTask.set(row.task_id, list);
  }
  return byTask;
}

/** The signals of one task and one candidate, or null when either is not known. */
export async function readSuggestionPair(
  runner: SuggestionRunner,
  level: SuggestingLevel,
  taskId: string,
  target: { level: TaskLevel; id: string },
): Promise<ScoredSuggestion | null> {
  const rows = (await runner.query(suggestionPairSql(level), [
    taskId,
    target.id,
    target.level,
  ])) as SuggestionRow[];
  return rows.length === 0 ? null : scoredSuggestion(rows[0]);
}

/** Checks `first` of suggestedLinks: 1 to MAX_SUGGESTIONS. */
export function checkSuggestionCount(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw userError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_SUGGESTIONS}`, { first });
  }
}

// One loader per request and `first`: the request's loaders object is the per-request key, so nothing is shared
// between requests and nothing needs adding to every level's loader factory.
const perRequest = new WeakMap<object, Map<number, DataLoader<string, ScoredSuggestion[]>>>();

/** The request's loader of suggestions with `first` per task, batching every task of the query into one statement. */
export function suggestionLoader(
  request: object,
  runner: SuggestionRunner,
  level: SuggestingLevel,
  first: number,
): DataLoader<string, ScoredSuggestion[]> {
  let loaders = perRequest.get(request);
  if (!loaders) perRequest.set(request, (loaders = new Map()));
  let loader = loaders.get(first);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await readSuggestions(runner, level, ids, first);
      return ids.map((id) => found.get(id) ?? []);
    });
    loaders.set(first, loader);
  }
  return loader;
}
