import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startTestHub, useTestHub, type TestHub } from '../../../test/support/hub';
import { officialCommunes } from '../jurisdictions/jurisdictions';
import { seedIds } from '../seeds/seed-files';
import { httpEntityClient } from '../federation/entity-client';
import { TaskLevel } from '../task/task-status';
import { EVENT_CHANNEL } from './event-log';
import { CENTRAL_ROUTING_TABLE, TRACE_LINK_TABLE, directiveKeysSql } from './read-model';
import { directiveKeys, directiveKeysOfCentralTasks, linkedTargets } from './routing';

type Level = TaskLevel.CENTRAL | TaskLevel.PROVINCIAL | TaskLevel.COMMUNE;

/** Every task of the hub with its level, read from each level's own table. */
async function allTasks(hub: TestHub): Promise<{ id: string; level: Level }[]> {
  const ids = async (source: DataSource, table: string, level: Level) =>
    ((await source.query(`SELECT id FROM ${table} ORDER BY id`)) as { id: string }[]).map(({ id }) => ({
      id,
      level,
    }));
  return [
    ...(await ids(hub.central.dataSource, 'central_task', TaskLevel.CENTRAL)),
    ...(await ids(hub.provincial.dataSource, 'provincial_task', TaskLevel.PROVINCIAL)),
    ...(await ids(hub.commune.dataSource, 'commune_task', TaskLevel.COMMUNE)),
  ];
}

/** The routing as status reports computed it before the read model: links, then `_entities` over HTTP. */
async function httpRouting(hub: TestHub, level: Level, id: string): Promise<string[]> {
  const central = httpEntityClient(hub.central.url);
  if (level === TaskLevel.CENTRAL) {
    const rows = (await hub.central.dataSource.query(
      `SELECT d.number, d.aliases FROM central_task t JOIN directive d ON d.id = t.directive_id WHERE t.id = $1`,
      [id],
    )) as { number: string | null; aliases: string[] }[];
    return rows.flatMap(directiveKeys);
  }
  const source = level === TaskLevel.PROVINCIAL ? hub.provincial.dataSource : hub.commune.dataSource;
  const targets = await linkedTargets(source.manager, level, [id]);
  const idsAt = (at: TaskLevel): string[] => targets.filter((t) => t.level === at).map((t) => t.id);
  const viaProvince = await httpEntityClient(hub.provincial.url).fetch<{ allCentralTasks: { id: string }[] }>(
    'ProvincialTask',
    idsAt(TaskLevel.PROVINCIAL),
    'allCentralTasks { id }',
  );
  const centralIds = [
    ...idsAt(TaskLevel.CENTRAL),
    ...viaProvince.flatMap((task) => task?.allCentralTasks.map((c) => c.id) ?? []),
  ];
  return directiveKeysOfCentralTasks(central, centralIds);
}

/** The routing as a report now reads it: one SQL over the events read model, on the level's connection. */
async function sqlRouting(hub: TestHub, level: Level, id: string): Promise<string[]> {
  if (level === TaskLevel.CENTRAL) {
    const rows = (await hub.central.dataSource.query(
      `SELECT directive_keys FROM ${CENTRAL_ROUTING_TABLE} WHERE task_id = $1`,
      [id],
    )) as { directive_keys: string[] }[];
    return [...(rows[0]?.directive_keys ?? [])].sort();
  }
  const source = level === TaskLevel.PROVINCIAL ? hub.provincial.dataSource : hub.commune.dataSource;
  const [{ keys }] = (await source.query(`SELECT ${directiveKeysSql(level, '$1')} AS keys`, [id])) as {
    keys: string[];
  }[];
  return keys;
}

async function compareAll(hub: TestHub): Promise<{ tasks: number; routed: number }> {
  const tasks = await allTasks(hub);
  const mismatches: unknown[] = [];
  let routed = 0;
  for (const { id, level } of tasks) {
    const before = [...(await httpRouting(hub, level, id))].sort();
    const after = await sqlRouting(hub, level, id);
    if (before.length > 0) routed += 1;
    if (JSON.stringify(before) !== JSON.stringify(after)) mismatches.push({ id, level, before, after });
  }
  expect(mismatches).toEqual([]);
  return { tasks: tasks.length, routed };
}

describe('event routing from the events read model', () => {
  const hub = useTestHub();

  it('gives every seed task the directive keys the HTTP routing gives it', async () => {
    const { tasks, routed } = await compareAll(hub());
    expect(tasks).toBe(98 + 131 + 20);
    // The seeds trace most provincial and commune tasks to a directive: the comparison is not vacuous.
    expect(routed).toBeGreaterThan(150);
  });

  it('follows links made by mutations, through tasks of the same level, at once', async () => {
    // A new Thái Nguyên task implementing row 80 of 44/KH-UBND (which implements 71/NQ-CP#5), a new commune
    // task of a Thái Nguyên commune implementing it, and another commune task implementing that one: the last
    // reaches 71/NQ-CP through a commune task and two provincial tasks.
    const created = await hub().query<{ createProvincialTask: { id: string } }>(
      `mutation NewProvincial($planId: ID!) {
        createProvincialTask(planId: $planId, task: { content: "Nhiệm vụ nối tiếp hàng 80" }) { id }
      }`,
      { planId: seedIds.plan('003') },
    );
    const provincial = created.data?.createProvincialTask.id as string;
    const commune = officialCommunes().find((candidate) => candidate.provinceCode === '19');
    const plan = await hub().query<{ createCommunePlan: { tasks: { id: string }[] } }>(
      `mutation NewCommunePlan($input: CommunePlanInput!) { createCommunePlan(input: $input) { tasks { id } } }`,
      {
        input: {
          communeCode: commune?.code,
          kind: 'PLAN',
          title: 'Kế hoạch thử định tuyến',
          tasks: [{ content: 'Việc một' }, { content: 'Việc hai' }],
        },
      },
    );
    const [first, second] = plan.data?.createCommunePlan.tasks.map((task) => task.id) ?? [];
    const link = async (field: string, taskId: string, level: string, id: string) => {
      const result = await hub().query(
        `mutation Link($input: LinkTaskInput!) { ${field}(input: $input) { id } }`,
        { input: { taskId, implements: [{ level, id }] } },
      );
      expect(result.errors).toBeUndefined();
    };
    await link('linkProvincialTask', provincial, 'PROVINCIAL', seedIds.task('003-80'));
    await link('linkCommuneTask', first, 'PROVINCIAL', provincial);
    await link('linkCommuneTask', second, 'COMMUNE', first);
    expect(await sqlRouting(hub(), TaskLevel.COMMUNE, second)).toContain('71/NQ-CP');
    expect(await httpRouting(hub(), TaskLevel.COMMUNE, second)).toContain('71/NQ-CP');
    await compareAll(hub());
  });

  it('refills a mirror that lost rows, or kept rows the level no longer has, at the next start', async () => {
    const events = hub().events.dataSource;
    const count = async () =>
      ((await events.query(`SELECT count(*)::int AS n FROM ${TRACE_LINK_TABLE}`)) as { n: number }[])[0].n;
    const whole = await count();
    await events.query(`DELETE FROM ${TRACE_LINK_TABLE} WHERE task_level = 'COMMUNE'`);
    await events.query(
      `INSERT INTO ${TRACE_LINK_TABLE} VALUES ('PROVINCIAL', gen_random_uuid(), 'CENTRAL', gen_random_uuid())`,
    );
    await events.query(`DELETE FROM ${CENTRAL_ROUTING_TABLE} WHERE task_id IN (
      SELECT task_id FROM ${CENTRAL_ROUTING_TABLE} ORDER BY task_id LIMIT 5)`);
    await hub().stop();
    const restarted = await startTestHub({ database: hub().databaseName });
    try {
      expect(
        (
          (await restarted.events.dataSource.query(`SELECT count(*)::int AS n FROM ${TRACE_LINK_TABLE}`)) as {
            n: number;
          }[]
        )[0].n,
      ).toBe(whole);
      await compareAll(restarted);
    } finally {
      await restarted.stop();
    }
  });
});

describe('the task_event trigger', () => {
  const hub = useTestHub({ seed: false });

  it('numbers appends in commit order and announces each one on commit', async () => {
    const listener = new Client({ connectionString: hub().databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query(`LISTEN ${EVENT_CHANNEL}`);
    const append = `INSERT INTO events.task_event (id, actor, task_level, task_id, from_status, to_status,
        from_progress, progress, version)
      VALUES (gen_random_uuid(), 'test', 'CENTRAL', gen_random_uuid(), 'NOT_STARTED', 'IN_PROGRESS', 0, 10, 2)
      RETURNING seq`;
    const first = hub().central.dataSource.createQueryRunner();
    const second = hub().central.dataSource.createQueryRunner();
    try {
      await first.startTransaction();
      const [{ seq: firstSeq }] = (await first.query(append)) as { seq: string }[];
      await second.startTransaction();
      // The second append waits for the first one's commit before it may draw its number.
      const secondAppend = second.query(append) as Promise<{ seq: string }[]>;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([]);
      await first.commitTransaction();
      const [{ seq: secondSeq }] = await secondAppend;
      expect(BigInt(secondSeq)).toBeGreaterThan(BigInt(firstSeq));
      await second.rollbackTransaction();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The rolled-back append announced nothing.
      expect(heard).toEqual([firstSeq]);
    } finally {
      await first.release();
      await second.release();
      await listener.end();
    }
  });
});
