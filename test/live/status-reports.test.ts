import { randomUUID } from 'node:crypto';
import { useTestHub, type TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { seedTasks, updateMutation, type SeedTask } from '../support/seed-tasks';

const hub = useTestHub();
let get: (ref: string) => SeedTask;

beforeAll(async () => {
  ({ get } = await seedTasks(hub()));
});

interface Report {
  replayed: boolean;
  task: { id: string; status: string; progress: number; version: number };
  event: Record<string, unknown> & { id: string; cursor: string };
}

async function report(task: SeedTask, input: Record<string, unknown>, token?: string) {
  return hub().query<{ report: Report }>(
    updateMutation(task.typename),
    { input: { id: task.id, ...input } },
    token,
  );
}

/** A reporter of Thái Nguyên's department of science and technology. */
const thaiNguyenReporter = (): Promise<string> =>
  tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'so-khcn.thainguyen' });

const HISTORY = `
  query History($id: ID!, $first: Int!, $after: String) {
    provincialTask(id: $id) {
      history(first: $first, after: $after) { events { to progress note version } endCursor hasNextPage }
    }
  }
`;

async function historyOf(id: string, first = 50, after?: string) {
  const { data, errors } = await hub().query<{
    provincialTask: {
      history: { events: Record<string, unknown>[]; endCursor: string | null; hasNextPage: boolean };
    };
  }>(HISTORY, { id, first, after });
  expect(errors).toBeUndefined();
  return data!.provincialTask.history;
}

function codesOf(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

const FIRST_REPORT = {
  status: 'IN_PROGRESS',
  progress: 30,
  note: 'Đã giao Sở Khoa học và Công nghệ chủ trì',
  evidence: [{ title: 'Công văn triển khai', url: 'https://thainguyen.gov.vn/cv-123' }],
  expectedVersion: 1,
  idempotencyKey: 'tn-003-80-first',
};

describe('a status report', () => {
  it('updates the task and returns the event it appended, whole', async () => {
    const task = get('003-80');
    const result = await report(task, FIRST_REPORT, await thaiNguyenReporter());
    expect(result).toEqual({
      data: {
        report: {
          replayed: false,
          task: { id: task.id, status: 'IN_PROGRESS', progress: 30, version: 2 },
          event: {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            cursor: expect.any(String),
            actor: 'so-khcn.thainguyen',
            level: 'PROVINCIAL',
            from: 'NOT_STARTED',
            to: 'IN_PROGRESS',
            fromProgress: 0,
            progress: 30,
            note: 'Đã giao Sở Khoa học và Công nghệ chủ trì',
            evidence: [
              { title: 'Công văn triển khai', url: 'https://thainguyen.gov.vn/cv-123', documentNumber: null },
            ],
            version: 2,
          },
        },
      },
    });
  });

  it('answers a retried idempotency key with the first result and changes nothing', async () => {
    const task = get('003-80');
    const before = await historyOf(task.id);
    const retry = await report(task, FIRST_REPORT, await thaiNguyenReporter());
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.report.replayed).toBe(true);
    expect(retry.data?.report.task.version).toBe(2);
    expect(retry.data?.report.event).toEqual(
      expect.objectContaining({ version: 2, from: 'NOT_STARTED', to: 'IN_PROGRESS' }),
    );
    expect(await historyOf(task.id)).toEqual(before);
  });

  it('refuses a reused idempotency key carrying a different report', async () => {
    const task = get('003-80');
    const result = await report(
      task,
      {
        status: 'IN_PROGRESS',
        progress: 60,
        expectedVersion: 2,
        idempotencyKey: 'tn-003-80-first',
      },
      await thaiNguyenReporter(),
    );
    // Keys belong to their actor: another caller's same key is simply a new report.
    expect(codesOf(result)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses a stale expectedVersion with the current version, and writes nothing', async () => {
    const task = get('003-80');
    const before = await historyOf(task.id);
    const result = await report(task, { status: 'IN_PROGRESS', progress: 50, expectedVersion: 1 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'VERSION_CONFLICT', currentVersion: 2, expectedVersion: 1 }),
    );
    expect(await historyOf(task.id)).toEqual(before);
  });

  it('refuses reopening a cancelled task without a reason, and accepts it with one', async () => {
    const task = get('003-81');
    const cancelled = await report(task, {
      status: 'CANCELLED',
      note: 'Thay thế bởi nhiệm vụ khác',
      expectedVersion: 1,
    });
    expect(cancelled.data?.report.task).toEqual({
      id: task.id,
      status: 'CANCELLED',
      progress: 0,
      version: 2,
    });
    const refused = await report(task, { status: 'IN_PROGRESS', progress: 10, expectedVersion: 2 });
    expect(codesOf(refused)).toEqual(['INVALID_TRANSITION']);
    const reopened = await report(task, {
      status: 'IN_PROGRESS',
      progress: 10,
      note: 'Khôi phục theo chỉ đạo của UBND tỉnh',
      expectedVersion: 2,
    });
    expect(reopened.data?.report.task).toEqual({
      id: task.id,
      status: 'IN_PROGRESS',
      progress: 10,
      version: 3,
    });
  });

  it.each([
    ['completed below 100%', { status: 'COMPLETED_ON_TIME', progress: 50 }, 'INVALID_TRANSITION'],
    ['progress over 100', { status: 'IN_PROGRESS', progress: 101 }, 'BAD_USER_INPUT'],
    [
      'evidence with a url and a number',
      {
        status: 'IN_PROGRESS',
        progress: 5,
        evidence: [{ title: 'x', url: 'https://a.vn', documentNumber: '1/QĐ' }],
      },
      'BAD_USER_INPUT',
    ],
    [
      'evidence with a script url',
      { status: 'IN_PROGRESS', progress: 5, evidence: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'BAD_USER_INPUT',
    ],
    [
      'an idempotency key with spaces',
      { status: 'IN_PROGRESS', progress: 5, idempotencyKey: 'a b' },
      'BAD_USER_INPUT',
    ],
  ])('refuses %s, and writes nothing', async (_case, input, code) => {
    const task = get('003-82');
    const result = await report(task, { expectedVersion: 1, ...input });
    expect(codesOf(result)).toEqual([code]);
    expect((await historyOf(task.id)).events).toEqual([]);
  });

  it('refuses an unknown task and an id that is not one', async () => {
    const mutation = updateMutation('CommuneTask');
    const unknown = await hub().query(mutation, {
      input: { id: randomUUID(), status: 'IN_PROGRESS', progress: 1, expectedVersion: 1 },
    });
    const malformed = await hub().query(mutation, {
      input: { id: 'DROP TABLE', status: 'IN_PROGRESS', progress: 1, expectedVersion: 1 },
    });
    expect([codesOf(unknown), codesOf(malformed)]).toEqual([['UNKNOWN_TASK'], ['BAD_USER_INPUT']]);
  });
});

describe('history', () => {
  it('lists a task’s events newest first, a page at a time', async () => {
    const task = get('003-83');
    for (const [version, progress] of [
      [1, 10],
      [2, 20],
      [3, 40],
    ]) {
      const result = await report(task, { status: 'IN_PROGRESS', progress, expectedVersion: version });
      expect(result.errors).toBeUndefined();
    }
    const first = await historyOf(task.id, 2);
    const second = await historyOf(task.id, 2, first.endCursor ?? undefined);
    expect([first.events, first.hasNextPage, second.events, second.hasNextPage]).toEqual([
      [
        { to: 'IN_PROGRESS', progress: 40, note: null, version: 4 },
        { to: 'IN_PROGRESS', progress: 20, note: null, version: 3 },
      ],
      true,
      [{ to: 'IN_PROGRESS', progress: 10, note: null, version: 2 }],
      false,
    ]);
  });

  it('is on every task type, central and commune too', async () => {
    await reportOk(hub(), get('71/NQ-CP#5'), { status: 'IN_PROGRESS', progress: 15, expectedVersion: 1 });
    await reportOk(hub(), get('004-9'), { status: 'COMPLETED_ON_TIME', expectedVersion: 1 });
    const { data } = await hub().query(
      `query Histories($central: ID!, $commune: ID!) {
        centralTask(id: $central) { history { events { level to progress } } }
        communeTask(id: $commune) { history { events { level to progress } } }
      }`,
      { central: get('71/NQ-CP#5').id, commune: get('004-9').id },
    );
    expect(data).toEqual({
      centralTask: { history: { events: [{ level: 'CENTRAL', to: 'IN_PROGRESS', progress: 15 }] } },
      communeTask: { history: { events: [{ level: 'COMMUNE', to: 'COMPLETED_ON_TIME', progress: 100 }] } },
    });
  });
});

async function reportOk(testHub: TestHub, task: SeedTask, input: Record<string, unknown>): Promise<Report> {
  const result = await testHub.query<{ report: Report }>(updateMutation(task.typename), {
    input: { id: task.id, ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.report;
}
