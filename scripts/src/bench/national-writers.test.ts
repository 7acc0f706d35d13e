import { spreadOrder } from './national-writers';

describe('spreadOrder', () => {
  const tasks = Array.from({ length: 10_000 }, (_, i) => ({
    id: i,
    jurisdiction: i < 1000 ? 'small' : 'large',
  }));

  it('is a permutation, the same for the same seed', () => {
    const order = spreadOrder(tasks, 57);
    expect(new Set(order.map((task) => task.id)).size).toBe(tasks.length);
    expect(spreadOrder(tasks, 57)).toEqual(order);
    expect(spreadOrder(tasks, 58)).not.toEqual(order);
  });

  it('puts reports on each jurisdiction in proportion to its task count', () => {
    const first = spreadOrder(tasks, 57).slice(0, 2000);
    const small = first.filter((task) => task.jurisdiction === 'small').length;
    expect(small).toBeGreaterThan(150);
    expect(small).toBeLessThan(250);
  });
});
