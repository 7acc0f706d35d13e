import 'reflect-metadata';
import { progressOf } from './progress-sql';
import { rankByOnTimeShare } from './ranking';

const unit = (code: string, counts: Record<string, number>) => ({
  subject: code,
  progress: progressOf('2025-12-10', counts),
});

const ranked = (units: ReturnType<typeof unit>[]) =>
  rankByOnTimeShare(units, (code) => code).map(({ rank, subject, onTimeShare, judged }) => ({
    rank,
    subject,
    onTimeShare,
    judged,
  }));

describe('rankByOnTimeShare', () => {
  it('ranks by share on time of what is done or overdue, equal shares sharing a rank (1, 2, 2, 4)', () => {
    expect(
      ranked([
        unit('a', { total: 10, completedOnTime: 1, overdue: 3 }),
        unit('b', { total: 5, completedOnTime: 2, completedLate: 2 }),
        unit('c', { total: 8, completedOnTime: 4, overdue: 4 }),
        unit('d', { total: 3, completedOnTime: 3 }),
      ]),
    ).toEqual([
      { rank: 1, subject: 'd', onTimeShare: 1, judged: 3 },
      // b and c both have half on time; c has more behind its share, so it is listed first.
      { rank: 2, subject: 'c', onTimeShare: 0.5, judged: 8 },
      { rank: 2, subject: 'b', onTimeShare: 0.5, judged: 4 },
      { rank: 4, subject: 'a', onTimeShare: 0.25, judged: 4 },
    ]);
  });

  it('lists units with nothing judged yet last and unranked, and leaves out units with no task', () => {
    expect(
      ranked([
        unit('z', { total: 4, inProgress: 4 }),
        unit('y', { total: 0 }),
        unit('x', { total: 2, overdue: 1 }),
        unit('w', { total: 6, notStarted: 6 }),
      ]),
    ).toEqual([
      { rank: 1, subject: 'x', onTimeShare: 0, judged: 1 },
      { rank: null, subject: 'w', onTimeShare: null, judged: 0 },
      { rank: null, subject: 'z', onTimeShare: null, judged: 0 },
    ]);
  });
});
