import { TaskLevel } from '../task/task-status';

/** What a cited number adds to a candidate's score: enough to rank the cited directive's tasks first. */
export const CITED_WEIGHT = 0.25;
/** What the wording weighs: a verbatim copy without a cited number scores 0.75, never auto-accepted. */
export const SIMILARITY_WEIGHT = 1 - CITED_WEIGHT;
/**
 * The score at and above which a suggestion may be accepted without a planner (`autoAccept`): a cited number and
 * a similarity of at least 0.8. Chosen on the seed data (npm run bench:suggestions): the best-scoring wrong
 * candidate scores 0.815, the threshold keeps a margin above it.
 */
export const LINK_SUGGESTION_THRESHOLD = 0.85;
/** Below this similarity a candidate that no cited number supports is noise, not a suggestion. */
export const MIN_UNCITED_SIMILARITY = 0.3;
/** The most suggestions one task returns (`first`). */
export const MAX_SUGGESTIONS = 20;

/** One ranked candidate as the suggestion statement returns it. */
export interface SuggestionRow {
  task_id: string;
  target_id: string;
  target_level: TaskLevel.CENTRAL | TaskLevel.PROVINCIAL;
  similarity: number;
  /** The candidate's directive or plan number when the row cites it, else null. */
  cited_number: string | null;
}

/** A candidate with its score and the words that explain it. */
export interface ScoredSuggestion {
  taskId: string;
  level: TaskLevel.CENTRAL | TaskLevel.PROVINCIAL;
  targetId: string;
  score: number;
  similarity: number;
  citedNumbers: string[];
  reason: string;
  autoAccept: boolean;
}

/** The score of a candidate: 0.75 × similarity, plus 0.25 when the row cites the candidate's document. */
export function suggestionScore(similarity: number, cited: boolean): number {
  return round(SIMILARITY_WEIGHT * similarity + (cited ? CITED_WEIGHT : 0));
}

/** Why a candidate is suggested, as a planner reads it: "cited 07-TB/CQTTBCĐ, similarity 0.82". */
export function suggestionReason(citedNumbers: readonly string[], similarity: number): string {
  const wording = `similarity ${similarity.toFixed(2)}`;
  return citedNumbers.length === 0 ? wording : `cited ${citedNumbers.join(', ')}, ${wording}`;
}

/** The evidence an accepted suggestion's link records. */
export function suggestionEvidence(reason: string): string {
  return `suggested: ${reason}`;
}

/** A statement row as the suggestion the API returns. */
export function scoredSuggestion(row: SuggestionRow): ScoredSuggestion {
  const similarity = round(Number(row.similarity));
  const citedNumbers = row.cited_number === null ? [] : [row.cited_number];
  const score = suggestionScore(similarity, citedNumbers.length > 0);
  return {
    taskId: row.task_id,
    level: row.target_level,
    targetId: row.target_id,
    score,
    similarity,
    citedNumbers,
    reason: suggestionReason(citedNumbers, similarity),
    autoAccept: score >= LINK_SUGGESTION_THRESHOLD,
  };
}

// Three decimals: enough to rank and to read, and the same in every answer (a real's last digits are noise).
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
