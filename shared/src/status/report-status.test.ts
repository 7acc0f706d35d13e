import { useTestHub } from '../../../test/support/hub';
import { seedTasks, updateMutation, type SeedTask } from '../../../test/support/seed-tasks';

type Report = {
  report: { replayed: boolean; task: { version: number; status: string }; event: { id: string } };
};

describe('a status report in two statements', () => {
  const hub = useTestHub();
  const report = (task: SeedTask, input: Record<string, unknown>) =>
    hub().query<Report>(updateMutation(task.typename), {
      input: { id: task.id, expectedVersion: task.version, ...input },
    });

  it('answers two racing retries of one report as the sequential case: one event, the second replayed', async () => {
    const seed = await seedTasks(hub());
    for (const [index, ref] of ['003-1', '003-2', '004-1', '71/NQ-CP#1'].entries()) {
      const task = seed.get(ref);
      const input = { status: 'IN_PROGRESS', progress: 20, idempotencyKey: `race-${index}` };
      const results = await Promise.all([report(task, input), report(task, input), report(task, input)]);
      for (const result of results) expect(result.errors).toBeUndefined();
      const outcomes = results.map((result) => result.data?.report);
      expect(new Set(outcomes.map((outcome) => outcome?.event.id)).size).toBe(1);
      expect(outcomes.map((outcome) => outcome?.replayed).sort()).toEqual([false, true, true]);
      expect(outcomes.map((outcome) => outcome?.task.version)).toEqual(Array(3).fill(task.version + 1));
      const events = (await hub().events.dataSource.query(
        'SELECT count(*)::int AS n FROM task_event WHERE task_id = $1',
        [task.id],
      )) as { n: number }[];
      expect(events[0].n).toBe(1);
    }
  });

  it('refuses all but one of racing reports made against the same version, with the version they lost to', async () => {
    const task = (await seedTasks(hub())).get('003-5');
    const results = await Promise.all(
      [10, 20, 30, 40].map((progress) => report(task, { status: 'IN_PROGRESS', progress })),
    );
    const accepted = results.filter((result) => !result.errors);
    expect(accepted).toHaveLength(1);
    for (const refused of results.filter((result) => result.errors)) {
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['VERSION_CONFLICT']);
      expect(refused.errors?.[0].extensions?.currentVersion).toBe(task.version + 1);
    }
  });

  it('writes the whole search row of a task the projection lacks, in the same commit', async () => {
    const task = (await seedTasks(hub())).get('003-6');
    await hub().events.dataSource.query('DELETE FROM task_search WHERE task_id = $1', [task.id]);
    const result = await report(task, { status: 'IN_PROGRESS', progress: 5 });
    expect(result.errors).toBeUndefined();
    const rows = (await hub().events.dataSource.query(
      `SELECT status, version, content IS NOT NULL AS whole, province_code FROM task_search WHERE task_id = $1`,
      [task.id],
    )) as unknown[];
    expect(rows).toEqual([
      { status: 'IN_PROGRESS', version: task.version + 1, whole: true, province_code: '19' },
    ]);
  });

  it('routes the event as the HTTP routing did: province, commune and directive keys fixed at write time', async () => {
    const task = (await seedTasks(hub())).get('003-80');
    const result = await report(task, { status: 'IN_PROGRESS', progress: 15 });
    expect(result.errors).toBeUndefined();
    const [event] = (await hub().events.dataSource.query(
      'SELECT province_code, commune_code, directive_keys FROM task_event WHERE id = $1',
      [result.data?.report.event.id],
    )) as { province_code: string; commune_code: string | null; directive_keys: string[] }[];
    expect(event).toEqual({ province_code: '19', commune_code: null, directive_keys: ['71/NQ-CP'] });
  });
});
