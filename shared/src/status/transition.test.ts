import { TaskStatus } from '../task/task-status';
import { nextState } from './transition';

const { NOT_STARTED, IN_PROGRESS, COMPLETED_ON_TIME, COMPLETED_LATE, CANCELLED } = TaskStatus;

describe('nextState', () => {
  it.each([
    [NOT_STARTED, 0, { status: IN_PROGRESS, progress: 20 }, { status: IN_PROGRESS, progress: 20 }],
    [NOT_STARTED, 0, { status: IN_PROGRESS }, { status: IN_PROGRESS, progress: 0 }],
    [IN_PROGRESS, 40, { status: IN_PROGRESS, progress: 60 }, { status: IN_PROGRESS, progress: 60 }],
    [IN_PROGRESS, 40, { status: COMPLETED_ON_TIME }, { status: COMPLETED_ON_TIME, progress: 100 }],
    [IN_PROGRESS, 40, { status: COMPLETED_LATE, progress: 100 }, { status: COMPLETED_LATE, progress: 100 }],
    [IN_PROGRESS, 40, { status: CANCELLED }, { status: CANCELLED, progress: 40 }],
    [
      IN_PROGRESS,
      40,
      { status: IN_PROGRESS, note: 'Đã họp triển khai' },
      { status: IN_PROGRESS, progress: 40 },
    ],
    [CANCELLED, 40, { status: IN_PROGRESS, note: 'Khôi phục' }, { status: IN_PROGRESS, progress: 40 }],
    [
      COMPLETED_ON_TIME,
      100,
      { status: IN_PROGRESS, progress: 80, note: 'Mở lại' },
      { status: IN_PROGRESS, progress: 80 },
    ],
    [
      IN_PROGRESS,
      60,
      { status: IN_PROGRESS, progress: 50, note: 'Đánh giá lại' },
      { status: IN_PROGRESS, progress: 50 },
    ],
  ])('from %s at %i%%, accepts %j', (status, progress, change, expected) => {
    expect(nextState({ status, progress }, change)).toEqual(expected);
  });

  it.each([
    ['reopening a cancelled task without a reason', CANCELLED, 0, { status: IN_PROGRESS }],
    [
      'reopening a completed task without a reason',
      COMPLETED_ON_TIME,
      100,
      { status: IN_PROGRESS, progress: 90 },
    ],
    ['switching on-time to late without a reason', COMPLETED_ON_TIME, 100, { status: COMPLETED_LATE }],
    ['going back to not started without a reason', IN_PROGRESS, 30, { status: NOT_STARTED }],
    ['completing below 100%', IN_PROGRESS, 30, { status: COMPLETED_ON_TIME, progress: 90 }],
    ['not started with progress', NOT_STARTED, 0, { status: NOT_STARTED, progress: 10, note: 'x' }],
    ['progress going back without a reason', IN_PROGRESS, 60, { status: IN_PROGRESS, progress: 50 }],
    ['a report that changes nothing', IN_PROGRESS, 60, { status: IN_PROGRESS, progress: 60 }],
    ['a blank note as a reason', CANCELLED, 0, { status: IN_PROGRESS, note: '   ' }],
  ])('refuses %s with INVALID_TRANSITION', (_case, status, progress, change) => {
    expect(() => nextState({ status, progress }, change)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'INVALID_TRANSITION', from: status, to: change.status }),
      }),
    );
  });
});
