import { extraSubscriberCostUs, idleKiB } from './live-identical';
import type { IdleResult, StepResult } from './live-steps';

function step(subscribers: number, events: number, cpuUs: number): StepResult {
  const delivered = subscribers * events;
  return {
    subscribers,
    events,
    delivered,
    cpuPerDeliveryUs: { gateway: cpuUs / delivered / 2, events: cpuUs / delivered / 2 },
  } as StepResult;
}

describe('extraSubscriberCostUs', () => {
  it('divides the growth of CPU by the extra subscribers and the mean event count', () => {
    // 1,000 subscribers: 1 s of CPU for 52 events; 2,000: 1.25 s for 48 events. 0.25 s / (1,000 × 50).
    expect(extraSubscriberCostUs(step(1000, 52, 1e6), step(2000, 48, 1.25e6))).toBeCloseTo(5, 6);
  });

  it('is NaN without events or without extra subscribers', () => {
    expect(extraSubscriberCostUs(step(1000, 0, 0), step(2000, 10, 1))).toBeNaN();
    expect(extraSubscriberCostUs(step(1000, 10, 1), step(1000, 10, 1))).toBeNaN();
  });
});

describe('idleKiB', () => {
  it('adds the growth of both processes and divides by the subscriptions opened', () => {
    const idle = { opened: 100, rss: { gateway: [1000, 2000], events: [500, 1500] } } as IdleResult;
    expect(idleKiB(idle)).toBe(20);
  });
});
