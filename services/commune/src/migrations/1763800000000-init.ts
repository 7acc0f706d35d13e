import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_COLUMNS_V1, TASK_COLUMNS_V1 } from '@nq57/shared';

/** Communes, commune plans, their tasks and the links to the tasks they implement. */
export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE commune (code text PRIMARY KEY, name text NOT NULL, province_code text NOT NULL)',
    );
    await runner.query('CREATE INDEX commune_province_idx ON commune (province_code)');
    await runner.query(`CREATE TABLE commune_plan (${DOCUMENT_COLUMNS_V1},
      commune_code text NOT NULL REFERENCES commune(code),
      commune_inferred boolean NOT NULL DEFAULT false,
      commune_evidence text)`);
    await runner.query('CREATE INDEX commune_plan_commune_idx ON commune_plan (commune_code)');
    await runner.query(`CREATE TABLE commune_task (${TASK_COLUMNS_V1},
      plan_id uuid NOT NULL REFERENCES commune_plan(id))`);
    await runner.query('CREATE INDEX commune_task_plan_idx ON commune_task (plan_id)');
    // target_id names a task of another subgraph (CENTRAL, PROVINCIAL) or of this one: no foreign key across.
    await runner.query(`CREATE TABLE task_link (
      task_id uuid NOT NULL REFERENCES commune_task(id),
      target_level text NOT NULL CHECK (target_level IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')),
      target_id uuid NOT NULL,
      evidence text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (task_id, target_level, target_id))`);
    await runner.query('CREATE INDEX task_link_target_idx ON task_link (target_level, target_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['task_link', 'commune_task', 'commune_plan', 'commune']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
