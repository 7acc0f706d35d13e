import { Recurrence } from '../deadline/deadline';
import { deadlineColumns, presentDeadline } from '../task/deadline.type';
import { TaskStatus } from '../task/task-status';
import { isDueWithin, isOpenTask, isStaleReport, reportingPeriod, type TaskStateInput } from './task-state';

const AS_OF = '2025-12-10';

/** A task as the resolver hands it over (see task-state.test.ts). */
function task(
  deadline: string | null,
  options: { central?: string; status?: TaskStatus; reportedAt?: string } = {},
): TaskStateInput {
  return {
    status: options.status ?? (options.reportedAt ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED),
    deadline: presentDeadline(deadlineColumns(deadline)),
    centralDeadline: presentDeadline(deadlineColumns(options.central)),
    lastReportedAt: options.reportedAt ? new Date(options.reportedAt) : null,
  };
}

describe('reportingPeriod', () => {
  it.each([
    ['Hằng tuần, Thứ 6', Recurrence.WEEKLY],
    ['Hằng quý', Recurrence.QUARTERLY],
    ['Thường xuyên', Recurrence.CONTINUOUS],
    ['Trước ngày 15/8/2025', Recurrence.MONTHLY],
    [null, Recurrence.MONTHLY],
  ])('reads %j as %s', (deadline, period) => {
    expect(reportingPeriod(task(deadline))).toBe(period);
  });
});

describe('isStaleReport', () => {
  it('counts a never-reported open task as stale, dated or not', () => {
    expect(isStaleReport(task('Ngày 15/12/2025'), AS_OF)).toBe(true);
    expect(isStaleReport(task('Sau khi có văn bản của tỉnh'), AS_OF)).toBe(true);
  });

  it('keeps a monthly report fresh for one month (rolling, on the Vietnamese calendar)', () => {
    expect(isStaleReport(task('Ngày 15/12/2025', { reportedAt: '2025-11-10T03:00:00Z' }), AS_OF)).toBe(false);
    expect(isStaleReport(task('Ngày 15/12/2025', { reportedAt: '2025-11-09T03:00:00Z' }), AS_OF)).toBe(true);
  });

  it('uses the rhythm of a recurring task', () => {
    const weekly = (reportedAt: string): TaskStateInput => task('Hằng tuần, Thứ 6', { reportedAt });
    expect(isStaleReport(weekly('2025-12-03T03:00:00Z'), AS_OF)).toBe(false);
    expect(isStaleReport(weekly('2025-12-02T03:00:00Z'), AS_OF)).toBe(true);
  });

  it('never warns about a closed task', () => {
    expect(isStaleReport(task('Ngày 15/12/2025', { status: TaskStatus.CANCELLED }), AS_OF)).toBe(false);
    expect(isStaleReport(task('Ngày 15/12/2025', { status: TaskStatus.COMPLETED_LATE }), AS_OF)).toBe(false);
    expect(isOpenTask(task('Trước 25/7/2025 (Đã hoàn thành)'))).toBe(false);
  });
});

describe('isDueWithin', () => {
  it('takes due dates from asOf to asOf + days, both ends included', () => {
    expect(isDueWithin(task('Ngày 10/12/2025'), AS_OF, 7)).toBe(true);
    expect(isDueWithin(task('Ngày 17/12/2025'), AS_OF, 7)).toBe(true);
    expect(isDueWithin(task('Ngày 18/12/2025'), AS_OF, 7)).toBe(false);
    expect(isDueWithin(task('Ngày 30/11/2025'), AS_OF, 7)).toBe(false);
  });

  it('skips closed tasks and tasks with no due date', () => {
    expect(isDueWithin(task('Ngày 15/12/2025', { status: TaskStatus.CANCELLED }), AS_OF, 7)).toBe(false);
    expect(isDueWithin(task('Sau khi có văn bản của tỉnh'), AS_OF, 7)).toBe(false);
  });
});
