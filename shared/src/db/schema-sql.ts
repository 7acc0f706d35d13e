import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Column definitions shared by every level's task table, as first released. Migrations embed this text;
 * it is frozen: a later change to task columns gets a new migration, never an edit here.
 */
export const TASK_COLUMNS_V1 = `
  id uuid PRIMARY KEY,
  ref text UNIQUE,
  position integer NOT NULL DEFAULT 0,
  ordinal text,
  content text NOT NULL CHECK (length(content) > 0),
  section text,
  task_group smallint CHECK (task_group BETWEEN 1 AND 8),
  group_derived boolean NOT NULL DEFAULT false,
  lead_text text,
  lead_parties jsonb NOT NULL DEFAULT '[]'::jsonb,
  cooperating_text text,
  cooperating_parties jsonb NOT NULL DEFAULT '[]'::jsonb,
  deadline_text text,
  deadline_kind text,
  deadline_due_date date,
  deadline_recurrence text,
  deadline_day_of_period smallint,
  central_deadline_text text,
  central_deadline_kind text,
  central_deadline_due_date date,
  central_deadline_recurrence text,
  central_deadline_day_of_period smallint,
  output text,
  notes text,
  status text NOT NULL DEFAULT 'NOT_STARTED'
    CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETED_ON_TIME','COMPLETED_LATE','CANCELLED')),
  progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** Column definitions shared by every level's document table, as first released; frozen like TASK_COLUMNS_V1. */
export const DOCUMENT_COLUMNS_V1 = `
  id uuid PRIMARY KEY,
  number text,
  kind text NOT NULL,
  title text NOT NULL,
  issuer text,
  issued_on date,
  issued_on_text text,
  notes text,
  ref text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()`;

/** The migration that adds status reporting to a level whose task table is `taskTable`. */
export function statusReportingMigration(taskTable: string): new () => MigrationInterface {
  return class StatusReporting1763900000000 implements MigrationInterface {
    name = 'StatusReporting1763900000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const statement of statusReportingSqlV2(taskTable)) await runner.query(statement);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query('DROP TABLE status_report');
      await runner.query(`ALTER TABLE ${taskTable} DROP COLUMN version`);
    }
  };
}

/**
 * Status reporting, as first released: a version on each task row (optimistic concurrency) and the
 * idempotency records of the level's reports. Frozen like TASK_COLUMNS_V1.
 */
export function statusReportingSqlV2(taskTable: string): string[] {
  return [
    `ALTER TABLE ${taskTable} ADD COLUMN version integer NOT NULL DEFAULT 1`,
    `CREATE TABLE status_report (
      actor text NOT NULL,
      idempotency_key text NOT NULL,
      request_hash text NOT NULL,
      event_id uuid NOT NULL,
      task_id uuid NOT NULL REFERENCES ${taskTable}(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor, idempotency_key))`,
  ];
}

/**
 * The migration that lets a level record what a relative deadline resolved to, beside the printed deadline, on
 * its task table and (where the level has indicators, which embed the same Deadline) its indicator table.
 */
export function resolvedDeadlineMigration(
  taskTable: string,
  indicatorTable?: string,
): new () => MigrationInterface {
  const columns = (prefixes: string[]): string[] =>
    prefixes.flatMap((prefix) => [`${prefix}_resolved_due_date`, `${prefix}_resolved_basis`]);
  const tables: [string, string[]][] = [[taskTable, columns(['deadline', 'central_deadline'])]];
  if (indicatorTable) tables.push([indicatorTable, columns(['deadline'])]);
  return class ResolvedDeadline1764300000000 implements MigrationInterface {
    name = 'ResolvedDeadline1764300000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const [table, added] of tables) {
        const clauses = added.map((c) => `ADD COLUMN ${c} ${c.endsWith('date') ? 'date' : 'text'}`);
        await runner.query(`ALTER TABLE ${table} ${clauses.join(', ')}`);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const [table, added] of tables) {
        await runner.query(`ALTER TABLE ${table} ${added.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
      }
    }
  };
}

/**
 * The migration that lets a level mark a task as removed from its plan (or directive) by an amendment, instead of
 * deleting it: the row keeps its reports, links and history; roll-ups leave it out.
 */
export function amendmentsMigration(taskTable: string): new () => MigrationInterface {
  return class Amendments1764800000000 implements MigrationInterface {
    name = 'Amendments1764800000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(
        `ALTER TABLE ${taskTable} ADD COLUMN removed_at timestamptz, ADD COLUMN removed_basis text`,
      );
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE ${taskTable} DROP COLUMN removed_at, DROP COLUMN removed_basis`);
    }
  };
}
