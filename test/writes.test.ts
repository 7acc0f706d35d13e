import { seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';

const hub = useTestHub();

const CREATE_PLAN = `
  mutation CreatePlan($input: ProvincialPlanInput!) {
    createProvincialPlan(input: $input) {
      number issuedOn province { code }
      tasks { position content deadline { text kind dueDate } lead { text parties { name kind } } }
    }
  }
`;

const LINK = `
  mutation Link($input: LinkTaskInput!) {
    linkProvincialTask(input: $input) { ref centralTasks { ref } implementsProvincialTasks { ref } }
  }
`;

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };

function codeOf(result: Errors): unknown {
  return result.errors?.[0]?.extensions?.code;
}

async function planCount(): Promise<number> {
  const [{ count }] = await hub().provincial.dataSource.query<{ count: string }[]>(
    'SELECT count(*) FROM provincial_plan',
  );
  return Number(count);
}

describe('writing plans', () => {
  it('creates a plan with its tasks, deriving deadline and agencies beside the printed text', async () => {
    const result = await hub().query(CREATE_PLAN, {
      input: {
        provinceCode: '15',
        number: '99-KH/BCĐ',
        kind: 'PLAN',
        title: 'Kế hoạch thử',
        issuedOn: '2025-12-01',
        tasks: [{ content: 'Rà soát thủ tục', deadline: 'Quý IV/2025', lead: 'Sở KH&CN; UBND cấp xã' }],
      },
    });
    expect(result).toEqual({
      data: {
        createProvincialPlan: {
          number: '99-KH/BCĐ',
          issuedOn: '2025-12-01',
          province: { code: '15' },
          tasks: [
            {
              position: 1,
              content: 'Rà soát thủ tục',
              deadline: { text: 'Quý IV/2025', kind: 'QUARTER', dueDate: '2025-12-31' },
              lead: {
                text: 'Sở KH&CN; UBND cấp xã',
                parties: [
                  { name: 'Sở KH&CN', kind: 'AGENCY' },
                  { name: 'UBND cấp xã', kind: 'GROUP' },
                ],
              },
            },
          ],
        },
      },
    });
  });

  it.each([
    ['an unknown province', { provinceCode: '99' }, 'INVALID_JURISDICTION'],
    ['a date that does not exist', { issuedOn: '2025-02-30' }, 'INVALID_DATE'],
    ['a task with no content', { tasks: [{ content: 'ok' }, { content: '' }] }, 'BAD_USER_INPUT'],
    [
      'more tasks than one plan mutation writes (3,000; the limit is 1,000)',
      { tasks: Array.from({ length: 3000 }, (_unused, index) => ({ content: `Nhiệm vụ ${index + 1}` })) },
      'BAD_USER_INPUT',
    ],
  ])('refuses %s with a code and writes nothing', async (_case, change, code) => {
    const before = await planCount();
    const input = { provinceCode: '19', kind: 'PLAN', title: 'Kế hoạch lỗi', ...change };
    expect(codeOf(await hub().query(CREATE_PLAN, { input }))).toBe(code);
    expect(await planCount()).toBe(before);
  });
});

describe('the size of a plan', () => {
  it('writes a plan of 1,000 tasks, the most one mutation takes, in one piece', async () => {
    const before = await planCount();
    const tasks = Array.from({ length: 1000 }, (_unused, index) => ({ content: `Nhiệm vụ số ${index + 1}` }));
    const result = await hub().query<{ createProvincialPlan: { tasks: { position: number }[] } }>(
      `mutation BigPlan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { tasks { position } } }`,
      { input: { provinceCode: '19', kind: 'PLAN', title: 'Kế hoạch lớn', tasks } },
    );
    expect([
      result.errors,
      result.data?.createProvincialPlan.tasks.length,
      result.data?.createProvincialPlan.tasks[999],
      await planCount(),
    ]).toEqual([undefined, 1000, { position: 1000 }, before + 1]);
  });
});

describe('linking a task to the tasks it implements', () => {
  const laoCaiTask = seedIds.task('000-2');
  const laoCaiOther = seedIds.task('000-3');
  const thaiNguyenTask = seedIds.task('003-1');
  const centralTask = seedIds.centralTask('07-TB/CQTTBCĐ#3');

  it('links a provincial task to a central task across subgraphs', async () => {
    const result = await hub().query(LINK, {
      input: { taskId: laoCaiTask, implements: [{ level: 'CENTRAL', id: centralTask }] },
    });
    expect(result).toEqual({
      data: {
        linkProvincialTask: {
          ref: '000-2',
          centralTasks: [{ ref: '07-TB/CQTTBCĐ#3' }],
          implementsProvincialTasks: [],
        },
      },
    });
  });

  it.each([
    [
      'a central task that does not exist',
      [{ level: 'CENTRAL', id: '00000000-0000-4000-8000-000000000000' }],
      'UNKNOWN_TASK',
    ],
    ['a provincial task named as central', [{ level: 'CENTRAL', id: laoCaiOther }], 'WRONG_LEVEL'],
    ['a commune task', [{ level: 'COMMUNE', id: seedIds.task('004-9') }], 'WRONG_LEVEL'],
    ['the same central task again', [{ level: 'CENTRAL', id: centralTask }], 'DUPLICATE_LINK'],
    ['a task of another province', [{ level: 'PROVINCIAL', id: thaiNguyenTask }], 'INVALID_JURISDICTION'],
    ['itself', [{ level: 'PROVINCIAL', id: laoCaiTask }], 'CYCLE'],
  ])('refuses %s with a code and writes nothing', async (_case, targets, code) => {
    const result = await hub().query(LINK, { input: { taskId: laoCaiTask, implements: targets } });
    expect(codeOf(result)).toBe(code);
    const links = await hub().provincial.dataSource.query(
      'SELECT target_id FROM task_link WHERE task_id = $1',
      [laoCaiTask],
    );
    expect(links).toEqual([{ target_id: centralTask }]);
  });

  it('refuses a link that would close a cycle between two plans of one province', async () => {
    const forward = await hub().query(LINK, {
      input: { taskId: laoCaiOther, implements: [{ level: 'PROVINCIAL', id: laoCaiTask }] },
    });
    expect(forward).toEqual({
      data: {
        linkProvincialTask: { ref: '000-3', centralTasks: [], implementsProvincialTasks: [{ ref: '000-2' }] },
      },
    });
    const back = await hub().query(LINK, {
      input: { taskId: laoCaiTask, implements: [{ level: 'PROVINCIAL', id: laoCaiOther }] },
    });
    expect(codeOf(back)).toBe('CYCLE');
  });
});
