import { taskStateJoin, type TaskLevel } from '@nq57/shared';
import { SEARCH_CONFIG } from '../migrations/1764200000000-task-search';
import { TaskSearchOrder } from './task-search.args';
import type { SearchRequest } from './search-request';

/** One parameterised statement. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A row of a result page, with the sort key its cursor carries. */
export interface SearchRow {
  task_id: string;
  level: TaskLevel;
  content: string;
  level_rank: number;
  position: number;
  /** due_key as text: "2025-12-15", or "infinity" without a due date. */
  due_key: string;
  /** -rank as PostgreSQL prints the real; "0" without a query. */
  rank_key: string;
  /** The rank (ts_rank_cd); null without a query. */
  score: number | null;
}

class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The page statement (`first + 1` rows after the cursor, to tell whether another page follows) and the count
 * statement (every matching row) of a search. Only values travel as parameters; the SQL text depends only on
 * which filters are given and on the order.
 */
export function searchStatements(request: SearchRequest): { page: Statement; count: Statement } {
  return { page: pageStatement(request), count: countStatement(request) };
}

function pageStatement(request: SearchRequest): Statement {
  const params = new Params();
  const { from, where, tsquery } = matching(request, params);
  const after = request.after;
  const columns = 's.task_id, s.level, s.content, s.level_rank, s.position, s.due_key';
  if (tsquery !== null && request.order === TaskSearchOrder.RELEVANCE) {
    // Every match must be ranked to find the best: the rank is computed once per match in a subquery kept
    // apart (OFFSET 0), then the cursor's condition, the sort and the limit apply to it.
    const keyset =
      after?.order === TaskSearchOrder.RELEVANCE
        ? `WHERE (m.key, m.level_rank, m.position, m.task_id) > (${params.add(after.rank)}::real, ` +
          `${params.add(after.levelRank)}::smallint, ${params.add(after.position)}::int, ${params.add(after.taskId)}::uuid)\n`
        : '';
    return {
      sql: `SELECT m.task_id, m.level, m.content, m.level_rank, m.position, m.due_key::text AS due_key,
       m.key::text AS rank_key, -m.key AS score
FROM (SELECT ${columns}, -ts_rank_cd(s.document, ${tsquery}) AS key
  FROM ${from}
  WHERE ${where.join('\n    AND ')}
  OFFSET 0) m
${keyset}ORDER BY m.key, m.level_rank, m.position, m.task_id
LIMIT ${params.add(request.first + 1)}`,
      params: params.values,
    };
  }
  // The other orders follow an index (due_key, task_id) or (level_rank, position, task_id): the cursor's condition
  // bounds the index scan, and the rank is computed only for the rows returned.
  let orderBy: string;
  if (request.order === TaskSearchOrder.DEADLINE) {
    orderBy = 's.due_key, s.task_id';
    if (after?.order === TaskSearchOrder.DEADLINE) {
      where.push(
        `(s.due_key, s.task_id) > (${params.add(after.due)}::date, ${params.add(after.taskId)}::uuid)`,
      );
    }
  } else {
    orderBy = 's.level_rank, s.position, s.task_id';
    if (after?.order === TaskSearchOrder.RELEVANCE) {
      where.push(
        `(s.level_rank, s.position, s.task_id) > (${params.add(after.levelRank)}::smallint, ` +
          `${params.add(after.position)}::int, ${params.add(after.taskId)}::uuid)`,
      );
    }
  }
  return {
    sql: `SELECT ${columns.replace('s.due_key', 's.due_key::text AS due_key')}, '0' AS rank_key,
       ${tsquery === null ? 'NULL::real' : `ts_rank_cd(s.document, ${tsquery})`} AS score
FROM ${from}
WHERE ${where.join('\n  AND ')}
ORDER BY ${orderBy}
LIMIT ${params.add(request.first + 1)}`,
    params: params.values,
  };
}

function countStatement(request: SearchRequest): Statement {
  const params = new Params();
  const { from, where } = matching(request, params);
  return {
    sql: `SELECT count(*)::int AS count\nFROM ${from}\nWHERE ${where.join('\n  AND ')}`,
    params: params.values,
  };
}

/**
 * The FROM clause, the conditions every matching row meets whatever the page, and the tsquery expression (null
 * without a query). The tsquery is written inline on a parameter: PostgreSQL plans each statement with its
 * values, folds the immutable search_fold/websearch_to_tsquery to a constant, and estimates it from statistics.
 */
function matching(
  request: SearchRequest,
  params: Params,
): { from: string; where: string[]; tsquery: string | null } {
  const { filter } = request;
  let from = 'task_search s';
  const where: string[] = [];
  let tsquery: string | null = null;
  if (request.query !== null) {
    // Folded like the document (search_fold), parsed by the same configuration: words AND-ed, "…" a phrase,
    // -word excluded, `or` an alternative. A query with no word left (only punctuation) matches nothing.
    tsquery = `websearch_to_tsquery('${SEARCH_CONFIG}', search_fold(${params.add(request.query)}))`;
    where.push(`s.document @@ ${tsquery}`);
  }
  if (filter.levels) where.push(`s.level = ANY(${params.add(filter.levels)}::text[])`);
  if (filter.provinceCode) where.push(`s.province_code = ${params.add(filter.provinceCode)}`);
  if (filter.communeCode) where.push(`s.commune_code = ${params.add(filter.communeCode)}`);
  if (filter.group !== undefined) where.push(`s.task_group = ${params.add(filter.group)}`);
  if (filter.statuses) where.push(`s.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.agency) {
    where.push(`s.lead_folded LIKE '%' || search_fold(${params.add(likeEscaped(filter.agency))}) || '%'`);
  }
  if (filter.dueFrom) {
    where.push(`s.due_key >= ${params.add(filter.dueFrom)}::date`, `s.due_key < 'infinity'::date`);
  }
  if (filter.dueTo) where.push(`s.due_key <= ${params.add(filter.dueTo)}::date`);
  if (filter.lights) {
    // The SQL twin of the light rules, once per row left by the other conditions.
    from += `\n${taskStateJoin('s', params.add(request.asOf), 'state', false)}`;
    where.push(`state.light = ANY(${params.add(filter.lights)}::text[])`);
  }
  if (where.length === 0) where.push('true');
  return { from, where, tsquery };
}

/** `text` with LIKE's wildcards and escape character taken literally. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
