import { seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';

const hub = useTestHub();

const CREATE_DIRECTIVE = `
  mutation CreateDirective($input: DocumentInput!) {
    createDirective(input: $input) { number kind title issuer issuedOn aliases ref tasks { ref } }
  }
`;

const CREATE_DIRECTIVE_ID = `
  mutation CreateDirectiveId($input: DocumentInput!) { createDirective(input: $input) { id } }
`;

const CREATE_CENTRAL_TASK = `
  mutation CreateCentralTask($directiveId: ID!, $task: TaskInput!) {
    createCentralTask(directiveId: $directiveId, task: $task) {
      ref position ordinal content group groupDerived status progress
      deadline { text kind dueDate }
      lead { text parties { name kind } }
      directive { number }
      provincialTasks { ref }
      communeTasks { ref }
    }
  }
`;

const CREATE_CENTRAL_TASK_ID = `
  mutation CreateCentralTaskId($directiveId: ID!, $task: TaskInput!) {
    createCentralTask(directiveId: $directiveId, task: $task) { id }
  }
`;

const LINK_COMMUNE_TASK = `
  mutation LinkCommuneTask($input: LinkTaskInput!) {
    linkCommuneTask(input: $input) { ref centralTasks { ref content } }
  }
`;

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };

function codeOf(result: Errors): unknown {
  return result.errors?.[0]?.extensions?.code;
}

async function rowCount(table: 'directive' | 'central_task'): Promise<number> {
  const [{ count }] = await hub().central.dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${table}`,
  );
  return count;
}

async function newDirective(number: string): Promise<string> {
  const result = await hub().query<{ createDirective: { id: string } }>(CREATE_DIRECTIVE_ID, {
    input: { number, kind: 'RESOLUTION', title: `Văn bản thử ${number}` },
  });
  if (!result.data) throw new Error(`createDirective ${number} failed: ${JSON.stringify(result.errors)}`);
  return result.data.createDirective.id;
}

describe('recording a central directive', () => {
  it('records the printed facts and finds the directive by its number afterwards', async () => {
    const input = {
      number: '88/NQ-CP',
      kind: 'RESOLUTION',
      title: 'Nghị quyết thử về chuyển đổi số',
      issuer: 'Chính phủ',
      issuedOn: '2025-11-30',
    };
    expect(await hub().query(CREATE_DIRECTIVE, { input })).toEqual({
      data: {
        createDirective: {
          number: '88/NQ-CP',
          kind: 'RESOLUTION',
          title: 'Nghị quyết thử về chuyển đổi số',
          issuer: 'Chính phủ',
          issuedOn: '2025-11-30',
          aliases: [],
          ref: null,
          tasks: [],
        },
      },
    });
    // Lookups normalise case and spacing, so a number typed loosely still finds the new directive.
    const found = await hub().query(`query NewDirective { directive(number: " 88/nq-cp") { number title } }`);
    expect(found).toEqual({
      data: { directive: { number: '88/NQ-CP', title: 'Nghị quyết thử về chuyển đổi số' } },
    });
  });

  it.each([
    [' 71/nq-cp ', '71/NQ-CP'],
    // An alias is how plans print a directive: "57/NQ-TW" must keep naming 57-NQ/TW alone.
    ['57/NQ-TW', '57-NQ/TW'],
  ])('refuses %j, already recorded as %s, and writes nothing', async (number, existing) => {
    const before = await rowCount('directive');
    const result = await hub().query(CREATE_DIRECTIVE, {
      input: { number, kind: 'RESOLUTION', title: 'Bản trùng' },
    });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: `Directive ${number} already exists as ${existing}`,
          path: ['createDirective'],
          extensions: { code: 'DUPLICATE', number, existing, serviceName: 'central' },
        },
      ],
    });
    expect(await rowCount('directive')).toBe(before);
  });

  it('refuses a directive with no number, and writes nothing', async () => {
    const before = await rowCount('directive');
    const result = await hub().query(CREATE_DIRECTIVE, { input: { kind: 'NOTICE', title: 'Không số' } });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: 'A central directive needs its number',
          path: ['createDirective'],
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'central' },
        },
      ],
    });
    expect(await rowCount('directive')).toBe(before);
  });

  it.each([
    ['a date that does not exist', { issuedOn: '2025-02-30' }, 'INVALID_DATE'],
    ['an empty title', { title: '' }, 'BAD_USER_INPUT'],
  ])('refuses %s with a code and writes nothing', async (_case, change, code) => {
    const before = await rowCount('directive');
    const input = { number: '89/NQ-CP', kind: 'RESOLUTION', title: 'Nghị quyết lỗi', ...change };
    const result = await hub().query(CREATE_DIRECTIVE, { input });
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe(code);
    expect(await rowCount('directive')).toBe(before);
  });
});

describe('adding tasks to a central directive', () => {
  it('appends tasks in order, deriving deadline and agencies beside the printed text', async () => {
    const directiveId = await newDirective('90/NQ-CP');
    const first = await hub().query(CREATE_CENTRAL_TASK, {
      directiveId,
      task: {
        ordinal: '1.',
        content: 'Xây dựng nền tảng dữ liệu',
        deadline: 'Quý IV/2025',
        lead: 'Bộ KH&CN',
      },
    });
    expect(first).toEqual({
      data: {
        createCentralTask: {
          ref: null,
          position: 1,
          ordinal: '1.',
          content: 'Xây dựng nền tảng dữ liệu',
          group: null,
          groupDerived: false,
          status: 'NOT_STARTED',
          progress: 0,
          deadline: { text: 'Quý IV/2025', kind: 'QUARTER', dueDate: '2025-12-31' },
          lead: { text: 'Bộ KH&CN', parties: [{ name: 'Bộ KH&CN', kind: 'AGENCY' }] },
          directive: { number: '90/NQ-CP' },
          provincialTasks: [],
          communeTasks: [],
        },
      },
    });
    const second = await hub().query(CREATE_CENTRAL_TASK, {
      directiveId,
      task: { ordinal: '2.', content: 'Đào tạo cán bộ', group: 3 },
    });
    expect(second).toEqual({
      data: {
        createCentralTask: {
          ref: null,
          position: 2,
          ordinal: '2.',
          content: 'Đào tạo cán bộ',
          group: 3,
          groupDerived: false,
          status: 'NOT_STARTED',
          progress: 0,
          deadline: null,
          lead: null,
          directive: { number: '90/NQ-CP' },
          provincialTasks: [],
          communeTasks: [],
        },
      },
    });
    const tasks = await hub().query(
      `query NewDirectiveTasks { directive(number: "90/NQ-CP") { tasks { position ordinal content } } }`,
    );
    expect(tasks).toEqual({
      data: {
        directive: {
          tasks: [
            { position: 1, ordinal: '1.', content: 'Xây dựng nền tảng dữ liệu' },
            { position: 2, ordinal: '2.', content: 'Đào tạo cán bộ' },
          ],
        },
      },
    });
  });

  it.each([
    ['a directive id that is not a UUID', 'not-a-uuid'],
    ['a directive that does not exist', '00000000-0000-4000-8000-000000000000'],
  ])('refuses %s with NOT_FOUND and writes nothing', async (_case, directiveId) => {
    const before = await rowCount('central_task');
    const result = await hub().query(CREATE_CENTRAL_TASK, { directiveId, task: { content: 'Mồ côi' } });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: `No directive with id ${directiveId}`,
          path: ['createCentralTask'],
          extensions: { code: 'NOT_FOUND', directiveId, serviceName: 'central' },
        },
      ],
    });
    expect(await rowCount('central_task')).toBe(before);
  });

  it('refuses a task with no content, and writes nothing', async () => {
    const before = await rowCount('central_task');
    const result = await hub().query(CREATE_CENTRAL_TASK, {
      directiveId: seedIds.directive('71/NQ-CP'),
      task: { content: '' },
    });
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(await rowCount('central_task')).toBe(before);
  });
});

describe('a new central task in the trace', () => {
  it('shows a commune task linked to it, and the link shows on the commune task', async () => {
    const directiveId = await newDirective('91/NQ-CP');
    const created = await hub().query<{ createCentralTask: { id: string } }>(CREATE_CENTRAL_TASK_ID, {
      directiveId,
      task: { content: 'Số hóa hồ sơ cấp xã' },
    });
    const centralTaskId = created.data?.createCentralTask.id;
    const linked = await hub().query(LINK_COMMUNE_TASK, {
      input: { taskId: seedIds.task('004-3'), implements: [{ level: 'CENTRAL', id: centralTaskId }] },
    });
    expect(linked).toEqual({
      data: {
        linkCommuneTask: { ref: '004-3', centralTasks: [{ ref: null, content: 'Số hóa hồ sơ cấp xã' }] },
      },
    });
    const trace = await hub().query(`
      query NewCentralTaskTrace {
        directive(number: "91/NQ-CP") {
          tasks { content communeTasks { ref commune { name province { name } } } provincialTasks { ref } }
        }
      }
    `);
    expect(trace).toEqual({
      data: {
        directive: {
          tasks: [
            {
              content: 'Số hóa hồ sơ cấp xã',
              communeTasks: [
                { ref: '004-3', commune: { name: 'Xã Thuận An', province: { name: 'Lâm Đồng' } } },
              ],
              provincialTasks: [],
            },
          ],
        },
      },
    });
  });
});
