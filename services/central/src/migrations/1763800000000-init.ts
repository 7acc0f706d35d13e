import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_COLUMNS_V1, TASK_COLUMNS_V1 } from '@nq57/shared';

/** Central directives and their tasks. */
export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE directive (${DOCUMENT_COLUMNS_V1},
      aliases text[] NOT NULL DEFAULT '{}',
      number_key text UNIQUE,
      evidence text)`);
    await runner.query(`CREATE TABLE central_task (${TASK_COLUMNS_V1},
      directive_id uuid NOT NULL REFERENCES directive(id),
      evidence text)`);
    await runner.query('CREATE INDEX central_task_directive_idx ON central_task (directive_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE central_task');
    await runner.query('DROP TABLE directive');
  }
}
