import type { Client } from 'graphql-ws';
import { useTestHub } from '../support/hub';
import { collect, feedListeners, wsClient, type Received } from '../support/live';
import { seedTasks, updateMutation, type SeedTask } from '../support/seed-tasks';
import { tokenFor } from '../support/tokens';

const hub = useTestHub();
let get: (ref: string) => SeedTask;
const versions = new Map<string, number>();
const clients: Client[] = [];

beforeAll(async () => {
  ({ get } = await seedTasks(hub()));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

// Selects fields of the provincial subgraph: the shared execution also fetches them once per event.
const LIVE = `
  subscription SharedLive($filter: TaskEventFilter) {
    taskStatusChanged(filter: $filter) {
      cursor from to progress
      task { __typename id content ... on ProvincialTask { plan { number province { name } } } }
    }
  }
`;

interface LiveEvent {
  cursor: string;
  from: string;
  to: string;
  progress: number;
  task: { __typename: string; id: string; content: string; plan?: unknown };
}

function client(token?: string): Client {
  const opened = wsClient(hub().gateway.wsUrl, 0, token);
  clients.push(opened);
  return opened;
}

/** `count` subscriptions spread over connections of at most 10 each (the per-connection cap is 20). */
function subscribeMany(
  count: number,
  variables: (index: number) => Record<string, unknown>,
): Received<LiveEvent>[] {
  const connections = Array.from({ length: Math.ceil(count / 10) }, () => client());
  return Array.from({ length: count }, (_unused, index) =>
    collect<LiveEvent>(connections[Math.floor(index / 10)], 'taskStatusChanged', LIVE, variables(index)),
  );
}

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function listeners(): Promise<number> {
  return feedListeners(hub().events.url);
}

/** Waits until the events subgraph has `upstreams` listeners and the gateway shares them among `subscribers`. */
async function liveReach(upstreams: number, subscribers: number): Promise<void> {
  await until(`${upstreams} upstream subscriptions for ${subscribers} subscribers`, async () => {
    const stats = hub().gateway.liveStats();
    return (
      stats.executions === upstreams && stats.subscribers === subscribers && (await listeners()) === upstreams
    );
  });
}

async function progress(task: SeedTask, value: number): Promise<void> {
  const expectedVersion = versions.get(task.id) ?? 1;
  const result = await hub().query<{ report: { task: { version: number } } }>(updateMutation(task.typename), {
    input: { id: task.id, status: 'IN_PROGRESS', progress: value, expectedVersion },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  versions.set(task.id, result.data!.report.task.version);
}

async function loggedTaskIds(): Promise<string[]> {
  const rows = (await hub().events.dataSource.query('SELECT task_id FROM task_event ORDER BY seq')) as {
    task_id: string;
  }[];
  return rows.map((row) => row.task_id);
}

describe('identical subscriptions share one execution', () => {
  it('gives 200 identical and 50 distinct subscribers exactly their events, in order, while reports flow', async () => {
    const tasks = Array.from({ length: 50 }, (_unused, index) => get(`003-${index + 1}`));
    const identical = subscribeMany(200, () => ({}));
    const distinct = subscribeMany(50, (index) => ({ filter: { taskId: tasks[index].id } }));
    // One document, 51 filters: one routed execution and one upstream carry all 250 (0005, decision 8).
    await liveReach(1, 250);
    const reports = Array.from({ length: 60 }, (_unused, index) => tasks[index % tasks.length]);
    // Five writers at once, each on its own tasks, so events arrive while others are being fanned out.
    await Promise.all(
      Array.from({ length: 5 }, async (_unused, writer) => {
        for (let index = writer; index < reports.length; index += 5)
          await progress(reports[index], index + 1);
      }),
    );
    await Promise.all([
      ...identical.map((live) => live.waitFor(60)),
      ...distinct.map((live, index) => live.waitFor(index < 10 ? 2 : 1)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = await loggedTaskIds();
    const ids = (live: Received<LiveEvent>): string[] => live.items.map((event) => event.task.id);
    expect(identical.map(ids)).toEqual(identical.map(() => log));
    expect(distinct.map(ids)).toEqual(tasks.map((task) => log.filter((id) => id === task.id)));
    expect(identical.map((live) => live.items)).toEqual(identical.map(() => identical[0].items));
    expect(new Set(identical[0].items.map((event) => event.cursor)).size).toBe(60);
    expect(identical[0].items.find((event) => event.task.id === tasks[0].id)).toEqual({
      cursor: expect.any(String),
      from: 'NOT_STARTED',
      to: 'IN_PROGRESS',
      progress: 1,
      task: {
        __typename: 'ProvincialTask',
        id: tasks[0].id,
        content: expect.any(String),
        plan: { number: '44/KH-UBND', province: { name: 'Thái Nguyên' } },
      },
    });
    expect([...identical, ...distinct].flatMap((live) => live.errors)).toEqual([]);
    for (const live of [...identical, ...distinct]) live.stop();
    await liveReach(0, 0);
  });

  it('cuts off a subscriber whose token lapses without disturbing the others on its execution', async () => {
    const task = get('003-60');
    const lapsing = client(await tokenFor({ role: 'viewer', jurisdiction: '19', ttlSeconds: 3 }));
    const staying = client(await tokenFor({ role: 'viewer', jurisdiction: '19' }));
    const anonymous = client();
    const filter = { filter: { taskId: task.id } };
    // The lapsing subscriber comes first, so it is the one whose request started the shared execution.
    const first = collect<LiveEvent>(lapsing, 'taskStatusChanged', LIVE, filter);
    await liveReach(1, 1);
    const others = [staying, anonymous].map((each) =>
      collect<LiveEvent>(each, 'taskStatusChanged', LIVE, filter),
    );
    await liveReach(1, 3);
    await progress(task, 10);
    await Promise.all([first, ...others].map((live) => live.waitFor(1)));
    await first.ended;
    await liveReach(1, 2);
    await progress(task, 20);
    await Promise.all(others.map((live) => live.waitFor(2)));
    expect({
      closedWith: (first.errors[0] as { code?: number }).code,
      first: first.items.map((event) => event.progress),
      others: others.map((live) =>
        live.items.map((event) => [event.progress, event.task.content.length > 0]),
      ),
      errors: others.flatMap((live) => live.errors),
    }).toEqual({
      closedWith: 4401,
      first: [10],
      others: [
        [
          [10, true],
          [20, true],
        ],
        [
          [10, true],
          [20, true],
        ],
      ],
      errors: [],
    });
    for (const live of others) live.stop();
  });

  it('executes an event once for subscriptions of one document that differ only in their filter', async () => {
    const task = get('003-61');
    const executions = async (subscriptions: Record<string, unknown>[], value: number): Promise<number> => {
      const live = subscriptions.map((variables) =>
        collect<LiveEvent>(client(), 'taskStatusChanged', LIVE, variables),
      );
      await liveReach(1, subscriptions.length);
      const before = hub().gateway.liveStats().eventExecutions;
      await progress(task, value);
      await Promise.all(live.map((each) => each.waitFor(1)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const used = hub().gateway.liveStats().eventExecutions - before;
      for (const each of live) each.stop();
      await liveReach(0, 0);
      expect(live.map((each) => [each.items[0].progress, each.items[0].task.plan, each.errors])).toEqual(
        live.map(() => [value, { number: '44/KH-UBND', province: { name: 'Thái Nguyên' } }, []]),
      );
      return used;
    };
    const alone = await executions([{ filter: { taskId: task.id } }], 10);
    const threeFilters = await executions(
      [{}, { filter: { provinceCode: '19' } }, { filter: { taskId: task.id } }],
      20,
    );
    // One routed upstream subscription receives the event for three filters; it is executed, fetches and all, once.
    expect([alone, threeFilters]).toEqual([1, 1]);
  });

  it('releases the upstream when the last subscriber of a shared execution leaves', async () => {
    await liveReach(0, 0);
    const baseline = await listeners();
    const subscribers = subscribeMany(30, () => ({ filter: { provinceCode: '19' } }));
    await liveReach(baseline + 1, 30);
    for (const live of subscribers.slice(0, 29)) live.stop();
    await liveReach(baseline + 1, 1);
    subscribers[29].stop();
    await liveReach(baseline, 0);
    expect([await listeners(), hub().gateway.liveStats()]).toEqual([
      baseline,
      { executions: 0, subscribers: 0, eventExecutions: expect.any(Number) },
    ]);
  });
});
