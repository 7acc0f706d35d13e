import {
  DeadlineKind,
  TaskStatus,
  deriveTaskState,
  parseDeadline,
  taskStateJoin,
  type DeadlineFacts,
  type SubgraphServiceHandle,
  type Recurrence,
  type TaskStateInput,
} from '@nq57/shared';
import { subgraphsOf, useTestHub } from '../support/hub';

// task_state() in SQL must say what deriveTaskState says in TypeScript: roll-ups count with the one, task
// fields show the other. Checked on every seed task every third day for two years (every weekday comes round), and on made-up tasks that combine
// every status, kind of deadline, rhythm, report age and awkward date.

const hub = useTestHub();

interface StateRow {
  status: TaskStatus;
  local_kind: DeadlineKind | null;
  local_due: string | null;
  local_rhythm: Recurrence | null;
  local_day: number | null;
  central_kind: DeadlineKind | null;
  central_due: string | null;
  central_rhythm: Recurrence | null;
  central_day: number | null;
  last_reported_at: Date | null;
  as_of: string;
  due_date: string | null;
  is_open: boolean;
  overdue: boolean;
  light: string;
}

const facts = (
  kind: DeadlineKind | null,
  dueDate: string | null,
  recurrence: Recurrence | null,
  day: number | null,
) => (kind === null ? null : { kind, dueDate, recurrence, dayOfPeriod: day });

function typescriptState(row: StateRow): { due_date: string | null; overdue: boolean; light: string } {
  const input: TaskStateInput = {
    status: row.status,
    deadline: facts(row.local_kind, row.local_due, row.local_rhythm, row.local_day),
    centralDeadline: facts(row.central_kind, row.central_due, row.central_rhythm, row.central_day),
    lastReportedAt: row.last_reported_at,
  };
  const state = deriveTaskState(input, row.as_of);
  return { due_date: state.dueDate, overdue: state.overdue, light: state.light };
}

function disagreements(rows: StateRow[]): StateRow[] {
  return rows.filter((row) => {
    const expected = typescriptState(row);
    return (
      expected.due_date !== row.due_date || expected.overdue !== row.overdue || expected.light !== row.light
    );
  });
}

function subgraph(name: string): SubgraphServiceHandle {
  const found = subgraphsOf(hub()).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} subgraph`);
  return found;
}

// Dates come back as yyyy-mm-dd text, so both sides compare the same strings.
const STATE_COLUMNS = `task.status,
  task.deadline_kind AS local_kind,
  coalesce(task.deadline_due_date, task.deadline_resolved_due_date)::text AS local_due,
  task.deadline_recurrence AS local_rhythm, task.deadline_day_of_period AS local_day,
  task.central_deadline_kind AS central_kind,
  coalesce(task.central_deadline_due_date, task.central_deadline_resolved_due_date)::text AS central_due,
  task.central_deadline_recurrence AS central_rhythm, task.central_deadline_day_of_period AS central_day,
  CASE WHEN task.version > 1 THEN task.updated_at END AS last_reported_at,
  day::date::text AS as_of, state.due_date::text AS due_date, state.is_open, state.overdue, state.light`;

describe('task_state() in SQL agrees with deriveTaskState', () => {
  it.each([
    ['central', 'central_task', 98],
    ['provincial', 'provincial_task', 131],
    ['commune', 'commune_task', 20],
  ])('on every %s seed task, every third day from June 2025 to May 2027', async (level, table, tasks) => {
    const rows = await subgraph(level).dataSource.query<StateRow[]>(
      `SELECT ${STATE_COLUMNS} FROM ${table} task
       CROSS JOIN generate_series('2025-06-01'::date, '2027-05-31'::date, interval '3 days') AS day
       ${taskStateJoin('task', 'day')}`,
    );
    expect(rows).toHaveLength(tasks * 244);
    expect(disagreements(rows)).toEqual([]);
    // The sweep meets every light, so no rule goes unchecked.
    expect(new Set(rows.map((row) => row.light))).toEqual(new Set(['GREEN', 'YELLOW', 'RED', 'GREY']));
  });

  it('on every combination of status, deadline, rhythm, report age and date', async () => {
    const cases = madeUpCases();
    const rows = await subgraph('commune').dataSource.query<StateRow[]>(
      `SELECT task.status, task.local_kind, task.local_due::text AS local_due, task.local_rhythm, task.local_day,
         task.central_kind, task.central_due::text AS central_due, task.central_rhythm, task.central_day,
         task.last_reported_at, task.as_of::text AS as_of,
         state.due_date::text AS due_date, state.is_open, state.overdue, state.light
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::int[], $6::text[], $7::date[],
         $8::text[], $9::int[], $10::timestamptz[], $11::date[])
         AS task(status, local_kind, local_due, local_rhythm, local_day, central_kind, central_due,
           central_rhythm, central_day, last_reported_at, as_of)
       CROSS JOIN LATERAL task_state(task.status, task.local_kind, task.local_due, task.local_rhythm,
         task.local_day, task.central_kind, task.central_due, task.central_rhythm, task.central_day,
         task.last_reported_at, task.as_of) AS state`,
      columnsOf(cases),
    );
    expect(rows).toHaveLength(cases.length);
    expect(disagreements(rows)).toEqual([]);
    const lights = rows.reduce<Record<string, number>>((tally, row) => {
      tally[row.light] = (tally[row.light] ?? 0) + 1;
      return tally;
    }, {});
    expect(Object.keys(lights).sort()).toEqual(['GREEN', 'GREY', 'RED', 'YELLOW']);
  });
});

interface MadeUpCase {
  status: TaskStatus;
  local: DeadlineFacts | null;
  central: DeadlineFacts | null;
  reportedAt: Date | null;
  asOf: string;
}

const LOCAL_TEXTS = [
  null,
  'Trước ngày 15/8/2025',
  'Trong tháng 12/2025',
  'Quý IV/2025',
  'Trong năm 2026',
  'Thường xuyên',
  'Hằng ngày',
  'hàng tuần (trước 10h ngày Thứ 6)',
  'Hằng tuần',
  'trước ngày 20 hằng tháng',
  'ngày 31 hằng tháng',
  'Hằng quý',
  'Hằng năm',
  'Trước 31/12/2025, báo cáo hằng tháng',
  'Sau khi có văn bản của tỉnh',
  'Trước 25/7/2025 (Đã hoàn thành)',
  'Khi có yêu cầu',
];
const CENTRAL_TEXTS = [null, 'Ngày 15/12/2025', 'Ngày 30/11/2025', 'Hằng tháng', 'Đã hoàn thành'];
// Month ends, a leap day, a Sunday, a Friday, the days either side of a due date and of a report window.
const DAYS = [
  '2024-02-29',
  '2025-03-31',
  '2025-08-15',
  '2025-08-16',
  '2025-11-30',
  '2025-12-07',
  '2025-12-12',
  '2026-01-01',
];
// Days before asOf, each at 00:30 and 23:30 in Vietnam (17:30 and 16:30 UTC the day before / the same day).
const REPORT_AGES = [null, 0, 1, 2, 6, 7, 8, 27, 31, 32, 92, 365, 366];

function madeUpCases(): MadeUpCase[] {
  const cases: MadeUpCase[] = [];
  for (const status of Object.values(TaskStatus))
    for (const local of LOCAL_TEXTS.map(parseDeadline))
      for (const central of CENTRAL_TEXTS.map(parseDeadline))
        for (const asOf of DAYS)
          for (const age of REPORT_AGES)
            for (const reportedAt of reportTimes(asOf, age))
              cases.push({ status, local, central, reportedAt, asOf });
  return cases;
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function reportTimes(asOf: string, age: number | null): (Date | null)[] {
  if (age === null) return [null];
  const day = addDays(asOf, -age);
  return [new Date(`${addDays(day, -1)}T17:30:00Z`), new Date(`${day}T16:30:00Z`)];
}

function columnsOf(cases: MadeUpCase[]): unknown[][] {
  const of = (d: DeadlineFacts | null) => [
    d?.kind ?? null,
    d?.dueDate ?? null,
    d?.recurrence ?? null,
    d?.dayOfPeriod ?? null,
  ];
  const rows = cases.map((c) => [c.status, ...of(c.local), ...of(c.central), c.reportedAt, c.asOf]);
  return rows[0].map((_, column) => rows.map((row) => row[column]));
}
