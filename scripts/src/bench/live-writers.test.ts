import { TaskPool, type BenchTask } from './live-writers';

function tasks(count: number): BenchTask[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `task-${index}`,
    version: 1,
    status: 'NOT_STARTED',
    progress: 0,
    mutation: 'updateCommuneTaskStatus' as const,
  }));
}

describe('TaskPool', () => {
  it('hands out tasks in order, a released one at the end, and null when every task is out', () => {
    const pool = new TaskPool(tasks(3));
    const first = pool.take();
    expect(first?.id).toBe('task-0');
    expect(pool.take()?.id).toBe('task-1');
    pool.release(first as BenchTask);
    expect([pool.take()?.id, pool.take()?.id, pool.take()]).toEqual(['task-2', 'task-0', null]);
    expect(pool.size).toBe(0);
  });

  it('keeps round-robin order across rounds of a large pool', () => {
    const all = tasks(5000);
    const pool = new TaskPool(all);
    const seen: string[] = [];
    for (let index = 0; index < 12_500; index++) {
      const task = pool.take() as BenchTask;
      seen.push(task.id);
      pool.release(task);
    }
    expect(pool.size).toBe(5000);
    expect(seen.slice(0, 5000)).toEqual(all.map((task) => task.id));
    expect(seen.slice(5000, 10_000)).toEqual(all.map((task) => task.id));
    expect(seen.slice(10_000)).toEqual(all.slice(0, 2500).map((task) => task.id));
  });
});
