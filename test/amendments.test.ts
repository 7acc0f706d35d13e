import { Role, seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';
import { collect, feedListenersReach, wsClient } from './support/live';
import { tokenFor } from './support/tokens';

const hub = useTestHub();

const TASK_FIELDS = 'id ordinal content version removedAt removedBasis deadline { text kind dueDate }';

const AMEND = `
  mutation Amend($input: AmendTaskInput!) { amendProvincialTask(input: $input) { ${TASK_FIELDS} } }
`;
const REMOVE = `
  mutation Remove($input: RemoveTaskInput!) { removeCommuneTask(input: $input) { id version removedBasis } }
`;
const UNLINK = `
  mutation Unlink($input: UnlinkTaskInput!) { unlinkCommuneTask(input: $input) { id version centralTasks { id } } }
`;
const HISTORY = `
  query History($id: ID!) {
    provincialTask(id: $id) { history(first: 5) { events { kind actor from to note version changes { field from to } } } }
  }
`;
const COMMUNE_HISTORY = `
  query CommuneHistory($id: ID!) {
    communeTask(id: $id) { history(first: 5) { events { kind note version changes { field from to } } } }
  }
`;
const COMMUNE_PROGRESS = `
  query CommuneProgress { commune(code: "24682") { progress { total } } }
`;
const TRACE = `
  query Trace { directive(number: "71/NQ-CP") { tasks { ref communeTasks { ref } } } }
`;
const LIVE = `
  subscription Amendments($filter: TaskEventFilter) {
    taskStatusChanged(filter: $filter) { kind note changes { field from to } task { id } }
  }
`;

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };
const codes = (result: Errors): unknown[] => result.errors?.map((error) => error.extensions?.code) ?? [];

const planner = (jurisdiction: string): Promise<string> => tokenFor({ role: Role.PLANNER, jurisdiction });

describe('amendments, one task at a time', () => {
  const task8019 = seedIds.task('003-80');
  const basis = 'Kế hoạch 12/KH-UBND ngày 5/3/2026 điều chỉnh';

  it('amends printed fields for a planner of the province: new version, the deadline derived again, audited', async () => {
    const token = await planner('19');
    const input = {
      id: task8019,
      expectedVersion: 1,
      basis,
      changes: { deadline: 'Quý II/2026', notes: 'Bổ sung' },
    };
    const result = await hub().query<{ amendProvincialTask: Record<string, unknown> }>(
      AMEND,
      { input },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.amendProvincialTask).toMatchObject({
      id: task8019,
      version: 2,
      removedAt: null,
      deadline: { text: 'Quý II/2026', kind: 'QUARTER', dueDate: '2026-06-30' },
    });
    // A retry of the same amendment (at the version it named) answers with the task and writes nothing.
    const retry = await hub().query<{ amendProvincialTask: { version: number } }>(AMEND, { input }, token);
    expect(retry.data?.amendProvincialTask.version).toBe(2);
    const other = { ...input, changes: { deadline: 'Quý III/2026' } };
    expect(codes(await hub().query(AMEND, { input: other }, token))).toEqual(['VERSION_CONFLICT']);
    const history = await hub().query<{ provincialTask: { history: { events: unknown[] } } }>(HISTORY, {
      id: task8019,
    });
    expect(history.data?.provincialTask.history.events).toEqual([
      {
        kind: 'AMENDED',
        actor: 'planner@19',
        from: 'NOT_STARTED',
        to: 'NOT_STARTED',
        note: basis,
        version: 2,
        changes: [
          { field: 'deadline', from: null, to: 'Quý II/2026' },
          { field: 'notes', from: null, to: 'Bổ sung' },
        ],
      },
    ]);
  });

  it('refuses a reporter, a planner of another province, and an empty content, writing nothing', async () => {
    const input = { id: task8019, expectedVersion: 2, basis, changes: { content: 'Khác' } };
    const reporter = await tokenFor({ role: Role.REPORTER, jurisdiction: '19' });
    expect(codes(await hub().query(AMEND, { input }, reporter))).toEqual(['FORBIDDEN']);
    expect(codes(await hub().query(AMEND, { input }, await planner('15')))).toEqual(['FORBIDDEN']);
    expect(codes(await hub().query(AMEND, { input: { ...input, changes: { content: null } } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await hub().query(AMEND, { input }, null))).toEqual(['UNAUTHENTICATED']);
    const [row] = await hub().provincial.dataSource.query<{ version: number }[]>(
      'SELECT version FROM provincial_task WHERE id = $1',
      [task8019],
    );
    expect(row.version).toBe(2);
  });

  it('unlinks a commune task from a central task: the trace loses it, the event says which link went', async () => {
    const communeTask = seedIds.task('004-9');
    const central = seedIds.centralTask('71/NQ-CP#5');
    const token = await planner('24682');
    const client = wsClient(hub().gateway.wsUrl);
    const live = collect<{ kind: string }>(client, 'taskStatusChanged', LIVE, {
      filter: { directiveNumber: '71/NQ-CP' },
    });
    try {
      await feedListenersReach(hub().events.url, 1);
      const input = {
        id: communeTask,
        expectedVersion: 1,
        basis,
        targets: [{ level: 'CENTRAL', id: central }],
      };
      const result = await hub().query(UNLINK, { input }, token);
      expect(result).toEqual({
        data: { unlinkCommuneTask: { id: communeTask, version: 2, centralTasks: [] } },
      });
      // Routed as the task was before: whoever followed the directive sees the link go.
      expect(await live.waitFor(1)).toEqual([
        {
          kind: 'UNLINKED',
          note: basis,
          changes: [{ field: 'implements', from: `CENTRAL:${central}`, to: null }],
          task: { id: communeTask },
        },
      ]);
      expect(codes(await hub().query(UNLINK, { input: { ...input, expectedVersion: 2 } }, token))).toEqual([
        'NOT_LINKED',
      ]);
      const trace = await hub().query<{ directive: { tasks: { ref: string; communeTasks: unknown[] }[] } }>(
        TRACE,
      );
      expect(trace.data?.directive.tasks.find((task) => task.ref === '71/NQ-CP#5')?.communeTasks).toEqual([]);
    } finally {
      live.stop();
      await client.dispose();
    }
  });

  it('removes a commune task from its plan: kept and marked, out of roll-ups, a retry writes nothing', async () => {
    const id = seedIds.task('004-2');
    const token = await planner('24682');
    const total = async (): Promise<number | undefined> =>
      (await hub().query<{ commune: { progress: { total: number } } }>(COMMUNE_PROGRESS)).data?.commune
        .progress.total;
    const before = await total();
    const input = { id, expectedVersion: 1, basis };
    const result = await hub().query(REMOVE, { input }, token);
    expect(result).toEqual({ data: { removeCommuneTask: { id, version: 2, removedBasis: basis } } });
    expect(await total()).toBe((before as number) - 1);
    expect(await hub().query(REMOVE, { input }, token)).toEqual(result);
    const history = await hub().query<{ communeTask: { history: { events: unknown[] } } }>(COMMUNE_HISTORY, {
      id,
    });
    expect(history.data?.communeTask.history.events).toEqual([
      {
        kind: 'REMOVED',
        note: basis,
        version: 2,
        changes: [{ field: 'removedFromPlan', from: null, to: basis }],
      },
    ]);
    const report = `mutation ReportRemoved($input: TaskStatusInput!) { updateCommuneTaskStatus(input: $input) { replayed } }`;
    const reporter = await tokenFor({ role: Role.REPORTER, jurisdiction: '24682' });
    const reported = await hub().query(
      report,
      { input: { id, expectedVersion: 2, status: 'IN_PROGRESS', progress: 10 } },
      reporter,
    );
    expect(codes(reported)).toEqual(['TASK_REMOVED']);
    const amend = `mutation AmendRemoved($input: AmendTaskInput!) { amendCommuneTask(input: $input) { id } }`;
    const amended = await hub().query(
      amend,
      { input: { ...input, expectedVersion: 2, changes: { notes: 'x' } } },
      token,
    );
    expect(codes(amended)).toEqual(['TASK_REMOVED']);
  });

  it('answers racing amendments as their sequential twins: identical ones write one event, differing ones conflict', async () => {
    const id = seedIds.centralTask('71/NQ-CP#6');
    const token = await planner('central');
    const amendCentral = `mutation AmendCentral($input: AmendTaskInput!) { amendCentralTask(input: $input) { version notes } }`;
    const same = { id, expectedVersion: 1, basis, changes: { notes: 'Điều chỉnh một lần' } };
    const twins = await Promise.all([1, 2, 3].map(() => hub().query(amendCentral, { input: same }, token)));
    expect(twins).toEqual(
      Array(3).fill({ data: { amendCentralTask: { version: 2, notes: 'Điều chỉnh một lần' } } }),
    );
    const differing = await Promise.all(
      ['A', 'B', 'C'].map((notes) =>
        hub().query(amendCentral, { input: { ...same, expectedVersion: 2, changes: { notes } } }, token),
      ),
    );
    expect(differing.filter((result) => !result.errors)).toHaveLength(1);
    expect(differing.flatMap(codes)).toEqual(['VERSION_CONFLICT', 'VERSION_CONFLICT']);
    const [{ n }] = await hub().events.dataSource.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND kind = 'AMENDED'",
      [id],
    );
    expect(n).toBe(2);
  });

  // Every amendment mutation of every level, on a task of its own: refused to a reporter of the jurisdiction,
  // written for its planner, and audited in the task's history with the planner as the actor.
  const EVERY_AMENDMENT = [
    {
      field: 'amendCentralTask',
      input: 'AmendTaskInput',
      task: seedIds.centralTask('71/NQ-CP#7'),
      scope: 'central',
      type: 'CentralTask',
      kind: 'AMENDED',
      extra: { changes: { notes: 'Bổ sung' } },
    },
    {
      field: 'removeCentralTask',
      input: 'RemoveTaskInput',
      task: seedIds.centralTask('71/NQ-CP#8'),
      scope: 'central',
      type: 'CentralTask',
      kind: 'REMOVED',
      extra: {},
    },
    {
      field: 'amendProvincialTask',
      input: 'AmendTaskInput',
      task: seedIds.task('003-4'),
      scope: '19',
      type: 'ProvincialTask',
      kind: 'AMENDED',
      extra: { changes: { content: 'Nội dung điều chỉnh' } },
    },
    {
      field: 'removeProvincialTask',
      input: 'RemoveTaskInput',
      task: seedIds.task('003-5'),
      scope: '19',
      type: 'ProvincialTask',
      kind: 'REMOVED',
      extra: {},
    },
    {
      field: 'unlinkProvincialTask',
      input: 'UnlinkTaskInput',
      task: seedIds.task('003-1'),
      scope: '19',
      type: 'ProvincialTask',
      kind: 'UNLINKED',
      extra: { targets: [{ level: 'CENTRAL', id: seedIds.centralTask('14-TB/TGV#1') }] },
    },
    {
      field: 'amendCommuneTask',
      input: 'AmendTaskInput',
      task: seedIds.task('004-3'),
      scope: '24682',
      type: 'CommuneTask',
      kind: 'AMENDED',
      extra: { changes: { deadline: 'Năm 2026' } },
    },
    {
      field: 'removeCommuneTask',
      input: 'RemoveTaskInput',
      task: seedIds.task('004-4'),
      scope: '24682',
      type: 'CommuneTask',
      kind: 'REMOVED',
      extra: {},
    },
    {
      field: 'unlinkCommuneTask',
      input: 'UnlinkTaskInput',
      task: seedIds.task('004-6'),
      scope: '24682',
      type: 'CommuneTask',
      kind: 'UNLINKED',
      extra: { targets: [{ level: 'CENTRAL', id: seedIds.centralTask('71/NQ-CP#9') }] },
    },
  ];

  it.each(EVERY_AMENDMENT)(
    '$field: refused to a reporter, written and audited for a planner',
    async (amendment) => {
      const mutation = `mutation Amendment($input: ${amendment.input}!) { ${amendment.field}(input: $input) { id version } }`;
      const input = { id: amendment.task, expectedVersion: 1, basis, ...amendment.extra };
      const reporter = await tokenFor({ role: Role.REPORTER, jurisdiction: amendment.scope });
      expect(codes(await hub().query(mutation, { input }, reporter))).toEqual(['FORBIDDEN']);
      const token = await planner(amendment.scope);
      expect(await hub().query(mutation, { input }, token)).toEqual({
        data: { [amendment.field]: { id: amendment.task, version: 2 } },
      });
      const field = `${amendment.type[0].toLowerCase()}${amendment.type.slice(1)}`;
      const history = await hub().query<Record<string, { history: { events: unknown[] } }>>(
        `query AmendmentHistory($id: ID!) { ${field}(id: $id) { history(first: 2) { events { kind actor note } } } }`,
        { id: amendment.task },
      );
      expect(history.data?.[field].history.events).toEqual([
        { kind: amendment.kind, actor: `planner@${amendment.scope}`, note: basis },
      ]);
    },
  );
});
