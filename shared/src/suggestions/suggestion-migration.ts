import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TaskLevel } from '../task/task-status';

/** The task table of each level that gets suggestions. */
const TASK_TABLES = {
  [TaskLevel.PROVINCIAL]: 'provincial_task',
  [TaskLevel.COMMUNE]: 'commune_task',
} as const;

/**
 * The migration behind suggested trace links (docs/decisions/0011-suggested-links.md), in a level's own schema:
 * the numbers each row cites (`task_cite`), the suggestions a planner dismissed, and two wrappers of pg_trgm.
 * The wrappers exist because each level runs with its own search_path and pg_trgm lives in whichever schema
 * created it first (normally events): the schema is looked up here, once, and written into the functions.
 */
export function linkSuggestionsMigration(
  level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE,
): new () => MigrationInterface {
  const taskTable = TASK_TABLES[level];
  return class LinkSuggestions1764700000000 implements MigrationInterface {
    name = 'LinkSuggestions1764700000000';

    async up(runner: QueryRunner): Promise<void> {
      // Trusted extension (PostgreSQL 13+); a no-op when the events subgraph created it already.
      await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const trgm = await extensionSchema(runner, 'pg_trgm');
      // Both pg_trgm functions are IMMUTABLE, so these SQL wrappers are inlined into the calling statement.
      await runner.query(`CREATE FUNCTION suggestion_trigrams(text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ${trgm}.show_trgm($1) $$`);
      await runner.query(`CREATE FUNCTION suggestion_similarity(text, text) RETURNS real
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ${trgm}.similarity($1, $2) $$`);
      await runner.query(`CREATE TABLE task_cite (
        task_id uuid NOT NULL REFERENCES ${taskTable} (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        number text NOT NULL,
        number_key text NOT NULL,
        cited_text text,
        inferred boolean NOT NULL DEFAULT false,
        evidence text,
        PRIMARY KEY (task_id, position))`);
      await runner.query(`CREATE TABLE link_suggestion_dismissal (
        task_id uuid NOT NULL REFERENCES ${taskTable} (id) ON DELETE CASCADE,
        target_level text NOT NULL CHECK (target_level IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')),
        target_id uuid NOT NULL,
        dismissed_by text NOT NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, target_level, target_id))`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query('DROP TABLE link_suggestion_dismissal');
      await runner.query('DROP TABLE task_cite');
      await runner.query('DROP FUNCTION suggestion_similarity(text, text)');
      await runner.query('DROP FUNCTION suggestion_trigrams(text)');
    }
  };
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
