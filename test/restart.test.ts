import type { SubgraphServiceHandle } from '@nq57/shared';
import { startTestHub, subgraphsOf, type TestHub } from './support/hub';

/** The row count of every table of every subgraph's schema, keyed "service.table". */
async function rowCounts(hub: TestHub): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of subgraphsOf(hub)) {
    for (const table of await tablesOf(service)) {
      // Table names come from the catalogue, not from input; quoting keeps any spelling intact.
      const [{ count }] = await service.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "${table}"`,
      );
      counts[`${service.name}.${table}`] = count;
    }
  }
  return counts;
}

async function tablesOf(service: SubgraphServiceHandle): Promise<string[]> {
  const rows = await service.dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

const SEEDED_TABLES = [
  'central.directive',
  'central.central_task',
  'provincial.province',
  'provincial.provincial_plan',
  'provincial.provincial_task',
  'provincial.task_link',
  'commune.commune',
  'commune.commune_plan',
  'commune.commune_task',
  'commune.task_link',
];

describe('starting the hub again on the same database', () => {
  it('loads no seed row twice and keeps what was written in between', async () => {
    const first = await startTestHub();
    let second: TestHub | undefined;
    try {
      // A row only the first run wrote proves the second run really opened the same database.
      const written = await first.query(`
        mutation RecordBeforeRestart {
          createDirective(input: { number: "77/NQ-CP", kind: RESOLUTION, title: "Ghi trước khi khởi động lại" }) {
            number
          }
        }
      `);
      expect(written).toEqual({ data: { createDirective: { number: '77/NQ-CP' } } });
      const before = await rowCounts(first);
      await first.stop();

      second = await startTestHub({ database: first.databaseName });
      const after = await rowCounts(second);

      expect(after).toEqual(before);
      const filled = (table: string) => [table, after[table] > 0];
      expect(Object.fromEntries(SEEDED_TABLES.map(filled))).toEqual(
        Object.fromEntries(SEEDED_TABLES.map((table) => [table, true])),
      );
      const found = await second.query(`query AfterRestart { directive(number: "77/NQ-CP") { title } }`);
      expect(found).toEqual({ data: { directive: { title: 'Ghi trước khi khởi động lại' } } });
    } finally {
      // close() stops whichever hub still runs and drops the shared database once.
      await (second ?? first).close();
    }
  });
});
