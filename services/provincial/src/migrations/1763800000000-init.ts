import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_COLUMNS_V1, TASK_COLUMNS_V1 } from '@nq57/shared';

/** Provinces, provincial plans, their tasks and the links to the tasks they implement. */
export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE province (code text PRIMARY KEY, name text NOT NULL, place_type text NOT NULL)',
    );
    await runner.query(`CREATE TABLE provincial_plan (${DOCUMENT_COLUMNS_V1},
      province_code text NOT NULL REFERENCES province(code),
      province_inferred boolean NOT NULL DEFAULT false,
      province_evidence text)`);
    await runner.query('CREATE INDEX provincial_plan_province_idx ON provincial_plan (province_code)');
    await runner.query(`CREATE TABLE provincial_task (${TASK_COLUMNS_V1},
      plan_id uuid NOT NULL REFERENCES provincial_plan(id))`);
    await runner.query('CREATE INDEX provincial_task_plan_idx ON provincial_task (plan_id)');
    // target_id names a task of another subgraph (CENTRAL) or of this one (PROVINCIAL): no foreign key across.
    await runner.query(`CREATE TABLE task_link (
      task_id uuid NOT NULL REFERENCES provincial_task(id),
      target_level text NOT NULL CHECK (target_level IN ('CENTRAL', 'PROVINCIAL')),
      target_id uuid NOT NULL,
      evidence text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (task_id, target_level, target_id))`);
    await runner.query('CREATE INDEX task_link_target_idx ON task_link (target_level, target_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['task_link', 'provincial_task', 'provincial_plan', 'province']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
