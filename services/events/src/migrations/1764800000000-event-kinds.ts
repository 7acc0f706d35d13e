import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log carries amendments beside status reports: each event has a kind, and an amendment the fields it
 * changed, each from what to what. Every earlier row is a status report, which the default says.
 */
export class EventKinds1764800000000 implements MigrationInterface {
  name = 'EventKinds1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE task_event
      ADD COLUMN kind text NOT NULL DEFAULT 'STATUS' CHECK (kind IN ('STATUS', 'AMENDED', 'REMOVED', 'UNLINKED')),
      ADD COLUMN changes jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE task_event DROP COLUMN kind, DROP COLUMN changes');
  }
}
