import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's event log: one append-only row per accepted status report, written by the level subgraphs in the
 * transaction of the change (an outbox) and read only by this subgraph.
 */
export class EventLog1763900000000 implements MigrationInterface {
  name = 'EventLog1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE task_event (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor text NOT NULL,
      task_level text NOT NULL CHECK (task_level IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')),
      task_id uuid NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      from_progress smallint NOT NULL CHECK (from_progress BETWEEN 0 AND 100),
      progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
      note text,
      evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
      version integer NOT NULL,
      province_code text,
      commune_code text,
      directive_keys text[] NOT NULL DEFAULT '{}')`);
    await runner.query('CREATE INDEX task_event_task_idx ON task_event (task_id, seq DESC)');
    // The log is append-only: nothing may rewrite history a subscriber has already been given.
    await runner.query(`CREATE FUNCTION task_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'task_event is append-only'; END $$`);
    await runner.query(`CREATE TRIGGER task_event_append_only BEFORE UPDATE OR DELETE ON task_event
      FOR EACH ROW EXECUTE FUNCTION task_event_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE task_event');
    await runner.query('DROP FUNCTION task_event_append_only');
  }
}
