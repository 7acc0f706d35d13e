import type { MigrationInterface, QueryRunner } from 'typeorm';
// The SQL twin of deriveTaskState (task-state.ts), with its constants (DUE_SOON_DAYS, MONITORING_TIME_ZONE)
// written out because migration text is frozen: roll-ups, rankings and search count lights in the database,
// over rows never loaded into memory. test/monitoring/state-sql.test.ts checks the two agree on every seed task
// over two years of dates and on every combination of status, deadline kind, rhythm and report age.

/** The function every level's schema gets: `task_state(...)` returns one row (due_date, is_open, overdue, light). */
export const TASK_STATE_FUNCTION = 'task_state';

/**
 * The function as first released. Plain SQL returning a table, so that PostgreSQL inlines it into the calling
 * query, and written without calls to other functions (which would not be inlined): what depends on asOf alone
 * (the calendar) is folded to constants once per statement, and each row costs a few comparisons. Frozen like
 * TASK_COLUMNS_V1: a change to the rules is a new migration that replaces the function, never an edit here.
 */
export const TASK_STATE_SQL_V1 = `
CREATE OR REPLACE FUNCTION ${TASK_STATE_FUNCTION}(
  status text,
  local_kind text, local_due date, local_rhythm text, local_day int,
  central_kind text, central_due date, central_rhythm text, central_day int,
  last_reported_at timestamptz, as_of date)
RETURNS TABLE (due_date date, is_open boolean, overdue boolean, light text)
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT due.due_date, outcome.kind = 'OPEN', coalesce(outcome.kind = 'OPEN' AND due.due_date < as_of, false),
    CASE
      WHEN outcome.kind = 'CANCELLED' THEN 'GREY'
      WHEN outcome.kind = 'DONE' THEN 'GREEN'
      WHEN due.due_date < as_of THEN 'RED'
      WHEN due.due_date IS NULL AND governing.rhythm IS NULL THEN 'GREY'
      WHEN due.due_date = governing.end_due AND due.due_date - as_of <= 7 THEN 'YELLOW'
      WHEN governing.rhythm IS NOT NULL AND (last_reported_at IS NULL
        OR (last_reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < CASE governing.rhythm
          WHEN 'DAILY' THEN as_of - 1
          WHEN 'WEEKLY' THEN as_of - 7
          WHEN 'QUARTERLY' THEN calendar.quarter_ago
          WHEN 'YEARLY' THEN calendar.year_ago
          ELSE calendar.month_ago END) THEN 'YELLOW'
      ELSE 'GREEN' END
  FROM (SELECT coalesce(local_due, central_due) AS end_due,
          coalesce(local_rhythm, central_rhythm) AS rhythm,
          CASE WHEN local_rhythm IS NOT NULL THEN local_day ELSE central_day END AS rhythm_day) AS governing
  -- The calendar of asOf: constants for the whole statement.
  CROSS JOIN LATERAL (SELECT month_start, month_start + interval '1 month' AS next_month_start,
      (month_start + interval '1 month')::date - month_start AS month_days,
      (month_start + interval '2 months')::date - (month_start + interval '1 month')::date AS next_month_days,
      (make_date(extract(year FROM as_of)::int, (extract(quarter FROM as_of)::int - 1) * 3 + 1, 1)
        + interval '3 months')::date - 1 AS quarter_end,
      make_date(extract(year FROM as_of)::int, 12, 31) AS year_end,
      as_of + (8 - extract(isodow FROM as_of)::int) AS next_monday,
      (as_of - interval '1 month')::date AS month_ago,
      (as_of - interval '3 months')::date AS quarter_ago,
      (as_of - interval '12 months')::date AS year_ago
    FROM (SELECT make_date(extract(year FROM as_of)::int, extract(month FROM as_of)::int, 1) AS month_start)
      AS month) AS calendar
  -- dueDateFor (deadline.ts): this period's turn of the rhythm, and the next period's.
  CROSS JOIN LATERAL (SELECT
      CASE governing.rhythm
        WHEN 'DAILY' THEN as_of
        WHEN 'WEEKLY' THEN as_of + (coalesce(governing.rhythm_day, 7) - extract(isodow FROM as_of)::int)
        WHEN 'MONTHLY' THEN calendar.month_start + (least(coalesce(governing.rhythm_day, 31), calendar.month_days) - 1)
        WHEN 'QUARTERLY' THEN calendar.quarter_end
        WHEN 'YEARLY' THEN calendar.year_end END AS this_turn,
      -- Only weekly and monthly turns can fall before asOf in its own period.
      CASE governing.rhythm
        WHEN 'WEEKLY' THEN calendar.next_monday + (coalesce(governing.rhythm_day, 7) - 1)
        WHEN 'MONTHLY' THEN calendar.next_month_start::date
          + (least(coalesce(governing.rhythm_day, 31), calendar.next_month_days) - 1) END AS next_turn) AS turn
  -- A turn already past is judged by the report check; the next turn is the one due. An end still bounds the
  -- rhythm (least() skips nulls: no rhythm gives the end, no end gives the turn).
  CROSS JOIN LATERAL (SELECT CASE
      WHEN turn.this_turn < as_of AND (governing.end_due IS NULL OR turn.this_turn < governing.end_due)
        THEN least(governing.end_due, turn.next_turn)
      ELSE least(governing.end_due, turn.this_turn) END AS due_date) AS due
  CROSS JOIN LATERAL (SELECT CASE
    WHEN status = 'CANCELLED' THEN 'CANCELLED'
    WHEN status IN ('COMPLETED_ON_TIME', 'COMPLETED_LATE') THEN 'DONE'
    WHEN 'DONE' IN (local_kind, central_kind) AND last_reported_at IS NULL THEN 'DONE'
    ELSE 'OPEN' END AS kind) AS outcome
$fn$`;

/** The migration that installs task_state in a level's schema (the connection's search_path). */
export function taskStateMigration(): new () => MigrationInterface {
  return class TaskState1764100000000 implements MigrationInterface {
    name = 'TaskState1764100000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(TASK_STATE_SQL_V1);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP FUNCTION ${TASK_STATE_FUNCTION}`);
    }
  };
}

/**
 * `CROSS JOIN LATERAL task_state(...) AS <as>` for a task table aliased `task`; `asOfParam` is the placeholder
 * ("$2") of the date. The lateral join calls the function once per row. A level's task table keeps a resolved
 * relative deadline beside the printed one (`resolved: true`); the search projection stores it already merged.
 */
export function taskStateJoin(task: string, asOfParam: string, as = 'state', resolved = true): string {
  const column = (prefix: string, name: string): string =>
    name === 'due_date' && resolved
      ? `coalesce(${task}.${prefix}_due_date, ${task}.${prefix}_resolved_due_date)`
      : `${task}.${prefix}_${name}`;
  const deadline = (prefix: string): string =>
    ['kind', 'due_date', 'recurrence', 'day_of_period'].map((name) => column(prefix, name)).join(', ');
  return `CROSS JOIN LATERAL ${TASK_STATE_FUNCTION}(${task}.status, ${deadline('deadline')},
    ${deadline('central_deadline')}, CASE WHEN ${task}.version > 1 THEN ${task}.updated_at END,
    ${asOfParam}::date) AS ${as}`;
}
