import type { DataSource } from 'typeorm';

/** What these fills need of a connection: raw SQL whose unqualified table names are the level's own. */
export type SqlRunner = Pick<DataSource, 'query'>;

/** How many synthetic tasks each plan gets: 34 provinces and 3,321 communes × 50 ≈ 168,000 tasks. */
export const TASKS_PER_PLAN = 50;

/** A seeded task row whose text, lead, group and deadline synthetic tasks copy. */
const TEMPLATE_COLUMNS = `content, section, task_group, lead_text, lead_parties, output,
  deadline_text, deadline_kind, deadline_due_date, deadline_recurrence, deadline_day_of_period,
  central_deadline_text, central_deadline_kind, central_deadline_due_date, central_deadline_recurrence,
  central_deadline_day_of_period`;

/** Every seeded task of the three levels, as templates (read by the benchmark from each level's own table). */
export async function readTemplates(levels: {
  central: SqlRunner;
  provincial: SqlRunner;
  commune: SqlRunner;
}): Promise<unknown[]> {
  const read = (dataSource: SqlRunner, table: string): Promise<unknown[]> =>
    dataSource.query(`SELECT ${TEMPLATE_COLUMNS} FROM ${table} ORDER BY ref`);
  return [
    ...(await read(levels.central, 'central_task')),
    ...(await read(levels.provincial, 'provincial_task')),
    ...(await read(levels.commune, 'commune_task')),
  ];
}

/**
 * A UUID derived from the SQL text expression `name`: its md5 with the version (4) and variant (8) digits set,
 * because the update mutations validate task ids as RFC 4122 UUIDs and a bare md5 is one only by chance.
 */
function uuidOf(name: string): string {
  return `overlay(overlay(md5(${name}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/**
 * One synthetic plan per jurisdiction with TASKS_PER_PLAN tasks, each a seed task varied: a place name or a
 * period appended, the due date moved by up to a year, a status drawn (70 % not started, 20 % in progress,
 * 10 % completed); reported tasks get version 2 and a report date in the last 60 days. Deterministic (hashes).
 */
export async function fillLevel(
  dataSource: SqlRunner,
  level: 'provincial' | 'commune',
  templates: unknown[],
): Promise<number> {
  const place =
    level === 'provincial'
      ? { table: 'province', column: 'province_code', name: 'name' }
      : { table: 'commune', column: 'commune_code', name: 'name' };
  await dataSource.query(
    `INSERT INTO ${level}_plan (id, number, kind, title, ${place.column}, ref)
     SELECT ${uuidOf("'bench-plan-' || code")}, 'B' || code || '/KH-UBND', 'PLAN',
            'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026 của ' || ${place.name}, code, 'bench-' || code
     FROM ${place.table}`,
  );
  const [{ count }] = (await dataSource.query(
    `WITH template AS (
       SELECT (row_number() OVER ()) - 1 AS i, t.* FROM jsonb_to_recordset($1::jsonb) AS t(
         content text, section text, task_group smallint, lead_text text, lead_parties jsonb, output text,
         deadline_text text, deadline_kind text, deadline_due_date date, deadline_recurrence text,
         deadline_day_of_period smallint, central_deadline_text text, central_deadline_kind text,
         central_deadline_due_date date, central_deadline_recurrence text, central_deadline_day_of_period smallint)),
     slot AS (
       SELECT p.code, p.${place.name} AS place, n, abs(hashtext(p.code || ':' || n)) AS h
       FROM ${place.table} p CROSS JOIN generate_series(1, ${TASKS_PER_PLAN}) AS n),
     written AS (
       INSERT INTO ${level}_task (id, ref, plan_id, position, ordinal, content, section, task_group, lead_text,
         lead_parties, output, deadline_text, deadline_kind, deadline_due_date, deadline_recurrence,
         deadline_day_of_period, central_deadline_text, central_deadline_kind, central_deadline_due_date,
         central_deadline_recurrence, central_deadline_day_of_period, status, progress, version, updated_at)
       SELECT ${uuidOf("'bench-task-' || s.code || '-' || s.n")}, 'bench-' || s.code || '-' || s.n,
         ${uuidOf("'bench-plan-' || s.code")}, s.n, s.n::text,
         t.content || (ARRAY['', ' trên địa bàn ' || s.place, ' năm 2026', ' giai đoạn 2026-2030',
                              ' tại ' || s.place])[1 + (s.h / 7) % 5],
         t.section, t.task_group, t.lead_text, t.lead_parties, t.output,
         t.deadline_text, t.deadline_kind, t.deadline_due_date + ((s.h / 11) % 366)::int, t.deadline_recurrence,
         t.deadline_day_of_period, t.central_deadline_text, t.central_deadline_kind,
         t.central_deadline_due_date + ((s.h / 11) % 366)::int, t.central_deadline_recurrence,
         t.central_deadline_day_of_period,
         st.status, CASE st.status WHEN 'NOT_STARTED' THEN 0 WHEN 'IN_PROGRESS' THEN 40 ELSE 100 END,
         CASE st.status WHEN 'NOT_STARTED' THEN 1 ELSE 2 END,
         CASE st.status WHEN 'NOT_STARTED' THEN now() ELSE now() - ((s.h / 13) % 60) * interval '1 day' END
       FROM slot s
       JOIN template t ON t.i = s.h % (SELECT count(*) FROM template)
       CROSS JOIN LATERAL (SELECT CASE WHEN s.h % 10 < 7 THEN 'NOT_STARTED' WHEN s.h % 10 < 9 THEN 'IN_PROGRESS'
         WHEN s.h % 20 = 9 THEN 'COMPLETED_LATE' ELSE 'COMPLETED_ON_TIME' END AS status) st
       RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
    [JSON.stringify(templates)],
  )) as { count: number }[];
  return count;
}
