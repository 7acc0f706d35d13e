import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where one plan level keeps its indicators; constants of the service, never input. */
export interface IndicatorTables {
  planTable: 'provincial_plan' | 'commune_plan';
  indicatorTable: 'provincial_indicator' | 'commune_indicator';
  /** The plan column naming its jurisdiction, the scope of authorization. */
  jurisdictionColumn: 'province_code' | 'commune_code';
}

/**
 * Indicators, as first released: the level's indicator table (beside its plans), the targets per year as
 * printed with the number read from them, and the reported values, appended only (an UPDATE is refused).
 * Frozen like TASK_COLUMNS_V1: a later change gets a new migration, never an edit here.
 */
export function indicatorSqlV1({
  planTable,
  indicatorTable,
}: Omit<IndicatorTables, 'jurisdictionColumn'>): string[] {
  return [
    `CREATE TABLE ${indicatorTable} (
      id uuid PRIMARY KEY,
      ref text UNIQUE,
      plan_id uuid NOT NULL REFERENCES ${planTable}(id),
      position integer NOT NULL DEFAULT 0,
      ordinal text,
      section text,
      name text NOT NULL CHECK (length(name) > 0),
      unit text,
      unit_derived boolean NOT NULL DEFAULT false,
      lead_text text,
      lead_parties jsonb NOT NULL DEFAULT '[]'::jsonb,
      cooperating_text text,
      cooperating_parties jsonb NOT NULL DEFAULT '[]'::jsonb,
      deadline_text text,
      deadline_kind text,
      deadline_due_date date,
      deadline_recurrence text,
      deadline_day_of_period smallint,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX ${indicatorTable}_plan_idx ON ${indicatorTable} (plan_id, position)`,
    `CREATE TABLE indicator_target (
      indicator_id uuid NOT NULL REFERENCES ${indicatorTable}(id),
      year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      text text NOT NULL,
      value numeric,
      direction text CHECK (direction IN ('AT_LEAST', 'ABOVE', 'AT_MOST', 'BELOW')),
      CHECK ((value IS NULL) = (direction IS NULL)),
      PRIMARY KEY (indicator_id, year))`,
    `CREATE TABLE indicator_value (
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id uuid PRIMARY KEY,
      indicator_id uuid NOT NULL REFERENCES ${indicatorTable}(id),
      year smallint NOT NULL CHECK (year BETWEEN 2020 AND 2050),
      value numeric NOT NULL,
      note text,
      evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
      actor text NOT NULL,
      reported_at timestamptz NOT NULL DEFAULT now())`,
    'CREATE INDEX indicator_value_indicator_idx ON indicator_value (indicator_id, reported_at DESC, seq DESC)',
    `CREATE FUNCTION indicator_value_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'indicator values are appended, never changed: report a new value instead';
     END $$`,
    `CREATE TRIGGER indicator_value_append_only BEFORE UPDATE ON indicator_value
     FOR EACH ROW EXECUTE FUNCTION indicator_value_append_only()`,
  ];
}

/** The migration that adds indicators to a plan level (1764000000000). */
export function indicatorsMigration(
  tables: Omit<IndicatorTables, 'jurisdictionColumn'>,
): new () => MigrationInterface {
  return class Indicators1764000000000 implements MigrationInterface {
    name = 'Indicators1764000000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const statement of indicatorSqlV1(tables)) await runner.query(statement);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query('DROP TABLE indicator_value');
      await runner.query('DROP FUNCTION indicator_value_append_only()');
      await runner.query('DROP TABLE indicator_target');
      await runner.query(`DROP TABLE ${tables.indicatorTable}`);
    }
  };
}
