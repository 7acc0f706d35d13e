import type { Client } from 'graphql-ws';
import { start as startGateway } from '@nq57/gateway';
import { useTestHub } from '../support/hub';
import { collect, feedListenersReach, wsClient, type Received } from '../support/live';
import { seedTasks, updateMutation, type SeedTask } from '../support/seed-tasks';

const hub = useTestHub();
let get: (ref: string) => SeedTask;
const versions = new Map<string, number>();
const clients: Client[] = [];
const open: Received<unknown>[] = [];

beforeAll(async () => {
  ({ get } = await seedTasks(hub()));
});

afterEach(async () => {
  // A failed test must not leave listeners behind for the next one to count.
  for (const live of open.splice(0)) live.stop();
  await listenersReach(0);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

const LIVE = `
  subscription Live($filter: TaskEventFilter, $after: String) {
    taskStatusChanged(filter: $filter, after: $after) {
      cursor actor from to progress note
      task { __typename id content ... on CommuneTask { commune { name province { name } } provincialTasks { content } } }
    }
  }
`;

interface LiveEvent {
  cursor: string;
  actor: string;
  from: string;
  to: string;
  progress: number;
  note: string | null;
  task: { __typename: string; id: string; content: string; commune?: unknown; provincialTasks?: unknown };
}

function subscribe(variables: Record<string, unknown> = {}): Received<LiveEvent> {
  const client = wsClient(hub().gateway.wsUrl);
  clients.push(client);
  const live = collect<LiveEvent>(client, 'taskStatusChanged', LIVE, variables);
  open.push(live);
  return live;
}

/** Waits until the events subgraph has `count` listeners: subscriptions are live end to end. */
function listenersReach(count: number): Promise<void> {
  return feedListenersReach(hub().events.url, count);
}

/** Waits until the gateway carries `count` subscribers on its shared executions (10 s at most). */
async function gatewaySubscribersReach(count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (hub().gateway.liveStats().subscribers === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The gateway never carried ${count} subscribers`);
}

async function progress(task: SeedTask | { id: string; typename: SeedTask['typename'] }, value: number) {
  const expectedVersion = versions.get(task.id) ?? 1;
  const result = await hub().query<{ report: { task: { version: number } } }>(updateMutation(task.typename), {
    input: { id: task.id, status: 'IN_PROGRESS', progress: value, expectedVersion },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  versions.set(task.id, result.data!.report.task.version);
}

/** A commune task of a Thái Nguyên commune that carries out provincial task 003-80 (itself under 71/NQ-CP). */
async function thaiNguyenCommuneTask(): Promise<{
  id: string;
  typename: 'CommuneTask';
  communeCode: string;
}> {
  const communes = await hub().query<{ province: { communes: { code: string }[] } }>(
    `query ThaiNguyenCommunes { province(code: "19") { communes { code } } }`,
  );
  const communeCode = communes.data!.province.communes[0].code;
  const plan = await hub().query<{ createCommunePlan: { tasks: { id: string }[] } }>(
    `mutation NewCommunePlan($input: CommunePlanInput!) { createCommunePlan(input: $input) { tasks { id } } }`,
    {
      input: {
        communeCode,
        kind: 'PLAN',
        title: 'Kế hoạch triển khai Nghị quyết 71/NQ-CP',
        tasks: [{ content: 'Triển khai nhiệm vụ của tỉnh tại xã' }],
      },
    },
  );
  const [task] = plan.data!.createCommunePlan.tasks;
  const link = await hub().query(
    `mutation Link($input: LinkTaskInput!) { linkCommuneTask(input: $input) { id } }`,
    { input: { taskId: task.id, implements: [{ level: 'PROVINCIAL', id: get('003-80').id }] } },
  );
  if (link.errors) throw new Error(JSON.stringify(link.errors));
  return { id: task.id, typename: 'CommuneTask', communeCode };
}

describe('taskStatusChanged through the gateway', () => {
  it('delivers each change to exactly the subscribers whose filter it matches, with fields from every level', async () => {
    const local = await thaiNguyenCommuneTask();
    const subscribers = {
      all: subscribe(),
      directive71: subscribe({ filter: { directiveNumber: '71/NQ-CP' } }),
      thaiNguyen: subscribe({ filter: { provinceCode: '19' } }),
      thuanAn: subscribe({ filter: { communeCode: '24682' } }),
      communes: subscribe({ filter: { level: 'COMMUNE' } }),
      oneTask: subscribe({ filter: { taskId: get('002-3').id } }),
      directive07: subscribe({ filter: { directiveNumber: '07-TB/CQTTBCĐ' } }),
    };
    // Seven filters of one document: one routed execution upstream (0005, decision 8) carries all seven.
    await gatewaySubscribersReach(7);
    await listenersReach(1);
    const changes = [get('71/NQ-CP#5'), get('003-80'), get('004-9'), get('002-3'), local, get('000-1')];
    for (const [index, task] of changes.entries()) await progress(task, 10 + index);
    const expected = {
      all: ['71/NQ-CP#5', '003-80', '004-9', '002-3', 'local', '000-1'],
      directive71: ['71/NQ-CP#5', '003-80', '004-9', 'local'],
      thaiNguyen: ['003-80', 'local'],
      thuanAn: ['004-9'],
      communes: ['004-9', 'local'],
      oneTask: ['002-3'],
      directive07: ['002-3'],
    };
    const idOf = (ref: string): string => (ref === 'local' ? local.id : get(ref).id);
    for (const [name, refs] of Object.entries(expected)) {
      await subscribers[name as keyof typeof subscribers].waitFor(refs.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = Object.fromEntries(
      Object.entries(subscribers).map(([name, live]) => [name, live.items.map((event) => event.task.id)]),
    );
    expect(received).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, refs]) => [name, refs.map(idOf)])),
    );
    expect(subscribers.thaiNguyen.items[1]).toEqual({
      cursor: expect.any(String),
      actor: 'test-admin',
      from: 'NOT_STARTED',
      to: 'IN_PROGRESS',
      progress: 14,
      note: null,
      task: {
        __typename: 'CommuneTask',
        id: local.id,
        content: 'Triển khai nhiệm vụ của tỉnh tại xã',
        commune: { name: expect.any(String), province: { name: 'Thái Nguyên' } },
        provincialTasks: [{ content: expect.stringContaining('') }],
      },
    });
    for (const live of Object.values(subscribers)) live.stop();
    await listenersReach(0);
  });

  it('replays every matching event after a cursor, in order, then continues live without a gap or a duplicate', async () => {
    const first = subscribe();
    await listenersReach(1);
    const tasks = [get('003-1'), get('003-2'), get('004-1'), get('003-3')];
    for (const [index, task] of tasks.entries()) await progress(task, 20 + index);
    const seen = await first.waitFor(4);
    const resumed = subscribe({ after: seen[1].cursor });
    const resumedThaiNguyen = subscribe({ after: seen[0].cursor, filter: { provinceCode: '19' } });
    await resumed.waitFor(2);
    await listenersReach(3);
    await progress(get('004-2'), 30);
    await progress(get('003-4'), 31);
    const all = await first.waitFor(6);
    await resumed.waitFor(4);
    await resumedThaiNguyen.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cursors = (live: Received<LiveEvent>): string[] => live.items.map((event) => event.cursor);
    expect([cursors(resumed), cursors(resumedThaiNguyen)]).toEqual([
      [all[2], all[3], all[4], all[5]].map((event) => event.cursor),
      [all[1], all[3], all[5]].map((event) => event.cursor),
    ]);
    for (const live of [first, resumed, resumedThaiNguyen]) live.stop();
    await listenersReach(0);
  });

  it.each([
    ['a cursor it did not issue', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR'],
    ['an unknown province', { filter: { provinceCode: '99' } }, 'INVALID_JURISDICTION'],
    ['a malformed commune code', { filter: { communeCode: '24682; --' } }, 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error', async (_case, variables, code) => {
    const live = subscribe(variables);
    await live.ended;
    const codes = live.errors.flatMap((error) => (Array.isArray(error) ? error : [error])) as {
      extensions?: { code?: string };
    }[];
    expect(codes.map((error) => error.extensions?.code)).toEqual([code]);
  });
});

describe('a gateway just started', () => {
  it('serves a subscription that is the first request it gets', async () => {
    const { central, provincial, commune, events } = hub();
    const gateway = await startGateway({
      subgraphs: {
        central: central.url,
        provincial: provincial.url,
        commune: commune.url,
        events: events.url,
      },
    });
    try {
      const client = wsClient(gateway.wsUrl);
      clients.push(client);
      const task = get('003-6');
      const live = collect<LiveEvent>(client, 'taskStatusChanged', LIVE, { filter: { taskId: task.id } });
      await listenersReach(1);
      await progress(task, 5);
      const [event] = await live.waitFor(1);
      expect([event.task.id, event.progress, live.errors]).toEqual([task.id, 5, []]);
      live.stop();
      await listenersReach(0);
    } finally {
      await gateway.stop();
    }
  });
});

describe('cleaning up', () => {
  it('releases every listener when clients go away, and holds no extra database connection', async () => {
    const connections = async (): Promise<number> => {
      const [row] = (await hub().events.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`,
      )) as { n: number }[];
      return row.n;
    };
    await listenersReach(0);
    const baseline = await connections();
    const many = Array.from({ length: 10 }, () => wsClient(hub().gateway.wsUrl));
    // Each document differs (a comment), so none is shared with another: one listener per subscription.
    const subscriptions = many.flatMap((client, index) =>
      Array.from({ length: 10 }, (_unused, nth) =>
        collect(client, 'taskStatusChanged', `${LIVE}# subscription ${index}.${nth}\n`, {
          filter: { level: index % 2 ? 'COMMUNE' : 'PROVINCIAL' },
        }),
      ),
    );
    await listenersReach(100);
    await progress(get('003-5'), 50);
    await Promise.all(subscriptions.filter((_live, index) => index % 20 < 10).map((live) => live.waitFor(1)));
    for (const live of subscriptions.slice(0, 50)) live.stop();
    await listenersReach(50);
    await Promise.all(many.map((client) => client.dispose()));
    await listenersReach(0);
    expect(await connections()).toBe(baseline);
  });
});
