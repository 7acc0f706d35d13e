import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_CHANNEL } from '@nq57/shared';

/**
 * The write path's read model (docs/decisions/0006-write-path.md): the trace links of every level and the
 * directive keys of every central task, mirrored here by the levels that own them, so that a report computes
 * its event's routing in its own SQL instead of asking the levels above over HTTP. And the event append's
 * ordering lock and notification move into a trigger, so that an append needs no statements of its own; and
 * the search projection leaves room for a report's update to stay on its page (HOT).
 */
export class WritePath1764400000000 implements MigrationInterface {
  name = 'WritePath1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    // Written by the provincial and commune levels (a trigger on their task_link), read by their status reports.
    await runner.query(`CREATE TABLE trace_link (
      task_level text NOT NULL CHECK (task_level IN ('PROVINCIAL', 'COMMUNE')),
      task_id uuid NOT NULL,
      target_level text NOT NULL CHECK (target_level IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')),
      target_id uuid NOT NULL,
      PRIMARY KEY (task_level, task_id, target_level, target_id))`);
    // Written by the central level, which alone can fold its directives' numbers and aliases.
    await runner.query(`CREATE TABLE central_task_routing (
      task_id uuid PRIMARY KEY,
      directive_keys text[] NOT NULL)`);
    // Sequence order = commit order: the lock is taken before the number is drawn, and held to the commit.
    // The column default (nextval) is evaluated before a BEFORE trigger runs, so the trigger draws the number
    // itself, after the lock; the default's number is simply skipped (cursors never assume dense numbers).
    // Qualified, as a literal: the trigger runs with each level's search_path.
    const [{ sequence }] = (await runner.query(
      `SELECT quote_literal(pg_get_serial_sequence('task_event', 'seq')) AS sequence`,
    )) as { sequence: string }[];
    await runner.query(`CREATE FUNCTION task_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('nq57-task-events-append'));
        NEW.seq := nextval(${sequence}::regclass);
        -- Delivered at commit only, so listeners wake for committed events; a rolled-back append says nothing.
        PERFORM pg_notify('${EVENT_CHANNEL}', NEW.seq::text);
        RETURN NEW;
      END $$`);
    await runner.query(`CREATE TRIGGER task_event_sequence BEFORE INSERT ON task_event
      FOR EACH ROW EXECUTE FUNCTION task_event_sequence()`);
    // A status report rewrites status, version and updated_at of a search row. With version and updated_at in the
    // primary key (INCLUDE), no such update could be HOT: each one inserted into all seven indexes, both GIN
    // ones included. Without them, and with room left on each page, most reports update in place (measured in
    // docs/decisions/0006-write-path.md); the start-up catch-up reads those two columns from the heap instead.
    await runner.query('ALTER TABLE task_search DROP CONSTRAINT task_search_pkey, ADD PRIMARY KEY (task_id)');
    await runner.query('ALTER TABLE task_search SET (fillfactor = 80)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE task_search RESET (fillfactor)');
    await runner.query(
      'ALTER TABLE task_search DROP CONSTRAINT task_search_pkey, ADD PRIMARY KEY (task_id) INCLUDE (version, updated_at)',
    );
    await runner.query('DROP TRIGGER task_event_sequence ON task_event');
    await runner.query('DROP FUNCTION task_event_sequence()');
    await runner.query('DROP TABLE central_task_routing');
    await runner.query('DROP TABLE trace_link');
  }
}
