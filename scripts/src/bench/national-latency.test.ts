import { latencyOf, latencyReport, summary } from './national-latency';

describe('latencyReport', () => {
  const deliveries = {
    count: 4,
    seqs: Float64Array.from([1, 1, 2, 3]),
    receivedAt: Float64Array.from([1_010, 1_030, 12_100, 12_500]),
    at: Float64Array.from([1_000, 1_000, 12_000, 11_900]),
    subscriber: Uint32Array.from([0, 1, 0, 1]),
  };
  const committed = new Map([
    [1, 1_005],
    [2, 12_050],
  ]);

  it('measures from the commit notification, and from `at` for every delivery', () => {
    const report = latencyReport(deliveries, committed, 0, 10);
    expect(report.fromCommit).toMatchObject({ count: 3, p50: 25, max: 50 });
    expect(report.fromAt).toMatchObject({ count: 4, max: 600 });
    expect(report.withoutCommitTime).toBe(1);
  });

  it('puts each delivery in the window of its commit', () => {
    const report = latencyReport(deliveries, committed, 0, 10);
    expect(report.windows.map((window) => [window.fromSecond, window.fromAt.count])).toEqual([
      [0, 2],
      [10, 2],
    ]);
  });
});

describe('latencyOf', () => {
  it('summarises the deliveries to the chosen subscribers only', () => {
    const deliveries = {
      count: 3,
      seqs: Float64Array.from([1, 1, 2]),
      receivedAt: Float64Array.from([110, 150, 230]),
      at: Float64Array.from([100, 100, 200]),
      subscriber: Uint32Array.from([0, 1, 1]),
    };
    const committed = new Map([
      [1, 100],
      [2, 200],
    ]);
    expect(latencyOf(deliveries, committed, (i) => i === 1)).toMatchObject({ count: 2, p50: 30, max: 50 });
  });
});

describe('summary', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summary(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summary([]).p99).toBeNull();
  });
});
