import type { Client } from 'pg';

// The traces bench-trace.ts times, the GraphQL operation it sends and the one SQL statement (the floor) that
// returns the same rows. The benchmark reads across the three level schemas; the subgraphs never do.

/** One trace to time: a central task, optionally cut to one province, and how many task rows it returns. */
export interface TraceCase {
  name: string;
  centralId: string;
  centralRef: string;
  provinceCode: string | null;
  provincialRows: number;
  communeRows: number;
}

/** One task row of a trace, as both sides are compared: kind, parent id, id, then the fields shown. */
export type TraceRow = readonly (string | null)[];

/** The named operation sent through the gateway: the README's Trace shape, from one central task down. */
export const TRACE_QUERY = `query NationalTrace($id: ID!, $province: String) {
  centralTask(id: $id) {
    id
    ref
    content
    deadline { text dueDate }
    provincialTasks(provinceCode: $province) {
      id
      ordinal
      content
      plan { number province { name } }
      communeTasks { id ordinal content commune { name province { name } } }
    }
    communeTasks(provinceCode: $province) { id ordinal content commune { name province { name } } }
  }
}`;

// Counts per central task: its provincial implementers, the commune tasks under those, its direct commune ones.
const SIZES = `
  WITH prov AS (
    SELECT l.target_id AS central_id, t.id, p.province_code
    FROM provincial.task_link l
    JOIN provincial.provincial_task t ON t.id = l.task_id
    JOIN provincial.provincial_plan p ON p.id = t.plan_id
    WHERE l.target_level = 'CENTRAL'),
  under AS (
    SELECT prov.central_id, prov.province_code
    FROM prov
    JOIN commune.task_link l ON l.target_level = 'PROVINCIAL' AND l.target_id = prov.id
    JOIN commune.commune_task t ON t.id = l.task_id
    JOIN commune.commune_plan p ON p.id = t.plan_id
    JOIN commune.commune c ON c.code = p.commune_code),
  direct AS (
    SELECT l.target_id AS central_id, c.province_code
    FROM commune.task_link l
    JOIN commune.commune_task t ON t.id = l.task_id
    JOIN commune.commune_plan p ON p.id = t.plan_id
    JOIN commune.commune c ON c.code = p.commune_code
    WHERE l.target_level = 'CENTRAL'),
  counted AS (
    SELECT central_id, province_code, 1 AS provincial, 0 AS commune FROM prov
    UNION ALL SELECT central_id, province_code, 0, 1 FROM under
    UNION ALL SELECT central_id, province_code, 0, 1 FROM direct)
  SELECT c.id, c.ref, k.province_code, sum(k.provincial)::int AS provincial, sum(k.commune)::int AS commune
  FROM central.central_task c JOIN counted k ON k.central_id = c.id
  GROUP BY GROUPING SETS ((c.id, c.ref), (c.id, c.ref, k.province_code))`;

interface Size {
  id: string;
  ref: string;
  province_code: string | null;
  provincial: number;
  commune: number;
}

/**
 * The traces the issue lists: the deepest national one (the central task with the most provincial and commune
 * implementers), the one closest to 600 rows, and the deepest one's largest province alone.
 */
export async function chooseTraces(sql: Client): Promise<TraceCase[]> {
  const { rows } = await sql.query<Size>(SIZES);
  const national = rows.filter((row) => row.province_code === null);
  const total = (row: Size): number => row.provincial + row.commune;
  const deepest = national.reduce((best, row) => (total(row) > total(best) ? row : best));
  const near600 = national.reduce((best, row) =>
    Math.abs(total(row) - 600) < Math.abs(total(best) - 600) ? row : best,
  );
  const province = rows
    .filter((row) => row.id === deepest.id && row.province_code !== null)
    .reduce((best, row) => (total(row) > total(best) ? row : best));
  const asCase = (name: string, row: Size, provinceCode: string | null): TraceCase => ({
    name,
    centralId: row.id,
    centralRef: row.ref,
    provinceCode,
    provincialRows: row.provincial,
    communeRows: row.commune,
  });
  return [
    asCase('deepest national trace', deepest, null),
    asCase(`trace nearest 600 rows`, near600, null),
    asCase(`deepest trace, province ${province.province_code} only`, province, province.province_code),
  ];
}

/**
 * The floor: one statement returning the trace's rows, with the fields the GraphQL operation selects
 * ($1 the central task, $2 a province code or null). Each commune row appears once per link it is reached by.
 */
export const FLOOR_SQL = `
  WITH p AS (
    SELECT t.id, t.ordinal, t.content, plan.number, province.name AS province_name
    FROM provincial.task_link l
    JOIN provincial.provincial_task t ON t.id = l.task_id
    JOIN provincial.provincial_plan plan ON plan.id = t.plan_id
    JOIN provincial.province province ON province.code = plan.province_code
    WHERE l.target_level = 'CENTRAL' AND l.target_id = $1 AND ($2::text IS NULL OR plan.province_code = $2)),
  links AS (
    SELECT l.target_level, l.target_id, l.task_id FROM commune.task_link l
    WHERE l.target_level = 'PROVINCIAL' AND l.target_id = ANY (ARRAY(SELECT id FROM p))
    UNION ALL
    SELECT l.target_level, l.target_id, l.task_id FROM commune.task_link l
    WHERE l.target_level = 'CENTRAL' AND l.target_id = $1),
  x AS (
    SELECT l.target_level, l.target_id, t.id, t.ordinal, t.content, c.name, c.province_code
    FROM links l
    JOIN commune.commune_task t ON t.id = l.task_id
    JOIN commune.commune_plan plan ON plan.id = t.plan_id
    JOIN commune.commune c ON c.code = plan.commune_code
    WHERE l.target_level = 'PROVINCIAL' OR $2::text IS NULL OR c.province_code = $2)
  SELECT 'central' AS kind, NULL AS parent, t.id::text, t.ref AS ordinal, t.content, t.deadline_text AS a,
         t.deadline_due_date::text AS b
  FROM central.central_task t WHERE t.id = $1
  UNION ALL
  SELECT 'provincial', $1::text, p.id::text, p.ordinal, p.content, p.number, p.province_name FROM p
  UNION ALL
  SELECT 'commune<' || x.target_level, x.target_id::text, x.id::text, x.ordinal, x.content, x.name, province.name
  FROM x JOIN provincial.province province ON province.code = x.province_code`;

/** Runs the floor statement for a trace and returns its rows in the comparable form. */
export async function floorRows(sql: Client, trace: TraceCase): Promise<TraceRow[]> {
  const { rows } = await sql.query<(string | null)[]>({
    text: FLOOR_SQL,
    values: [trace.centralId, trace.provinceCode],
    rowMode: 'array',
  });
  return rows;
}

interface CommuneTaskOut {
  id: string;
  ordinal: string | null;
  content: string;
  commune: { name: string; province: { name: string } };
}

/** What the gateway answers to TRACE_QUERY. */
export interface TraceAnswer {
  centralTask: {
    id: string;
    ref: string | null;
    content: string;
    deadline: { text: string; dueDate: string | null } | null;
    provincialTasks: {
      id: string;
      ordinal: string | null;
      content: string;
      plan: { number: string | null; province: { name: string } };
      communeTasks: CommuneTaskOut[];
    }[];
    communeTasks: CommuneTaskOut[];
  };
}

/** The gateway's answer flattened to the floor's rows, so that the two can be compared. */
export function answerRows(answer: TraceAnswer): TraceRow[] {
  const task = answer.centralTask;
  const commune = (level: string, parent: string, row: CommuneTaskOut): TraceRow => [
    `commune<${level}`,
    parent,
    row.id,
    row.ordinal,
    row.content,
    row.commune.name,
    row.commune.province.name,
  ];
  return [
    [
      'central',
      null,
      task.id,
      task.ref,
      task.content,
      task.deadline?.text ?? null,
      task.deadline?.dueDate ?? null,
    ],
    ...task.provincialTasks.flatMap((p): TraceRow[] => [
      ['provincial', task.id, p.id, p.ordinal, p.content, p.plan.number, p.plan.province.name],
      ...p.communeTasks.map((row) => commune('PROVINCIAL', p.id, row)),
    ]),
    ...task.communeTasks.map((row) => commune('CENTRAL', task.id, row)),
  ];
}

/** Null when both sides hold the same rows (as multisets); else what differs first, for the error. */
export function rowsDiffer(gateway: TraceRow[], floor: TraceRow[]): string | null {
  const canonical = (rows: TraceRow[]): string[] => rows.map((row) => JSON.stringify(row)).sort();
  const [a, b] = [canonical(gateway), canonical(floor)];
  if (a.length !== b.length) return `${a.length} rows through the gateway, ${b.length} from the floor`;
  const at = a.findIndex((line, i) => line !== b[i]);
  return at < 0 ? null : `gateway ${a[at]} vs floor ${b[at]}`;
}
