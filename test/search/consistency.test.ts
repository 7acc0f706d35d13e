import { seedIds } from '@nq57/shared';
import { startTestHub, type TestHub } from '../support/hub';
import { seedTasks, updateMutation } from '../support/seed-tasks';

type Page = {
  totalCount: number;
  edges: { node: { level: string; task: { __typename: string; id: string } } }[];
};

const FIND = `
  query Find($query: String, $filter: TaskSearchFilter) {
    searchTasks(query: $query, filter: $filter, first: 100) {
      totalCount
      edges { node { level task { __typename id } } }
    }
  }
`;

async function find(hub: TestHub, variables: Record<string, unknown>): Promise<Page> {
  const { data, errors } = await hub.query<{ searchTasks: Page }>(FIND, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return (data as { searchTasks: Page }).searchTasks;
}

const idsOf = (page: Page): string[] => page.edges.map((edge) => edge.node.task.id).sort();

/** Every row of the projection as the events subgraph stores it (the search document included). */
async function projection(hub: TestHub): Promise<unknown[]> {
  return hub.events.dataSource.query(
    `SELECT task_id, level, ref, position, content, lead_names, document_id, document_number, province_code,
            commune_code, status, due_key, version, updated_at, document::text AS document
     FROM task_search ORDER BY task_id`,
  );
}

describe('the search projection stays consistent with the levels', () => {
  let hub: TestHub;
  let restarted: TestHub | undefined;

  beforeAll(async () => {
    hub = await startTestHub();
  });

  afterAll(async () => {
    // close() stops whichever hub still runs and drops the shared database once.
    await (restarted ?? hub).close();
  });

  it('shows a status report in the status filter as soon as the report returns, and not a refused one', async () => {
    const task = (await seedTasks(hub)).get('003-80');
    expect(await find(hub, { filter: { statuses: ['IN_PROGRESS'] } })).toEqual({ totalCount: 0, edges: [] });

    const input = { id: task.id, status: 'IN_PROGRESS', progress: 30, expectedVersion: task.version };
    const reported = await hub.query(updateMutation(task.typename), { input });
    expect(reported.errors).toBeUndefined();
    expect(await find(hub, { filter: { statuses: ['IN_PROGRESS'] } })).toEqual({
      totalCount: 1,
      edges: [{ node: { level: 'PROVINCIAL', task: { __typename: 'ProvincialTask', id: task.id } } }],
    });

    // A report refused for its stale version changes nothing, in the task or in the projection.
    const refused = await hub.query(updateMutation(task.typename), {
      input: { ...input, status: 'COMPLETED_ON_TIME', progress: 100 },
    });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['VERSION_CONFLICT']);
    expect((await find(hub, { filter: { statuses: ['COMPLETED_ON_TIME'] } })).totalCount).toBe(0);
    expect((await find(hub, { filter: { statuses: ['IN_PROGRESS'] } })).totalCount).toBe(1);
  });

  it('finds tasks created by mutations at each level as soon as they are created', async () => {
    const central = await hub.query<{ createCentralTask: { id: string } }>(
      `mutation NewCentral($directiveId: ID!) {
        createCentralTask(directiveId: $directiveId, task: { content: "Xây dựng nền tảng Xyzzy quốc gia" }) { id }
      }`,
      { directiveId: seedIds.directive('71/NQ-CP') },
    );
    const provincial = await hub.query<{ createProvincialTask: { id: string } }>(
      `mutation NewProvincial($planId: ID!) {
        createProvincialTask(planId: $planId, task: { content: "Triển khai nền tảng Xyzzy của tỉnh",
          lead: "Sở KH&CN", deadline: "Trước ngày 15/3/2026" }) { id }
      }`,
      { planId: seedIds.plan('003') },
    );
    const commune = await hub.query<{ createCommunePlan: { tasks: { id: string }[] } }>(
      `mutation NewCommunePlan {
        createCommunePlan(input: { communeCode: "24682", kind: PLAN, title: "Kế hoạch Xyzzy",
          tasks: [{ content: "Ứng dụng nền tảng XYZZY tại xã" }, { content: "Tập huấn cán bộ về Plugh" }] }) {
          tasks { id }
        }
      }`,
    );
    for (const result of [central, provincial, commune]) expect(result.errors).toBeUndefined();
    const found = await find(hub, { query: 'xyzzy' });
    expect(found.edges.map((edge) => edge.node.level).sort()).toEqual(['CENTRAL', 'COMMUNE', 'PROVINCIAL']);
    expect(idsOf(found)).toEqual(
      [
        central.data?.createCentralTask.id,
        provincial.data?.createProvincialTask.id,
        commune.data?.createCommunePlan.tasks[0].id,
      ].sort(),
    );
    // Scope and lead as the levels hold them: Thái Nguyên's new task, led by "Sở KH&CN" (Sở Khoa học và Công nghệ).
    const scoped = await find(hub, {
      query: 'xyzzy',
      filter: { provinceCode: '19', agency: 'Sở Khoa học và Công nghệ', dueTo: '2026-03-15' },
    });
    expect(idsOf(scoped)).toEqual([provincial.data?.createProvincialTask.id]);
    expect(idsOf(await find(hub, { query: 'plugh', filter: { communeCode: '24682' } }))).toEqual([
      commune.data?.createCommunePlan.tasks[1].id,
    ]);
  });

  it('refills rows missing or stale on the next start, and rewrites nothing else', async () => {
    const before = await projection(hub);
    expect(before).toHaveLength(98 + 1 + 131 + 1 + 20 + 2);
    const events = hub.events.dataSource;
    // As if the database predated search for the commune level, and one report had not reached the projection.
    await events.query(`DELETE FROM task_search WHERE level = 'COMMUNE'`);
    await events.query(
      `UPDATE task_search SET status = 'NOT_STARTED', version = 1 WHERE status = 'IN_PROGRESS'`,
    );
    const untouched = (await events.query(
      `SELECT task_id, indexed_at FROM task_search WHERE level = 'CENTRAL' ORDER BY task_id`,
    )) as unknown[];
    expect((await find(hub, { filter: { levels: ['COMMUNE'] } })).totalCount).toBe(0);
    await hub.stop();

    restarted = await startTestHub({ database: hub.databaseName });
    expect(await projection(restarted)).toEqual(before);
    expect(
      await restarted.events.dataSource.query(
        `SELECT task_id, indexed_at FROM task_search WHERE level = 'CENTRAL' ORDER BY task_id`,
      ),
    ).toEqual(untouched);
    expect((await find(restarted, { filter: { levels: ['COMMUNE'] } })).totalCount).toBe(22);
    expect((await find(restarted, { filter: { statuses: ['IN_PROGRESS'] } })).totalCount).toBe(1);
  });
});
