import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text search configuration of the search document: no stemming, no stop words (Vietnamese syllables). */
export const SEARCH_CONFIG = 'pg_catalog.simple';

/**
 * The search projection (see docs/search.md): one row per task of every level, written by the levels in the
 * transaction of their change (shared/src/search/search-index.ts), read only by this subgraph (`searchTasks`).
 * The columns a level writes keep the task tables' names, so `task_state(...)` (taskStateJoin) reads them as is.
 */
export class TaskSearch1764200000000 implements MigrationInterface {
  name = 'TaskSearch1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    // Trusted extensions (PostgreSQL 13+): a database owner may create them. Each lands in this schema unless the
    // database already has it elsewhere, so their schema is looked up and written into what uses them.
    await runner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const unaccent = await extensionSchema(runner, 'unaccent');
    const trgm = await extensionSchema(runner, 'pg_trgm');
    const dictionary = await literal(runner, `${unaccent}.unaccent`);
    // unaccent() is STABLE (its dictionary could change), so it cannot index; this wrapper names the dictionary
    // explicitly, schema-qualified, and is declared IMMUTABLE: the usual pattern. Every caller's search_path
    // differs (each level writes with its own), hence the qualified names. 'Đ'/'đ' fold to 'd'.
    await runner.query(`CREATE FUNCTION search_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(${unaccent}.unaccent(${dictionary}::regdictionary, $1)) $$`);
    const vector = (column: string, weight: string): string =>
      `setweight(to_tsvector('${SEARCH_CONFIG}', search_fold(coalesce(${column}, ''))), '${weight}')`;
    await runner.query(`CREATE TABLE task_search (
      task_id uuid NOT NULL,
      level text NOT NULL CHECK (level IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')),
      ref text,
      ordinal text,
      position integer NOT NULL,
      content text NOT NULL,
      section text,
      task_group smallint,
      lead_text text,
      lead_names text,
      output text,
      document_id uuid NOT NULL,
      document_number text,
      document_ref text,
      province_code text,
      commune_code text,
      status text NOT NULL,
      deadline_kind text,
      deadline_due_date date,
      deadline_recurrence text,
      deadline_day_of_period smallint,
      central_deadline_kind text,
      central_deadline_due_date date,
      central_deadline_recurrence text,
      central_deadline_day_of_period smallint,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL,
      indexed_at timestamptz NOT NULL DEFAULT now(),
      level_rank smallint NOT NULL
        GENERATED ALWAYS AS (CASE level WHEN 'CENTRAL' THEN 0 WHEN 'PROVINCIAL' THEN 1 ELSE 2 END) STORED,
      due_key date NOT NULL
        GENERATED ALWAYS AS (coalesce(deadline_due_date, central_deadline_due_date, 'infinity'::date)) STORED,
      lead_folded text NOT NULL GENERATED ALWAYS AS (search_fold(coalesce(lead_names, ''))) STORED,
      document tsvector NOT NULL GENERATED ALWAYS AS (
        ${vector('content', 'A')} || ${vector('lead_names', 'B')} ||
        ${vector('section', 'C')} || ${vector('output', 'D')}) STORED,
      -- The levels' start-up catch-up compares (version, updated_at) by id: an index-only scan.
      PRIMARY KEY (task_id) INCLUDE (version, updated_at))
      -- Rows stay whole in the heap (up to 8 kB): a search reads each document once, not again from TOAST to rank it.
      WITH (toast_tuple_target = 8160)`);
    await runner.query('CREATE INDEX task_search_document_idx ON task_search USING gin (document)');
    await runner.query(
      `CREATE INDEX task_search_lead_idx ON task_search USING gin (lead_folded ${trgm}.gin_trgm_ops)`,
    );
    await runner.query('CREATE INDEX task_search_province_idx ON task_search (province_code)');
    await runner.query('CREATE INDEX task_search_commune_idx ON task_search (commune_code)');
    await runner.query('CREATE INDEX task_search_due_idx ON task_search (due_key, task_id)');
    await runner.query('CREATE INDEX task_search_list_idx ON task_search (level_rank, position, task_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE task_search');
    await runner.query('DROP FUNCTION search_fold(text)');
  }
}

/** The schema an extension was created in, quoted for SQL. */
async function extensionSchema(runner: QueryRunner, extension: string): Promise<string> {
  const rows = (await runner.query(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e
     JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1`,
    [extension],
  )) as { schema: string }[];
  return rows[0].schema;
}

/** `text` as a quoted SQL literal. */
async function literal(runner: QueryRunner, text: string): Promise<string> {
  const [{ quoted }] = (await runner.query('SELECT quote_literal($1::text) AS quoted', [text])) as {
    quoted: string;
  }[];
  return quoted;
}
