import {
  DocumentKind,
  ErrorCode,
  LevelTaskStore,
  Role,
  TaskStatus,
  type LevelSpec,
  type LinkRules,
  type LevelTypes,
  type SubgraphServiceDefinition,
} from '@nq57/shared';
import { identityOf, useStoreDatabase, type StoreDatabase } from './store-database';

/** The facts of one level a store's tests need beside its spec. */
export interface LevelStoreCase<L extends LevelTypes> {
  spec: LevelSpec<L>;
  definition: SubgraphServiceDefinition<unknown>;
  /** A jurisdiction of the level the seed loads, and another one. */
  jurisdiction: string;
  otherJurisdiction: string;
}

const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'];

/**
 * The tests every level's task store must pass, on a real PostgreSQL: each write authorizes, writes its rows,
 * appends its event where it is one, and updates the search projection, all or nothing. A service's own
 * `*.store.test.ts` runs them for its level.
 */
export function describeLevelStore<L extends LevelTypes>(level: LevelStoreCase<L>): void {
  const { spec, jurisdiction } = level;
  const database = useStoreDatabase(level.definition);
  // Links are tested through the hub (they check the levels above over HTTP); these tests link nothing.
  const noLinks: LinkRules<L> = () => Promise.reject(new Error('no link is made by these tests'));
  const store = (): LevelTaskStore<L> => new LevelTaskStore(spec, database().level, noLinks);
  const planner = identityOf(Role.PLANNER, jurisdiction);
  let sequence = 0;
  const planInput = (tasks: { content: string; deadline?: string }[]): L['planInput'] =>
    ({
      [spec.jurisdiction.field]: jurisdiction,
      kind: DocumentKind.PLAN,
      number: `${900 + (sequence += 1)}/KH-UBND`,
      title: `Kế hoạch thử nghiệm ${sequence}`,
      issuedOn: '2025-12-01',
      tasks,
    }) as unknown as L['planInput'];

  it('writes a plan, its tasks in order and their search rows in one commit', async () => {
    const plan = await store().createPlan(
      planner,
      planInput([{ content: 'Nhiệm vụ một' }, { content: 'Hai' }]),
    );
    const tasks = await tasksOf(database(), spec, plan.id);
    expect(tasks.map(({ content, position }) => ({ content, position }))).toEqual([
      { content: 'Nhiệm vụ một', position: 1 },
      { content: 'Hai', position: 2 },
    ]);
    expect(
      await searchRows(
        database(),
        tasks.map((task) => task.id),
      ),
    ).toEqual(
      tasks.map((task) => ({ task_id: task.id, level: spec.level, content: task.content, version: 1 })),
    );
  });

  it('refuses a planner of another jurisdiction, and a reporter, writing nothing', async () => {
    const before = await countPlans(database(), spec);
    for (const identity of [
      identityOf(Role.PLANNER, level.otherJurisdiction),
      identityOf(Role.REPORTER, jurisdiction),
    ]) {
      await expect(
        store().createPlan(identity, planInput([{ content: 'Không được ghi' }])),
      ).rejects.toMatchObject({
        extensions: { code: ErrorCode.FORBIDDEN },
      });
    }
    expect(await countPlans(database(), spec)).toBe(before);
  });

  it('answers DUPLICATE, naming the plan, for a plan its issuer has recorded', async () => {
    const input = planInput([{ content: 'Một lần' }]);
    const plan = await store().createPlan(planner, input);
    await expect(store().createPlan(planner, input)).rejects.toMatchObject({
      extensions: { code: ErrorCode.DUPLICATE, planId: plan.id },
    });
  });

  it('adds a task at the end of a plan, indexed for search', async () => {
    const plan = await store().createPlan(planner, planInput([{ content: 'Đầu tiên' }]));
    const task = await store().addTask(planner, plan.id, { content: 'Bổ sung' });
    expect(task).toMatchObject({ content: 'Bổ sung', position: 2, planId: plan.id });
    expect(await searchRows(database(), [task.id])).toEqual([
      { task_id: task.id, level: spec.level, content: 'Bổ sung', version: 1 },
    ]);
  });

  it('appends one event per accepted report, with the task, its search row and the routing moved on', async () => {
    const plan = await store().createPlan(planner, planInput([{ content: 'Báo cáo tiến độ' }]));
    const [task] = await tasksOf(database(), spec, plan.id);
    const reporter = identityOf(Role.REPORTER, jurisdiction);
    const input = { id: task.id, status: TaskStatus.IN_PROGRESS, progress: 30, expectedVersion: 1 };
    const first = await store().reportStatus(reporter, input);
    expect(first).toMatchObject({ replayed: false, task: { status: TaskStatus.IN_PROGRESS, version: 2 } });
    await expect(store().reportStatus(reporter, input)).rejects.toMatchObject({
      extensions: { code: ErrorCode.VERSION_CONFLICT },
    });
    const events = (await database().events.query(
      'SELECT id, actor, from_status, to_status, progress, version FROM task_event WHERE task_id = $1',
      [task.id],
    )) as unknown[];
    expect(events).toEqual([
      {
        id: first.event.id,
        actor: reporter.subject,
        from_status: TaskStatus.NOT_STARTED,
        to_status: TaskStatus.IN_PROGRESS,
        progress: 30,
        version: 2,
      },
    ]);
    expect(await searchRows(database(), [task.id])).toEqual([
      { task_id: task.id, level: spec.level, content: 'Báo cáo tiến độ', version: 2 },
    ]);
  });

  it('resolves a relative deadline and refuses one that is not relative', async () => {
    const plan = await store().createPlan(
      planner,
      planInput([
        { content: 'Tương đối', deadline: 'Sau khi có văn bản của tỉnh' },
        { content: 'Cố định', deadline: 'Tháng 12/2025' },
      ]),
    );
    const [relative, fixed] = await tasksOf(database(), spec, plan.id);
    const basis = '12/KH-UBND ngày 5/12/2025';
    const resolved = await store().resolveDeadline(planner, {
      id: relative.id,
      dueDate: '2026-03-31',
      basis,
    });
    expect(resolved.id).toBe(relative.id);
    expect(await dueKeys(database(), [relative.id])).toEqual([
      { task_id: relative.id, due_key: '2026-03-31' },
    ]);
    await expect(
      store().resolveDeadline(planner, { id: fixed.id, dueDate: '2026-03-31', basis }),
    ).rejects.toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT } });
  });

  it('imports a table: the dry run writes nothing, the import writes every row with its search row', async () => {
    const rows = [
      HEADER,
      ['1', 'Nhập từ tệp', 'Sở Khoa học và Công nghệ', 'Tháng 6/2026'],
      ['2', 'Hàng hai', 'Sở Nội vụ', 'Năm 2026'],
    ];
    const plan = {
      kind: DocumentKind.PLAN,
      number: '77/KH-UBND',
      title: 'Kế hoạch nhập',
      issuedOn: '2026-01-05',
    };
    const input = { jurisdiction, plan, rows, dryRun: true, goodRowsOnly: false, acceptSuggestions: false };
    const before = await countPlans(database(), spec);
    const dry = await store().importPlan(planner, input);
    expect(dry).toMatchObject({ dryRun: true, written: false, planId: null, problems: [] });
    expect(dry.created.map((row) => row.content)).toEqual(['Nhập từ tệp', 'Hàng hai']);
    expect(await countPlans(database(), spec)).toBe(before);
    const done = await store().importPlan(planner, { ...input, dryRun: false });
    expect(done).toMatchObject({ written: true, recorded: false });
    const ids = done.created.map((row) => row.taskId as string);
    expect((await searchRows(database(), ids)).map((row) => row.content)).toEqual([
      'Nhập từ tệp',
      'Hàng hai',
    ]);
    const again = await store().importPlan(planner, { ...input, dryRun: false });
    expect(again).toMatchObject({ written: false, recorded: true, planId: done.planId, unchanged: 2 });
  });
}

async function tasksOf<L extends LevelTypes>(
  database: StoreDatabase,
  spec: LevelSpec<L>,
  planId: string,
): Promise<L['task'][]> {
  return database.level.manager.find(spec.task.entity, {
    where: { planId } as never,
    order: { position: 'ASC' } as never,
  });
}

async function countPlans<L extends LevelTypes>(
  database: StoreDatabase,
  spec: LevelSpec<L>,
): Promise<number> {
  return database.level.manager.count(spec.plan.entity);
}

async function searchRows(database: StoreDatabase, taskIds: string[]): Promise<Record<string, unknown>[]> {
  const rows = (await database.events.query(
    `SELECT task_id, level, content, version FROM task_search WHERE task_id = ANY($1::uuid[])`,
    [taskIds],
  )) as Record<string, unknown>[];
  return taskIds.flatMap((id) => rows.filter((row) => row.task_id === id));
}

async function dueKeys(database: StoreDatabase, taskIds: string[]): Promise<unknown[]> {
  return (await database.events.query(
    `SELECT task_id, due_key::text AS due_key FROM task_search WHERE task_id = ANY($1::uuid[])`,
    [taskIds],
  )) as unknown[];
}
