import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, seedIds, withDatabase } from '@nq57/shared';
import {
  spawnGateway,
  spawnProgram,
  spawnSubgraphReplica,
  spawnSubgraphs,
  type RunningProcess,
  type SubgraphProcesses,
} from '../../scripts/src/processes';
import { postGraphQL } from '../support/hub';
import { feedListenersReach } from '../support/live';
import { resumingSubscriber } from '../support/resuming';
import { startWriter, type WriterTarget } from '../support/writer';

// Real processes, killed and restarted: each program runs from its compiled dist/ (npm test builds first).
jest.setTimeout(180000);

const LIVE = `
  subscription Live($filter: TaskEventFilter, $after: String) {
    taskStatusChanged(filter: $filter, after: $after) { cursor to progress task { __typename id content } }
  }
`;

interface LiveEvent {
  cursor: string;
  to: string;
  progress: number;
  task: { __typename: string; id: string; content: string };
}

const serverUrl = (): string => {
  if (!process.env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: the global setup starts PostgreSQL');
  return process.env.DATABASE_URL;
};

async function freshDatabase(): Promise<{ name: string; url: string }> {
  const name = `nq57_proc_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl(), name);
  return { name, url: withDatabase(serverUrl(), name) };
}

/** Every event in the log, oldest first, read through a gateway. */
async function logCursors(gatewayUrl: string): Promise<string[]> {
  const cursors: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      data?: { taskEvents: { events: { cursor: string }[]; endCursor: string; hasNextPage: boolean } };
    } = await postGraphQL(
      gatewayUrl,
      `query Log($after: String) { taskEvents(first: 500, after: $after) { events { cursor } endCursor hasNextPage } }`,
      { after },
    );
    cursors.push(...(page.data?.taskEvents.events ?? []).map((event) => event.cursor));
    if (!page.data?.taskEvents.hasNextPage) return cursors;
    after = page.data.taskEvents.endCursor;
  }
}

const provincialTargets = (refs: string[]): WriterTarget[] =>
  refs.map((ref) => ({ id: seedIds.task(ref), mutation: 'updateProvincialTaskStatus' }));

describe('nothing lost across a killed gateway or subgraph', () => {
  let database: { name: string; url: string };
  let subgraphs: SubgraphProcesses;
  let gateway: RunningProcess;

  beforeAll(async () => {
    database = await freshDatabase();
    subgraphs = await spawnSubgraphs(database.url);
    gateway = await spawnGateway(subgraphs);
  });

  afterAll(async () => {
    const all = [gateway, ...Object.values(subgraphs)];
    const exits = await Promise.all(all.map((running) => running.kill('SIGTERM')));
    await dropDatabase(serverUrl(), database.name);
    // A clean stop on SIGTERM: every process exits by itself with code 0.
    expect(exits).toEqual(all.map(() => ({ code: 0, signal: null })));
  });

  it('resumes after a SIGKILLed gateway with exactly the events it missed', async () => {
    const dashboard = resumingSubscriber<LiveEvent>(gateway.wsUrl, 'taskStatusChanged', LIVE);
    // A subscription without `after` receives what commits once it is live: wait for that before writing.
    await feedListenersReach(subgraphs.events.url, 1);
    // Written straight to the provincial subgraph, so the writes go on while the gateway is down.
    const writer = startWriter(
      provincialTargets(['003-10', '003-11', '003-12']),
      60,
      () => subgraphs.provincial.url,
    );
    await dashboard.waitFor(10);
    const killed = await gateway.kill('SIGKILL');
    const missedFrom = writer.committed();
    await new Promise((resolve) => setTimeout(resolve, 500));
    gateway = await spawnGateway(subgraphs, gateway.port);
    expect(await writer.done).toBe(60);
    await dashboard.waitFor(60);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await dashboard.stop();
    expect(killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(writer.committed() - missedFrom).toBeGreaterThan(0);
    expect(dashboard.resumptions()).toBeGreaterThan(0);
    expect(dashboard.items.map((event) => event.cursor)).toEqual(await logCursors(gateway.url));
  });

  it('resumes after a SIGKILLed events subgraph with exactly the events it missed', async () => {
    const before = (await logCursors(gateway.url)).length;
    const dashboard = resumingSubscriber<LiveEvent>(gateway.wsUrl, 'taskStatusChanged', LIVE, {
      filter: { provinceCode: '19' },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Written through the gateway: reports do not need the events subgraph, only the log it reads.
    const writer = startWriter(provincialTargets(['003-20', '003-21', '003-22']), 60, () => gateway.url);
    await dashboard.waitFor(10);
    const killed = await subgraphs.events.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    subgraphs.events = await spawnProgram('events', { DATABASE_URL: database.url }, subgraphs.events.port);
    expect(await writer.done).toBe(60);
    await dashboard.waitFor(60);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await dashboard.stop();
    expect(killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(dashboard.resumptions()).toBeGreaterThan(0);
    // The gateway says what happened, in a GraphQL error, rather than passing on a bare close event.
    expect(dashboard.errorCodes).toContain('UPSTREAM_UNAVAILABLE');
    expect(dashboard.items.map((event) => event.cursor)).toEqual(
      (await logCursors(gateway.url)).slice(before),
    );
  });
});

describe('scale-out: two gateways, two replicas of the commune and events subgraphs, one database', () => {
  it('delivers a change written through either replica to subscribers on both gateways, once', async () => {
    const database = await freshDatabase();
    const first = await spawnSubgraphs(database.url);
    const second: SubgraphProcesses = {
      ...first,
      commune: await spawnSubgraphReplica('commune', database.url, first),
      events: await spawnProgram('events', { DATABASE_URL: database.url }),
    };
    const gateways = [await spawnGateway(first), await spawnGateway(second)];
    const processes = [...gateways, ...Object.values(first), second.commune, second.events];
    try {
      const dashboards = gateways.map((gw) =>
        resumingSubscriber<LiveEvent>(gw.wsUrl, 'taskStatusChanged', LIVE, { filter: { level: 'COMMUNE' } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const targets: WriterTarget[] = ['004-1', '004-2', '004-3', '004-4'].map((ref) => ({
        id: seedIds.task(ref),
        mutation: 'updateCommuneTaskStatus',
      }));
      const writer = startWriter(
        targets,
        40,
        (index) => [first.commune.url, second.commune.url][index % 2],
        5,
      );
      expect(await writer.done).toBe(40);
      await Promise.all(dashboards.map((dashboard) => dashboard.waitFor(40)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all(dashboards.map((dashboard) => dashboard.stop()));
      const log = await logCursors(gateways[1].url);
      expect([
        log.length,
        ...dashboards.map((dashboard) => dashboard.items.map((event) => event.cursor)),
      ]).toEqual([40, log, log]);
    } finally {
      await Promise.all(processes.map((running) => running.kill('SIGTERM')));
      await dropDatabase(serverUrl(), database.name);
    }
  });
});
