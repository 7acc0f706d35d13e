import { CENTRAL, ErrorCode, Role, TaskLevel, TaskStatus } from '@nq57/shared';
import { identityOf, useStoreDatabase } from '../../../../test/support/store-database';
import { DirectiveDocument } from '../directive/directive.entity';
import { definition } from '../server';
import { CentralTaskStore } from './central-task.store';

describe('the central task store', () => {
  const database = useStoreDatabase(definition());
  const store = (): CentralTaskStore => new CentralTaskStore(database().level);
  const planner = identityOf(Role.PLANNER, CENTRAL);
  const directive = async (): Promise<DirectiveDocument> =>
    database().level.manager.findOneByOrFail(DirectiveDocument, { number: '71/NQ-CP' });

  it('adds a task at the end of a directive, with its search row and its routing in the same commit', async () => {
    const { id, aliases } = await directive();
    const task = await store().addTask(planner, id, { content: 'Nhiệm vụ bổ sung của Chính phủ' });
    const search = (await database().events.query(
      'SELECT level, content, version FROM task_search WHERE task_id = $1',
      [task.id],
    )) as unknown[];
    expect(search).toEqual([
      { level: TaskLevel.CENTRAL, content: 'Nhiệm vụ bổ sung của Chính phủ', version: 1 },
    ]);
    const routing = (await database().events.query(
      'SELECT directive_keys FROM central_task_routing WHERE task_id = $1',
      [task.id],
    )) as { directive_keys: string[] }[];
    expect(routing).toEqual([{ directive_keys: expect.arrayContaining(['71/NQ-CP']) as unknown }]);
    expect(routing[0].directive_keys).toHaveLength(1 + aliases.length);
  });

  it('refuses a provincial planner and an unknown directive, writing nothing', async () => {
    const { id } = await directive();
    const before = await database().level.query('SELECT count(*)::int AS n FROM central_task');
    await expect(
      store().addTask(identityOf(Role.PLANNER, '19'), id, { content: 'Không được ghi' }),
    ).rejects.toMatchObject({ extensions: { code: ErrorCode.FORBIDDEN } });
    await expect(
      store().addTask(planner, '00000000-0000-4000-8000-000000000000', { content: 'Không có' }),
    ).rejects.toMatchObject({ extensions: { code: ErrorCode.NOT_FOUND } });
    expect(await database().level.query('SELECT count(*)::int AS n FROM central_task')).toEqual(before);
  });

  it('appends a report on a central task as an event routed by its directive', async () => {
    const { id } = await directive();
    const task = await store().addTask(planner, id, { content: 'Theo dõi tiến độ' });
    const report = await store().reportStatus(identityOf(Role.REPORTER, CENTRAL), {
      id: task.id,
      status: TaskStatus.IN_PROGRESS,
      progress: 10,
      expectedVersion: 1,
    });
    const events = (await database().events.query(
      'SELECT id, province_code, commune_code, $2 = ANY(directive_keys) AS routed FROM task_event WHERE task_id = $1',
      [task.id, '71/NQ-CP'],
    )) as unknown[];
    expect(events).toEqual([{ id: report.event.id, province_code: null, commune_code: null, routed: true }]);
  });
});
