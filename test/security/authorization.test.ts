import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { generateKeyPair, SignJWT } from 'jose';
import { dropDatabase, ensureDatabase, seedIds, withDatabase } from '@nq57/shared';
import {
  spawnGateway,
  spawnProgram,
  spawnSubgraphs,
  type RunningProcess,
  type SubgraphProcesses,
} from '../../scripts/src/processes';
import { postGraphQL, type GraphQLResult } from '../support/hub';
import { collect, wsClient } from '../support/live';
import { tokenFor } from '../support/tokens';

// Real processes: the gateway and each subgraph verify tokens themselves (npm test builds dist/ first).
jest.setTimeout(120000);

const serverUrl = (): string => {
  if (!process.env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: the global setup starts PostgreSQL');
  return process.env.DATABASE_URL;
};

let database: { name: string; url: string };
let subgraphs: SubgraphProcesses;
let gateway: RunningProcess;
let sql: PgClient;

beforeAll(async () => {
  const name = `nq57_auth_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl(), name);
  database = { name, url: withDatabase(serverUrl(), name) };
  subgraphs = await spawnSubgraphs(database.url);
  gateway = await spawnGateway(subgraphs);
  sql = new PgClient({ connectionString: database.url });
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
  await Promise.all([gateway, ...Object.values(subgraphs)].map((running) => running.kill('SIGTERM')));
  await dropDatabase(serverUrl(), database.name);
});

/** Rows that any write in this file would add: events, plans of both levels, directives. */
async function written(): Promise<number[]> {
  const { rows } = await sql.query<{ events: number; provincial: number; commune: number; central: number }>(
    `SELECT (SELECT count(*) FROM events.task_event)::int AS events,
            (SELECT count(*) FROM provincial.provincial_plan)::int AS provincial,
            (SELECT count(*) FROM commune.commune_plan)::int AS commune,
            (SELECT count(*) FROM central.directive)::int AS central`,
  );
  return Object.values(rows[0]);
}

const versionOf = async (table: string, id: string): Promise<number> =>
  (await sql.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version;

const TASKS = {
  thaiNguyen: {
    id: seedIds.task('003-1'),
    table: 'provincial.provincial_task',
    field: 'updateProvincialTaskStatus',
  },
  thaiNguyenFinance: {
    id: seedIds.task('003-8'),
    table: 'provincial.provincial_task',
    field: 'updateProvincialTaskStatus',
  },
  thuanAn: { id: seedIds.task('004-9'), table: 'commune.commune_task', field: 'updateCommuneTaskStatus' },
  central: {
    id: seedIds.centralTask('71/NQ-CP#5'),
    table: 'central.central_task',
    field: 'updateCentralTaskStatus',
  },
} as const;

type Operation = (url: string, token: string | null) => Promise<GraphQLResult<unknown>>;

const report =
  (task: (typeof TASKS)[keyof typeof TASKS]): Operation =>
  async (url, token) =>
    postGraphQL(
      url,
      `mutation Report($input: TaskStatusInput!) { ${task.field}(input: $input) { task { version } } }`,
      {
        input: {
          id: task.id,
          status: 'IN_PROGRESS',
          progress: 1 + (await versionOf(task.table, task.id)),
          expectedVersion: await versionOf(task.table, task.id),
        },
      },
      token,
    );

const OPERATIONS: Record<string, Operation> = {
  'report Thái Nguyên 003-1': report(TASKS.thaiNguyen),
  'report Thuận An 004-9': report(TASKS.thuanAn),
  'report central 71/NQ-CP#5': report(TASKS.central),
  'plan in province 19': (url, token) =>
    postGraphQL(
      url,
      `mutation Plan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { id } }`,
      {
        input: {
          provinceCode: '19',
          kind: 'PLAN',
          title: `Kế hoạch thử ${randomBytes(3).toString('hex')}`,
          tasks: [],
        },
      },
      token,
    ),
  'plan in commune 24682': (url, token) =>
    postGraphQL(
      url,
      `mutation Plan($input: CommunePlanInput!) { createCommunePlan(input: $input) { id } }`,
      {
        input: {
          communeCode: '24682',
          kind: 'PLAN',
          title: `Kế hoạch thử ${randomBytes(3).toString('hex')}`,
          tasks: [],
        },
      },
      token,
    ),
  'create a directive': (url, token) =>
    postGraphQL(
      url,
      `mutation Directive($input: DocumentInput!) { createDirective(input: $input) { id } }`,
      { input: { number: `${randomBytes(3).toString('hex')}/NQ-CP`, kind: 'RESOLUTION', title: 'Thử' } },
      token,
    ),
};

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const OK = 'OK';

// Columns follow OPERATIONS: report 19, report 24682, report central, plan 19, plan 24682, create directive.
const MATRIX: [string, () => Promise<string | null>, string[]][] = [
  ['no token', async () => null, [U, U, U, U, U, U]],
  ['viewer of 19', () => tokenFor({ role: 'viewer', jurisdiction: '19' }), [F, F, F, F, F, F]],
  ['reporter of 19', () => tokenFor({ role: 'reporter', jurisdiction: '19' }), [OK, F, F, F, F, F]],
  [
    'reporter of 56 (another province)',
    () => tokenFor({ role: 'reporter', jurisdiction: '56' }),
    [F, F, F, F, F, F],
  ],
  ['planner of 19', () => tokenFor({ role: 'planner', jurisdiction: '19' }), [OK, F, F, OK, F, F]],
  ['planner of 56', () => tokenFor({ role: 'planner', jurisdiction: '56' }), [F, F, F, F, F, F]],
  ['reporter of 24682', () => tokenFor({ role: 'reporter', jurisdiction: '24682' }), [F, OK, F, F, F, F]],
  [
    'reporter of 24685 (another commune)',
    () => tokenFor({ role: 'reporter', jurisdiction: '24685' }),
    [F, F, F, F, F, F],
  ],
  ['planner of 24682', () => tokenFor({ role: 'planner', jurisdiction: '24682' }), [F, OK, F, F, OK, F]],
  [
    'reporter of 68 (Thuận An’s province)',
    () => tokenFor({ role: 'reporter', jurisdiction: '68' }),
    [F, F, F, F, F, F],
  ],
  ['central planner', () => tokenFor({ role: 'planner', jurisdiction: 'central' }), [F, F, OK, F, F, OK]],
  ['admin', () => tokenFor({ role: 'admin', jurisdiction: 'central' }), [OK, OK, OK, OK, OK, OK]],
  [
    'an expired token',
    () => tokenFor({ role: 'admin', jurisdiction: 'central', ttlSeconds: -60 }),
    [U, U, U, U, U, U],
  ],
  ['a token of another key', forgedAdminToken, [U, U, U, U, U, U]],
];

async function forgedAdminToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ role: 'admin', jurisdiction: 'central' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('intruder')
    .setIssuer('nq57-hub')
    .setAudience('nq57-hub')
    .setExpirationTime('1h')
    .sign(privateKey);
}

function outcomeOf(result: GraphQLResult<unknown>): string {
  return result.errors ? String(result.errors[0].extensions?.code) : OK;
}

/**
 * The outcome of one operation, checked against the database: an accepted write adds exactly one row, a
 * refused one none ("… but wrote" and "WROTE?" would show a leak).
 */
async function attempt(operation: Operation, bearer: string | null): Promise<string> {
  const total = async (): Promise<number> => (await written()).reduce((sum, count) => sum + count, 0);
  const before = await total();
  const outcome = outcomeOf(await operation(gateway.url, bearer));
  const added = (await total()) - before;
  if (outcome === OK) return added === 1 ? OK : 'WROTE?';
  return added === 0 ? outcome : `${outcome} but wrote`;
}

describe('role × jurisdiction × operation, through the gateway', () => {
  it.each(MATRIX)('%s', async (_who, token, expected) => {
    const bearer = await token();
    const outcomes: Record<string, string> = {};
    for (const [name, operation] of Object.entries(OPERATIONS))
      outcomes[name] = await attempt(operation, bearer);
    expect(outcomes).toEqual(
      Object.fromEntries(Object.keys(OPERATIONS).map((name, i) => [name, expected[i]])),
    );
  });

  it('lets an agency-bound reporter report only on the tasks that agency leads', async () => {
    const token = await tokenFor({
      role: 'reporter',
      jurisdiction: '19',
      agency: 'Sở Khoa học và Công nghệ',
    });
    const own = outcomeOf(await report(TASKS.thaiNguyen)(gateway.url, token));
    const other = outcomeOf(await report(TASKS.thaiNguyenFinance)(gateway.url, token));
    expect({ 'Sở KH&CN leads 003-1': own, 'Sở Tài chính leads 003-8': other }).toEqual({
      'Sở KH&CN leads 003-1': OK,
      'Sở Tài chính leads 003-8': F,
    });
  });
});

describe('going around the gateway', () => {
  it('writes nothing on a subgraph port without a valid token, whatever headers claim', async () => {
    const before = await written();
    const direct = async (headers: Record<string, string>): Promise<string> => {
      const response = await fetch(subgraphs.provincial.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: `mutation Plan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { id } }`,
          variables: { input: { provinceCode: '19', kind: 'PLAN', title: 'Vượt rào', tasks: [] } },
        }),
      });
      return outcomeOf((await response.json()) as GraphQLResult<unknown>);
    };
    const outcomes = {
      none: await direct({}),
      actorHeader: await direct({ 'x-nq57-actor': 'admin' }),
      forged: await direct({ authorization: `Bearer ${await forgedAdminToken()}` }),
      otherProvince: await direct({
        authorization: `Bearer ${await tokenFor({ role: 'planner', jurisdiction: '56' })}`,
      }),
    };
    expect(outcomes).toEqual({ none: U, actorHeader: U, forged: U, otherProvince: F });
    expect(await written()).toEqual(before);
  });
});

describe('abuse limits on the running gateway process', () => {
  it('refuses an over-deep and an over-costly query with their codes', async () => {
    const deep = `query DeepTrace { directive(number: "71/NQ-CP") { tasks { provincialTasks { communeTasks {
      provincialTasks { centralTasks { provincialTasks { communeTasks { provincialTasks { centralTasks {
      provincialTasks { communeTasks { content } } } } } } } } } } } } }`;
    const costly = `query FanOut { directives { tasks { provincialTasks { communeTasks { provincialTasks {
      centralTasks { content } } } } } } }`;
    const codes = async (query: string): Promise<unknown[]> =>
      ((await postGraphQL(gateway.url, query)).errors ?? []).map((error) => error.extensions?.code);
    expect({ deep: await codes(deep), costly: await codes(costly) }).toEqual({
      deep: ['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY'],
      costly: ['QUERY_TOO_COSTLY'],
    });
  });
});

describe('WebSockets', () => {
  it('refuses a write sent over a socket without a token, and a socket with a bad one', async () => {
    const anonymous = wsClient(gateway.wsUrl);
    const write = collect(
      anonymous,
      'createProvincialPlan',
      `mutation Plan { createProvincialPlan(input: { provinceCode: "19", kind: PLAN, title: "Qua socket", tasks: [] }) { id } }`,
    );
    await write.ended;
    const bad = wsClient(gateway.wsUrl, 0, 'not.a.token');
    const refused = collect(bad, 'taskStatusChanged', `subscription Live { taskStatusChanged { cursor } }`);
    await refused.ended;
    await Promise.all([anonymous.dispose(), bad.dispose()]);
    const codes = (write.errors as { extensions?: { code?: string } }[][])
      .flat()
      .map((e) => e.extensions?.code);
    expect([codes, (refused.errors[0] as { code?: number }).code]).toEqual([[U], 4403]);
  });

  it('closes a subscription when its token expires', async () => {
    const token = await tokenFor({ role: 'viewer', jurisdiction: '19', ttlSeconds: 3 });
    const client = wsClient(gateway.wsUrl, 0, token);
    const live = collect<{ cursor: string }>(
      client,
      'taskStatusChanged',
      `subscription Live { taskStatusChanged { cursor } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await report(TASKS.central)(gateway.url, await tokenFor({ role: 'admin', jurisdiction: 'central' }));
    await live.waitFor(1);
    const started = Date.now();
    await live.ended;
    await client.dispose();
    expect([
      live.items.length,
      (live.errors[0] as { code?: number }).code,
      Date.now() - started < 5000,
    ]).toEqual([1, 4401, true]);
  });
});

describe('reads closed by configuration', () => {
  it('refuses anonymous reads and sockets, and serves a viewer', async () => {
    const closed = await spawnProgram('gateway', {
      NQ57_PUBLIC_READS: 'false',
      CENTRAL_URL: subgraphs.central.url,
      PROVINCIAL_URL: subgraphs.provincial.url,
      COMMUNE_URL: subgraphs.commune.url,
      EVENTS_URL: subgraphs.events.url,
    });
    try {
      const query = `query Directive { directive(number: "71/NQ-CP") { number } }`;
      const anonymous = await postGraphQL(closed.url, query);
      const viewer = await postGraphQL(
        closed.url,
        query,
        {},
        await tokenFor({ role: 'viewer', jurisdiction: '19' }),
      );
      const socket = wsClient(closed.wsUrl);
      const live = collect(socket, 'taskStatusChanged', `subscription Live { taskStatusChanged { cursor } }`);
      await live.ended;
      await socket.dispose();
      expect([outcomeOf(anonymous), viewer, (live.errors[0] as { code?: number }).code]).toEqual([
        U,
        { data: { directive: { number: '71/NQ-CP' } } },
        4403,
      ]);
    } finally {
      await closed.kill('SIGTERM');
    }
  });
});
