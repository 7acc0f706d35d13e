import { readSeedPlans, seedIds, type SeedTask } from '@nq57/shared';
import { useTestHub } from './support/hub';
import { tokenFor } from './support/tokens';

// Importing a plan from its task table through the gateway: a real plan's rows (003's appendix) as a new plan,
// the same file again, an amended file, a file with errors, and another province's planner.
const hub = useTestHub();

const HEADER = [
  'STT',
  'Nhiệm vụ cụ thể',
  'Văn bản giao nhiệm vụ',
  'Thời hạn hoàn thành (Trung ương giao)',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
];
const SEED = readSeedPlans('provincial').find((plan) => plan.plan.key === '003')!;
const ROWS = SEED.tasks.filter((task) => !task.notes?.startsWith('Prose item'));

/** 003's appendix as a table: the header, each new heading as a row filled across, then the task rows. */
function tableOf(tasks: SeedTask[]): string[][] {
  const rows = [HEADER];
  let previous: string[] = [];
  for (const task of tasks) {
    const parts = task.section?.split(' > ') ?? [];
    parts.forEach((part, depth) => {
      if (previous[depth] !== part) rows.push(HEADER.map(() => part));
    });
    previous = parts;
    rows.push([
      task.ordinal ?? '',
      task.content,
      task.cites
        .filter((cite) => !cite.inferred)
        .map((cite) => cite.text)
        .join('; '),
      task.centralDeadline ?? '',
      task.lead ?? '',
      task.cooperating ?? '',
    ]);
  }
  return rows;
}

const IMPORT = `mutation ImportPlan($input: PlanImportInput!) {
  importProvincialPlan(input: $input) {
    dryRun written recorded planId unchanged
    created { row ordinal content }
    changed { row ordinal changes { field from to } }
    removed { ordinal }
    problems { code severity row column message }
  }
}`;
const TASKS = `query ImportedTasks($id: ID!) {
  provincialPlan(id: $id) {
    number
    tasks { ordinal section content lead { text } cooperating { text } centralDeadline { text } deadline { text } output }
  }
}`;

const AMENDED_TASKS = `query AmendedTasks($id: ID!) {
  provincialPlan(id: $id) {
    tasks {
      ordinal content removedAt removedBasis lead { text }
      history(first: 3) { events { kind note changes { field from to } } }
    }
  }
}`;

const PLAN = {
  number: '144/KH-UBND',
  kind: 'PLAN',
  issuer: 'UBND tỉnh Thái Nguyên',
  title: 'Kế hoạch nhập từ bảng',
};
type Report = Record<string, unknown> & { planId: string | null; created: unknown[] };

async function importTable(
  rows: string[][],
  { plan, ...options }: { plan?: Partial<typeof PLAN> } & Record<string, unknown> = {},
  token?: string,
) {
  const bearer = token ?? (await tokenFor({ role: 'planner', jurisdiction: '19' }));
  return hub().query<{ importProvincialPlan: Report }>(
    IMPORT,
    { input: { jurisdiction: '19', plan: { ...PLAN, ...plan }, rows, ...options } },
    bearer,
  );
}

describe('importProvincialPlan', () => {
  let planId: string;

  test('a dry run of a new plan says what it would create and writes nothing', async () => {
    const answer = await importTable(tableOf(ROWS));
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.importProvincialPlan;
    expect({ ...report, created: report.created.length }).toEqual({
      dryRun: true,
      written: false,
      recorded: false,
      planId: null,
      unchanged: 0,
      created: ROWS.length,
      changed: [],
      removed: [],
      problems: [],
    });
  });

  test('written, every printed field of every row is the seed’s', async () => {
    const answer = await importTable(tableOf(ROWS), { dryRun: false });
    const report = answer.data!.importProvincialPlan;
    expect({ written: report.written, created: report.created.length }).toEqual({
      written: true,
      created: 83,
    });
    planId = report.planId!;
    const plan = await hub().query<{ provincialPlan: { tasks: Record<string, unknown>[] } }>(TASKS, {
      id: planId,
    });
    expect(plan.data!.provincialPlan.tasks).toEqual(
      ROWS.map((task) => ({
        ordinal: task.ordinal,
        section: task.section,
        content: task.content,
        lead: task.lead === null ? null : { text: task.lead },
        cooperating: task.cooperating === null ? null : { text: task.cooperating },
        centralDeadline: task.centralDeadline === null ? null : { text: task.centralDeadline },
        deadline: null,
        output: null,
      })),
    );
  });

  test('the numbers a row cites are recorded: its suggested link is the cited directive’s task', async () => {
    const plan = await hub().query<{ provincialPlan: { tasks: { id: string }[] } }>(
      'query ImportedTaskIds($id: ID!) { provincialPlan(id: $id) { tasks { id } } }',
      { id: planId },
    );
    const first = plan.data!.provincialPlan.tasks[0].id;
    const suggested = await hub().query<{ provincialTask: { suggestedLinks: { reason: string }[] } }>(
      `query ImportedSuggestion($id: ID!) {
        provincialTask(id: $id) { suggestedLinks(first: 1) { centralTask { ref } reason } }
      }`,
      { id: first },
    );
    const cited = ROWS[0].cites[0].number;
    expect(suggested.data!.provincialTask.suggestedLinks).toEqual([
      {
        centralTask: { ref: expect.stringMatching(new RegExp(`^${cited}#`)) },
        reason: expect.stringMatching(new RegExp(`^cited ${cited}, similarity`)),
      },
    ]);
  });

  test('the same file again changes nothing', async () => {
    const report = (await importTable(tableOf(ROWS), { dryRun: false })).data!.importProvincialPlan;
    expect(report).toEqual({
      dryRun: false,
      written: false,
      recorded: true,
      planId,
      unchanged: 83,
      created: [],
      changed: [],
      removed: [],
      problems: [],
    });
  });

  test('an amended file: its dry run lists each change; writing it amends the plan, audited, and once only', async () => {
    const amended = ROWS.slice(1).map((task, index) =>
      index === 0 ? { ...task, lead: 'Sở Tài chính' } : task,
    );
    const table = tableOf(amended);
    const added = ['84', 'Nhiệm vụ bổ sung', '', '', 'Sở Khoa học và Công nghệ', ''];
    const dry = (await importTable([...table, added])).data!.importProvincialPlan;
    expect({
      changed: dry.changed,
      removed: dry.removed,
      created: dry.created,
      unchanged: dry.unchanged,
    }).toEqual({
      changed: [
        {
          row: table.findIndex((cells) => cells[0] === ROWS[1].ordinal) + 1,
          ordinal: ROWS[1].ordinal,
          changes: [{ field: 'lead', from: ROWS[1].lead, to: 'Sở Tài chính' }],
        },
      ],
      removed: [{ ordinal: ROWS[0].ordinal }],
      created: [{ row: table.length + 1, ordinal: '84', content: 'Nhiệm vụ bổ sung' }],
      unchanged: 81,
    });
    const basis = 'Kế hoạch 20/KH-UBND ngày 5/3/2026 điều chỉnh';
    const writing = await importTable([...table, added], { dryRun: false, basis });
    expect(writing.errors).toBeUndefined();
    const written = writing.data!.importProvincialPlan;
    expect({ written: written.written, created: written.created }).toEqual({
      written: true,
      created: [{ row: table.length + 1, ordinal: '84', content: 'Nhiệm vụ bổ sung' }],
    });
    const plan = await hub().query<{ provincialPlan: { tasks: Record<string, unknown>[] } }>(AMENDED_TASKS, {
      id: written.planId,
    });
    const tasks = plan.data!.provincialPlan.tasks;
    expect(tasks).toHaveLength(84);
    expect(tasks[0]).toMatchObject({ ordinal: ROWS[0].ordinal, removedBasis: basis });
    expect(tasks[1]).toMatchObject({
      ordinal: ROWS[1].ordinal,
      removedAt: null,
      lead: { text: 'Sở Tài chính' },
    });
    expect(tasks[1].history).toEqual({
      events: [
        {
          kind: 'AMENDED',
          note: basis,
          changes: [{ field: 'lead', from: ROWS[1].lead, to: 'Sở Tài chính' }],
        },
      ],
    });
    expect(tasks[0].history).toEqual({
      events: [
        { kind: 'REMOVED', note: basis, changes: [{ field: 'removedFromPlan', from: null, to: basis }] },
      ],
    });
    expect(tasks[83]).toMatchObject({ ordinal: '84', content: 'Nhiệm vụ bổ sung', removedAt: null });
    // The amended file again: nothing is left to change.
    const again = (await importTable([...table, added], { dryRun: false, basis })).data!.importProvincialPlan;
    expect(again).toMatchObject({ written: false, unchanged: 83, created: [], changed: [], removed: [] });
  });

  test('a file with errors writes nothing, unless asked to write its good rows only', async () => {
    const rows = [
      HEADER,
      ['1', '', '', '', 'Sở Tài chính', ''],
      ['2', 'Nhiệm vụ tốt', '', '31/02/2026', '', ''],
      ['3', 'Nhiệm vụ tốt', '', 'Quý IV/2026', '', ''],
    ];
    const input = { plan: { number: '145/KH-UBND' }, dryRun: false };
    const refused = (await importTable(rows, input)).data!.importProvincialPlan;
    expect({ written: refused.written, problems: refused.problems }).toEqual({
      written: false,
      problems: [
        expect.objectContaining({ code: 'MISSING_CONTENT', severity: 'error', row: 2 }),
        expect.objectContaining({ code: 'INVALID_DATE', severity: 'error', row: 3 }),
      ],
    });
    const good = (await importTable(rows, { ...input, goodRowsOnly: true })).data!.importProvincialPlan;
    expect({ written: good.written, created: good.created }).toEqual({
      written: true,
      created: [{ row: 4, ordinal: '3', content: 'Nhiệm vụ tốt' }],
    });
  });

  test('asked to, the import links each created row to its suggestion above the threshold, and no other', async () => {
    const row80 = ROWS.find((task) => task.ordinal === '80.')!;
    const rows = [
      HEADER,
      ['1', row80.content, 'Nghị quyết số 71/NQ-CP', '', 'Sở KH&CN', ''],
      ['2', 'Tổ chức hội nghị tổng kết công tác năm của tỉnh', '', '', 'Văn phòng UBND tỉnh', ''],
    ];
    const input = { jurisdiction: '19', plan: { ...PLAN, number: '146/KH-UBND' }, rows, dryRun: false };
    const token = await tokenFor({ role: 'planner', jurisdiction: '19' });
    const result = await hub().query<{
      importProvincialPlan: { accepted: unknown[]; created: { taskId: string }[] };
    }>(
      `mutation ImportAccepting($input: PlanImportInput!) {
        importProvincialPlan(input: $input) { created { taskId } accepted { row level targetId score reason } }
      }`,
      { input: { ...input, acceptSuggestions: true } },
      token,
    );
    expect(result.errors).toBeUndefined();
    const [linked, alone] = result.data!.importProvincialPlan.created.map((row) => row.taskId);
    expect(result.data!.importProvincialPlan.accepted).toEqual([
      {
        row: 2,
        level: 'CENTRAL',
        targetId: seedIds.centralTask('71/NQ-CP#5'),
        score: 1,
        reason: 'cited 71/NQ-CP, similarity 1.00',
      },
    ]);
    const links = await hub().query<{ a: unknown; b: unknown }>(
      `query AcceptedLinks($a: ID!, $b: ID!) {
        a: provincialTask(id: $a) { centralTasks { ref } }
        b: provincialTask(id: $b) { centralTasks { ref } }
      }`,
      { a: linked, b: alone },
    );
    expect(links.data).toEqual({ a: { centralTasks: [{ ref: '71/NQ-CP#5' }] }, b: { centralTasks: [] } });
  });

  test('a planner of another province may not import Thái Nguyên’s plan', async () => {
    const token = await tokenFor({ role: 'planner', jurisdiction: '15' });
    const answer = await importTable(
      tableOf(ROWS.slice(0, 2)),
      { plan: { number: '146/KH-UBND' }, dryRun: false },
      token,
    );
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
