import { officialCommunes, seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';

const hub = useTestHub();

const LINK = `
  mutation LinkCommuneTask($input: LinkTaskInput!) {
    linkCommuneTask(input: $input) {
      ref
      centralTasks { ref }
      provincialTasks { ref }
      implementsCommuneTasks { ref }
    }
  }
`;

const CREATE_COMMUNE_PLAN = `
  mutation CreateCommunePlan($input: CommunePlanInput!) {
    createCommunePlan(input: $input) { tasks { id } }
  }
`;

const NO_SUCH_TASK = '00000000-0000-4000-8000-000000000000';
// Thuận An (Lâm Đồng) is the only commune with a seed plan; its task 004-1 has no seed links.
const thuanAnTask = seedIds.task('004-1');
const thuanAnOther = seedIds.task('004-2');
const centralTask = seedIds.centralTask('71/NQ-CP#5');
const otherCentralTask = seedIds.centralTask('07-TB/CQTTBCĐ#1');
const thaiNguyenTask = seedIds.task('003-1');

async function linksOf(taskId: string): Promise<{ target_level: string; target_id: string }[]> {
  return hub().commune.dataSource.query(
    'SELECT target_level, target_id FROM task_link WHERE task_id = $1 ORDER BY target_level, target_id',
    [taskId],
  );
}

function refusal(message: string, extensions: Record<string, unknown>): unknown {
  return {
    data: null,
    errors: [{ message, path: ['linkCommuneTask'], extensions: { ...extensions, serviceName: 'commune' } }],
  };
}

describe('linking a commune task to the tasks it implements', () => {
  it('links a commune task to a central task across subgraphs', async () => {
    const result = await hub().query(LINK, {
      input: { taskId: thuanAnTask, implements: [{ level: 'CENTRAL', id: centralTask }] },
    });
    expect(result).toEqual({
      data: {
        linkCommuneTask: {
          ref: '004-1',
          centralTasks: [{ ref: '71/NQ-CP#5' }],
          provincialTasks: [],
          implementsCommuneTasks: [],
        },
      },
    });
  });

  it('refuses an unknown commune task', async () => {
    const result = await hub().query(LINK, {
      input: { taskId: NO_SUCH_TASK, implements: [{ level: 'CENTRAL', id: centralTask }] },
    });
    expect(result).toEqual(refusal(`No commune task with id ${NO_SUCH_TASK}`, { code: 'UNKNOWN_TASK' }));
    expect(await linksOf(NO_SUCH_TASK)).toEqual([]);
  });

  it.each([
    [
      'a central task that does not exist',
      [{ level: 'CENTRAL', id: NO_SUCH_TASK }],
      `No central task with id ${NO_SUCH_TASK}`,
      { code: 'UNKNOWN_TASK', id: NO_SUCH_TASK, level: 'CENTRAL' },
    ],
    [
      'a provincial task that does not exist',
      [{ level: 'PROVINCIAL', id: NO_SUCH_TASK }],
      `No provincial task with id ${NO_SUCH_TASK}`,
      { code: 'UNKNOWN_TASK', id: NO_SUCH_TASK, level: 'PROVINCIAL' },
    ],
    [
      'a provincial task named as central',
      [{ level: 'CENTRAL', id: thaiNguyenTask }],
      `Task ${thaiNguyenTask} is a provincial task, not a central task`,
      { code: 'WRONG_LEVEL', id: thaiNguyenTask, level: 'PROVINCIAL' },
    ],
    [
      'a central task named as provincial',
      [{ level: 'PROVINCIAL', id: otherCentralTask }],
      `Task ${otherCentralTask} is a central task, not a provincial task`,
      { code: 'WRONG_LEVEL', id: otherCentralTask, level: 'CENTRAL' },
    ],
    [
      'a commune task named as central',
      [{ level: 'CENTRAL', id: thuanAnOther }],
      `Task ${thuanAnOther} is a commune task, not a central task`,
      { code: 'WRONG_LEVEL', id: thuanAnOther, level: 'COMMUNE' },
    ],
    [
      'the same central task again',
      [{ level: 'CENTRAL', id: centralTask }],
      `Task ${thuanAnTask} already implements task ${centralTask}`,
      { code: 'DUPLICATE_LINK', id: centralTask },
    ],
    [
      'one central task named twice',
      [
        { level: 'CENTRAL', id: otherCentralTask },
        { level: 'CENTRAL', id: otherCentralTask },
      ],
      `Task ${otherCentralTask} is named twice`,
      { code: 'DUPLICATE_LINK', id: otherCentralTask },
    ],
    [
      'a provincial task of another province',
      [{ level: 'PROVINCIAL', id: thaiNguyenTask }],
      `Provincial task ${thaiNguyenTask} belongs to 19, not to 68`,
      { code: 'INVALID_JURISDICTION', id: thaiNguyenTask, jurisdiction: '19', required: '68' },
    ],
    [
      'itself',
      [{ level: 'COMMUNE', id: thuanAnTask }],
      'A task cannot implement itself',
      {
        code: 'CYCLE',
        id: thuanAnTask,
      },
    ],
    ['no task at all', [], 'Name at least one task to link to', { code: 'BAD_USER_INPUT' }],
    [
      'a good central task beside an unknown one',
      [
        { level: 'CENTRAL', id: otherCentralTask },
        { level: 'CENTRAL', id: NO_SUCH_TASK },
      ],
      `No central task with id ${NO_SUCH_TASK}`,
      { code: 'UNKNOWN_TASK', id: NO_SUCH_TASK, level: 'CENTRAL' },
    ],
  ])('refuses %s with a code and writes nothing', async (_case, targets, message, extensions) => {
    const result = await hub().query(LINK, { input: { taskId: thuanAnTask, implements: targets } });
    expect(result).toEqual(refusal(message, extensions));
    expect(await linksOf(thuanAnTask)).toEqual([{ target_level: 'CENTRAL', target_id: centralTask }]);
  });

  it('refuses a commune task of another commune in the same province', async () => {
    const other = officialCommunes().find(
      (commune) => commune.provinceCode === '68' && commune.code !== '24682',
    );
    if (!other) throw new Error('Lâm Đồng has no commune besides Thuận An');
    const plan = await hub().query<{ createCommunePlan: { tasks: { id: string }[] } }>(CREATE_COMMUNE_PLAN, {
      input: {
        communeCode: other.code,
        kind: 'PLAN',
        title: 'Kế hoạch xã khác',
        tasks: [{ content: 'Việc' }],
      },
    });
    const [otherTask] = plan.data?.createCommunePlan.tasks ?? [];
    const result = await hub().query(LINK, {
      input: { taskId: thuanAnTask, implements: [{ level: 'COMMUNE', id: otherTask.id }] },
    });
    expect(result).toEqual(
      refusal(`Commune task ${otherTask.id} belongs to ${other.code}, not to 24682`, {
        code: 'INVALID_JURISDICTION',
        id: otherTask.id,
        jurisdiction: other.code,
        required: '24682',
      }),
    );
    expect(await linksOf(thuanAnTask)).toEqual([{ target_level: 'CENTRAL', target_id: centralTask }]);
  });

  it('refuses a link that would close a cycle between two tasks of one commune', async () => {
    const forward = await hub().query(LINK, {
      input: { taskId: thuanAnOther, implements: [{ level: 'COMMUNE', id: thuanAnTask }] },
    });
    expect(forward).toEqual({
      data: {
        linkCommuneTask: {
          ref: '004-2',
          centralTasks: [],
          provincialTasks: [],
          implementsCommuneTasks: [{ ref: '004-1' }],
        },
      },
    });
    const back = await hub().query(LINK, {
      input: { taskId: thuanAnTask, implements: [{ level: 'COMMUNE', id: thuanAnOther }] },
    });
    expect(back).toEqual(
      refusal(`Linking task ${thuanAnTask} this way would make a cycle`, {
        code: 'CYCLE',
        taskId: thuanAnTask,
      }),
    );
    expect(await linksOf(thuanAnTask)).toEqual([{ target_level: 'CENTRAL', target_id: centralTask }]);
  });
});
