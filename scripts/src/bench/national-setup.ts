import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { catchUpSearchIndex, TaskLevel } from '@nq57/shared';
import { linkCommuneTasks, linkProvincialTasks } from './rollup-links';
import { fillLevel, readTemplates, type SqlRunner } from './search-data';
import type { BenchTask } from './live-writers';
import type { NationalFill } from './national-data';

/** A task the national reporters report on, with the jurisdiction whose token may report on it. */
export interface NationalTask extends BenchTask {
  /** The plan's province code (provincial tasks) or commune code (commune tasks). */
  jurisdiction: string;
}

/** The jurisdictions and directives the national subscribers follow, and every task reporters may report on. */
export interface NationalData {
  provinces: string[];
  /** Commune codes with their province code. */
  communes: { code: string; provinceCode: string }[];
  /** Numbers of the directives that have tasks. */
  directives: string[];
  tasks: NationalTask[];
  /** For each directive, one provincial task that implements one of its tasks (for readiness probes). */
  directiveProbes: Map<string, string>;
}

/**
 * Fills the national data set of `npm run bench:rollups` (search-data.ts and rollup-links.ts: 50 tasks for each
 * province and commune, and their trace links) into the database of a hub whose subgraphs run as processes
 * (national-data.ts does it through an in-process hub's data sources), then ANALYZEs the two levels.
 */
export async function fillNationDatabase(databaseUrl: string): Promise<NationalFill> {
  const started = performance.now();
  const [central, provincial, commune] = await Promise.all(
    ['central', 'provincial', 'commune'].map((schema) => schemaClient(databaseUrl, schema)),
  );
  try {
    const templates = await readTemplates({
      central: runner(central),
      provincial: runner(provincial),
      commune: runner(commune),
    });
    const provincialTasks = await fillLevel(runner(provincial), 'provincial', templates);
    const communeTasks = await fillLevel(runner(commune), 'commune', templates);
    const links = (await linkProvincialTasks(runner(provincial))) + (await linkCommuneTasks(runner(commune)));
    for (const client of [provincial, commune]) await client.query('ANALYZE');
    return { provincialTasks, communeTasks, links, seconds: (performance.now() - started) / 1000 };
  } finally {
    await Promise.all([central, provincial, commune].map((client) => client.end()));
  }
}

/**
 * Indexes the filled tasks for search the way each level does at start (`catchUpSearchIndex`), so that the
 * reports update search rows in place as they would in a running hub; returns the rows written.
 */
export async function indexNation(databaseUrl: string): Promise<number> {
  let written = 0;
  for (const [schema, level] of [
    ['provincial', TaskLevel.PROVINCIAL],
    ['commune', TaskLevel.COMMUNE],
  ] as const) {
    const client = await schemaClient(databaseUrl, schema);
    try {
      written += await catchUpSearchIndex(levelDataSource(runner(client)), level);
    } finally {
      await client.end();
    }
  }
  return written;
}

/**
 * VACUUM ANALYZE of the whole database after the fill and the indexing: what autovacuum does to a national
 * database long before a reporting peak. Without it autovacuum ran on the 168,000 fresh rows (and the dead
 * search rows the indexing left) during the measured reports, on the same two cores. Returns the seconds taken.
 */
export async function vacuumNation(databaseUrl: string): Promise<number> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

/**
 * The two members of a level's TypeORM data source that the catch-up uses, over a plain client: the levels run
 * as processes of their own here, so the benchmark has no data source of theirs.
 */
function levelDataSource(sql: SqlRunner): DataSource {
  return { query: sql.query, manager: { query: sql.query } } as unknown as DataSource;
}

/** Reads (across the levels' schemas, as a benchmark may) what the national subscribers and reporters need. */
export async function loadNation(databaseUrl: string): Promise<NationalData> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const provinces = await column(sql, 'SELECT code FROM provincial.province ORDER BY code');
    const communes = (
      await sql.query<{ code: string; province_code: string }>(
        'SELECT code, province_code FROM commune.commune ORDER BY code',
      )
    ).rows.map((row) => ({ code: row.code, provinceCode: row.province_code }));
    const directives = await column(
      sql,
      `SELECT d.number AS code FROM central.directive d
       WHERE d.number IS NOT NULL AND EXISTS (SELECT 1 FROM central.central_task t WHERE t.directive_id = d.id)
       ORDER BY d.number`,
    );
    return {
      provinces,
      communes,
      directives,
      tasks: await loadTasks(sql),
      directiveProbes: await probes(sql),
    };
  } finally {
    await sql.end();
  }
}

async function loadTasks(sql: Client): Promise<NationalTask[]> {
  type Row = { id: string; version: number; status: string; progress: number; jurisdiction: string };
  const read = async (query: string, mutation: BenchTask['mutation']): Promise<NationalTask[]> =>
    (await sql.query<Row>(query)).rows.map((row) => ({ ...row, mutation }));
  return [
    ...(await read(
      `SELECT t.id, t.version, t.status, t.progress, p.province_code AS jurisdiction
       FROM provincial.provincial_task t JOIN provincial.provincial_plan p ON p.id = t.plan_id ORDER BY t.id`,
      'updateProvincialTaskStatus',
    )),
    ...(await read(
      `SELECT t.id, t.version, t.status, t.progress, p.commune_code AS jurisdiction
       FROM commune.commune_task t JOIN commune.commune_plan p ON p.id = t.plan_id ORDER BY t.id`,
      'updateCommuneTaskStatus',
    )),
  ];
}

async function probes(sql: Client): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ number: string; id: string }>(
    `SELECT DISTINCT ON (d.number) d.number, l.task_id AS id
     FROM provincial.task_link l
     JOIN central.central_task c ON c.id = l.target_id
     JOIN central.directive d ON d.id = c.directive_id
     WHERE l.target_level = 'CENTRAL' AND d.number IS NOT NULL
     ORDER BY d.number, l.task_id`,
  );
  return new Map(rows.map((row) => [row.number, row.id]));
}

async function column(sql: Client, query: string): Promise<string[]> {
  return (await sql.query<{ code: string }>(query)).rows.map((row) => row.code);
}

async function schemaClient(databaseUrl: string, schema: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // The fill's SQL names its tables unqualified, as the subgraph that owns the schema sees them.
  await client.query(`SET search_path TO ${schema}`);
  return client;
}

function runner(client: Client): SqlRunner {
  return {
    query: async <T>(text: string, params?: unknown[]): Promise<T> =>
      (await client.query(text, params)).rows as T,
  };
}
