import { EVENT_SCHEMA } from '../events/event-log';
import { CENTRAL_ROUTING_TABLE } from '../events/read-model';
import { SEARCH_TABLE } from '../search/search-index';
import { TaskLevel } from '../task/task-status';

/** Where a level's tasks and their province are, in its own schema (constants, never input). */
interface OwnSource {
  /** FROM clause with the task table as `t`. */
  from: string;
  provinceCode: string;
  /** Whether the province's provincial tasks are candidates too (commune tasks), or only central ones. */
  provincialCandidates: boolean;
}

const SOURCES: Record<TaskLevel.PROVINCIAL | TaskLevel.COMMUNE, OwnSource> = {
  [TaskLevel.PROVINCIAL]: {
    from: 'provincial_task t JOIN provincial_plan p ON p.id = t.plan_id',
    provinceCode: 'p.province_code',
    provincialCandidates: false,
  },
  [TaskLevel.COMMUNE]: {
    from: 'commune_task t JOIN commune_plan p ON p.id = t.plan_id JOIN commune j ON j.code = p.commune_code',
    provinceCode: 'j.province_code',
    provincialCandidates: true,
  },
};

/** Accents and case folded as the search projection folds them (events.search_fold, docs/search.md). */
const fold = (text: string): string => `${EVENT_SCHEMA}.search_fold(${text})`;

/**
 * documentNumberKey in SQL, for a provincial plan's number (central numbers come folded, with their aliases, from
 * the routing read model). pg_c_utf8 (PostgreSQL 17+) makes upper() the same Unicode mapping in every locale.
 */
const numberKey = (text: string): string =>
  `upper(regexp_replace(normalize(coalesce(${text}, ''), NFC), '\\s+', '', 'g') COLLATE pg_c_utf8)`;

/** The keys a row's cite must equal for the candidate to count as cited: its directive's, or its plan's number. */
const CANDIDATE_KEYS = `CASE WHEN s.level = 'CENTRAL' THEN coalesce(r.directive_keys, '{}'::text[])
  ELSE ARRAY[${numberKey('s.document_number')}] END`;

const IN_SCOPE = "(c.level = 'CENTRAL' OR c.province_code = o.province_code)";

/** The parameters of `suggestionsSql`, in order. */
export interface SuggestionParams {
  taskIds: string[];
  first: number;
  minUncitedSimilarity: number;
  /** A trigram is rare when at most this many candidates, or this share of them, hold it. */
  rareAtMost: number;
  rareShare: number;
  /** How many more candidates than `first` the trigram shortlist keeps for exact similarity. */
  shortlistExtra: number;
  similarityWeight: number;
  citedWeight: number;
}

/** The values of `suggestionsSql`'s parameters $1…$8. */
export function suggestionsValues(params: SuggestionParams): unknown[] {
  return [
    params.taskIds,
    params.first,
    params.minUncitedSimilarity,
    params.rareAtMost,
    params.rareShare,
    params.shortlistExtra,
    params.similarityWeight,
    params.citedWeight,
  ];
}

/**
 * One statement: the best `first` candidates of each of the tasks $1, excluding those already linked or
 * dismissed. pg_trgm's similarity costs about 70 µs a pair here (it re-derives both trigram sets), too much for
 * every pair in scope, so a shortlist comes first: candidates sharing the most *rare* trigrams with the task
 * (rare among the candidates: common syllables would pair everything with everything), plus every candidate
 * whose document the task cites. Only the shortlist gets the exact similarity and the score.
 */
export function suggestionsSql(level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE): string {
  const source = SOURCES[level];
  const provincial = source.provincialCandidates
    ? 'OR (s.level_rank = 1 AND s.province_code = ANY (ARRAY(SELECT DISTINCT province_code FROM own)))'
    : '';
  return `WITH own AS MATERIALIZED (
  SELECT t.id, ${source.provinceCode} AS province_code, ${fold('t.content')} AS folded,
         ARRAY(SELECT k.number_key FROM task_cite k WHERE k.task_id = t.id) AS cites
  FROM ${source.from} WHERE t.id = ANY ($1::uuid[])),
candidate AS MATERIALIZED (
  SELECT s.task_id AS id, s.level, s.province_code, s.document_number, s.position, ${fold('s.content')} AS folded,
         ${CANDIDATE_KEYS} AS keys
  FROM ${SEARCH_TABLE} s LEFT JOIN ${CENTRAL_ROUTING_TABLE} r ON r.task_id = s.task_id
  WHERE s.level_rank = 0 ${provincial}),
excluded AS MATERIALIZED (
  SELECT task_id, target_level, target_id FROM task_link WHERE task_id = ANY ($1::uuid[])
  UNION SELECT task_id, target_level, target_id FROM link_suggestion_dismissal WHERE task_id = ANY ($1::uuid[])),
trigram AS MATERIALIZED (
  SELECT c.id, c.level, c.province_code, g FROM candidate c, unnest(suggestion_trigrams(c.folded)) AS g),
rare AS MATERIALIZED (
  SELECT t.id, t.level, t.province_code, t.g FROM trigram t JOIN (
    SELECT g FROM trigram GROUP BY g
    HAVING count(*) <= greatest($4::int, $5::float8 * (SELECT count(*) FROM candidate))) r ON r.g = t.g),
own_rare AS MATERIALIZED (
  SELECT o.id, o.province_code, w.g FROM own o CROSS JOIN LATERAL unnest(suggestion_trigrams(o.folded)) AS w(g)
  WHERE w.g IN (SELECT g FROM rare)),
overlap AS (
  SELECT o.id AS task_id, c.id AS target_id, c.level, count(*) AS shared
  FROM own_rare o JOIN rare c ON c.g = o.g AND ${IN_SCOPE}
  GROUP BY o.id, c.id, c.level),
shortlist AS (
  SELECT task_id, target_id FROM (
    SELECT v.task_id, v.target_id, row_number() OVER (PARTITION BY v.task_id ORDER BY v.shared DESC, v.target_id) AS n
    FROM overlap v WHERE NOT EXISTS (SELECT 1 FROM excluded e
      WHERE e.task_id = v.task_id AND e.target_level = v.level AND e.target_id = v.target_id)) ranked
  WHERE n <= $2::int + $6::int
  UNION
  SELECT o.id, c.id FROM own o JOIN candidate c ON c.keys && o.cites AND ${IN_SCOPE}
  WHERE NOT EXISTS (SELECT 1 FROM excluded e
    WHERE e.task_id = o.id AND e.target_level = c.level AND e.target_id = c.id)),
scored AS MATERIALIZED (
  SELECT l.task_id, c.id AS target_id, c.level AS target_level, c.document_number, c.position,
         c.keys && o.cites AS cited, suggestion_similarity(o.folded, c.folded) AS similarity
  FROM shortlist l JOIN own o ON o.id = l.task_id JOIN candidate c ON c.id = l.target_id),
ranked AS (
  SELECT scored.*, row_number() OVER (PARTITION BY task_id
    ORDER BY $7::float8 * similarity + CASE WHEN cited THEN $8::float8 ELSE 0 END DESC,
             target_level DESC, document_number, position, target_id) AS n
  FROM scored WHERE cited OR similarity >= $3::float8)
SELECT task_id, target_id, target_level, similarity, CASE WHEN cited THEN document_number END AS cited_number
FROM ranked WHERE n <= $2::int ORDER BY task_id, n`;
}

/**
 * The signals of one task ($1) and one candidate ($2 at level $3), in scope or not, for the evidence an accepted
 * suggestion records; no row when either is unknown (the link path then says which).
 */
export function suggestionPairSql(level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE): string {
  const source = SOURCES[level];
  return `SELECT $1::uuid AS task_id, s.task_id AS target_id, s.level AS target_level,
  suggestion_similarity(${fold('t.content')}, ${fold('s.content')}) AS similarity,
  CASE WHEN ${CANDIDATE_KEYS} && ARRAY(SELECT k.number_key FROM task_cite k WHERE k.task_id = t.id)
       THEN s.document_number END AS cited_number
FROM ${source.from}
CROSS JOIN ${SEARCH_TABLE} s LEFT JOIN ${CENTRAL_ROUTING_TABLE} r ON r.task_id = s.task_id
WHERE t.id = $1::uuid AND s.task_id = $2::uuid AND s.level = $3`;
}
