import { deadlineColumns, presentDeadline } from '../task/deadline.type';
import { TaskStatus } from '../task/task-status';
import { TrafficLight, deriveTaskState, type DerivedTaskState, type TaskStateInput } from './task-state';

const { GREEN, YELLOW, RED, GREY } = TrafficLight;
const { NOT_STARTED, IN_PROGRESS, COMPLETED_ON_TIME, COMPLETED_LATE, CANCELLED } = TaskStatus;

// 2025-12-10 is a Wednesday; deadlines are phrases the seed plans print (plans/*.json, central.json).
const AS_OF = '2025-12-10';

/** A task as the resolver hands it over: deadlines stored the way the seed loader stores them. */
function task(
  deadline: string | null,
  options: { central?: string; status?: TaskStatus; reportedAt?: string } = {},
): TaskStateInput {
  return {
    status: options.status ?? (options.reportedAt ? IN_PROGRESS : NOT_STARTED),
    deadline: presentDeadline(deadlineColumns(deadline)),
    centralDeadline: presentDeadline(deadlineColumns(options.central)),
    lastReportedAt: options.reportedAt ? new Date(options.reportedAt) : null,
  };
}

function state(
  dueDate: string | null,
  light: TrafficLight,
  daysLeft: number | null,
  flags: { overdue?: boolean; completedLate?: boolean } = {},
): DerivedTaskState {
  return {
    dueDate,
    overdue: flags.overdue ?? false,
    completedLate: flags.completedLate ?? false,
    light,
    daysLeft,
  };
}

describe('deriveTaskState: dated deadlines', () => {
  it.each([
    // 000 Lào Cai: 15 Aug to 10 Dec is 16 + 30 + 31 + 30 + 10 days.
    ['Trước ngày 15/8/2025', state('2025-08-15', RED, -117, { overdue: true })],
    ['Trong tháng 8/2025', state('2025-08-31', RED, -101, { overdue: true })],
    ['Trước ngày 31/12/2025', state('2025-12-31', GREEN, 21)],
    ['trong Quý IV/2025', state('2025-12-31', GREEN, 21)],
    ['31/08/2026', state('2026-08-31', GREEN, 264)],
    // 001 Lai Châu
    ['Trong năm 2026', state('2026-12-31', GREEN, 386)],
    // 002: "Tháng 10/2025" ended on 31 October
    ['Tháng 10/2025', state('2025-10-31', RED, -40, { overdue: true })],
    // 004 Thuận An
    ['6/2026', state('2026-06-30', GREEN, 202)],
  ])('%j, never reported', (phrase, want) => {
    expect(deriveTaskState(task(phrase), AS_OF)).toEqual(want);
  });

  it.each([
    // 003 Thái Nguyên prints only the central column ("Thời hạn hoàn thành (Trung ương giao)").
    ['Ngày 15/12/2025', state('2025-12-15', YELLOW, 5)],
    ['Ngày 20/12/2025', state('2025-12-20', GREEN, 10)],
    ['Ngày 30/11/2025', state('2025-11-30', RED, -10, { overdue: true })],
    ['Ngày 25/4/2025', state('2025-04-25', RED, -229, { overdue: true })],
  ])('central deadline %j when the plan prints no local one', (central, want) => {
    expect(deriveTaskState(task(null, { central }), AS_OF)).toEqual(want);
  });

  it('is YELLOW from 7 days before the due date through the due date itself, RED the day after', () => {
    const tenth = task(null, { central: 'Ngày 10/12/2025' });
    expect(deriveTaskState(tenth, '2025-12-02')).toEqual(state('2025-12-10', GREEN, 8));
    expect(deriveTaskState(tenth, '2025-12-03')).toEqual(state('2025-12-10', YELLOW, 7));
    expect(deriveTaskState(tenth, '2025-12-10')).toEqual(state('2025-12-10', YELLOW, 0));
    expect(deriveTaskState(tenth, '2025-12-11')).toEqual(state('2025-12-10', RED, -1, { overdue: true }));
  });

  it('takes the local deadline before the central one', () => {
    const both = task('Trước ngày 15/12/2025', { central: 'Ngày 31/12/2025' });
    expect(deriveTaskState(both, AS_OF)).toEqual(state('2025-12-15', YELLOW, 5));
  });
});

describe('deriveTaskState: status', () => {
  const overdue = 'Trong tháng 8/2025';

  it('keeps an open task RED whatever its progress or reports', () => {
    const reported = task(overdue, { reportedAt: '2025-12-09T03:00:00Z' });
    expect(deriveTaskState(reported, AS_OF)).toEqual(state('2025-08-31', RED, -101, { overdue: true }));
  });

  it('turns GREEN and stops counting days once completed on time', () => {
    const done = task(overdue, { status: COMPLETED_ON_TIME, reportedAt: '2025-08-30T03:00:00Z' });
    expect(deriveTaskState(done, AS_OF)).toEqual(state('2025-08-31', GREEN, null));
  });

  it('marks "hoàn thành quá hạn" completedLate, and no longer overdue', () => {
    const late = task(overdue, { status: COMPLETED_LATE, reportedAt: '2025-09-12T03:00:00Z' });
    expect(deriveTaskState(late, AS_OF)).toEqual(state('2025-08-31', GREEN, null, { completedLate: true }));
  });

  it('greys out a cancelled task, overdue or not', () => {
    const cancelled = task(overdue, { status: CANCELLED, reportedAt: '2025-09-12T03:00:00Z' });
    expect(deriveTaskState(cancelled, AS_OF)).toEqual(state('2025-08-31', GREY, null));
  });

  it('counts "(Đã hoàn thành)" as done until someone reports on the task', () => {
    const printed = 'Trước 25/7/2025 (Đã hoàn thành)';
    expect(deriveTaskState(task(printed), AS_OF)).toEqual(state('2025-07-25', GREEN, null));
    const reopened = task(printed, { reportedAt: '2025-12-01T03:00:00Z' });
    expect(deriveTaskState(reopened, AS_OF)).toEqual(state('2025-07-25', RED, -138, { overdue: true }));
  });
});

describe('deriveTaskState: recurring deadlines', () => {
  it.each([
    // 000, 002, 004: no period printed, so reports are due monthly.
    ['Thường xuyên', null, null],
    ['định kỳ', null, null],
    ['Định kỳ hoặc đột xuất', null, null],
    // 000: the tightest rhythm printed drives it; a daily turn is due on asOf itself.
    ['Hằng ngày/hằng tháng', '2025-12-10', 0],
    ['hằng ngày (trước 14h00)', '2025-12-10', 0],
    // 000: Thứ 6 is Friday, two days after Wednesday 10 December.
    ['hàng tuần (trước 10h ngày Thứ 6)', '2025-12-12', 2],
    ["muộn nhất vào 9h00' sáng ngày thứ Sáu hằng tuần", '2025-12-12', 2],
    // 001: a monthly rhythm with no day falls due on the month's last day.
    ['định kỳ hằng tháng, 3 tháng, 6 tháng, 9 tháng, 1 năm', '2025-12-31', 21],
    // 004
    ['hàng năm', '2025-12-31', 21],
  ])('%j is YELLOW while never reported, GREEN once reported this period', (phrase, due, daysLeft) => {
    expect(deriveTaskState(task(phrase), AS_OF)).toEqual(state(due, YELLOW, daysLeft));
    const reported = task(phrase, { reportedAt: '2025-12-09T03:00:00Z' });
    expect(deriveTaskState(reported, AS_OF)).toEqual(state(due, GREEN, daysLeft));
  });

  it('moves a monthly turn on the 20th to next month once the 20th has passed', () => {
    const by20th = task('Báo cáo kết quả định kỳ hằng tháng trước ngày 20.', {
      reportedAt: '2025-12-01T03:00:00Z',
    });
    expect(deriveTaskState(by20th, '2025-12-10')).toEqual(state('2025-12-20', GREEN, 10));
    expect(deriveTaskState(by20th, '2025-12-20')).toEqual(state('2025-12-20', GREEN, 0));
    expect(deriveTaskState(by20th, '2025-12-21')).toEqual(state('2026-01-20', GREEN, 30));
  });

  it('moves a weekly Friday turn to next Friday from Saturday on', () => {
    const fridays = task('hàng tuần (trước 10h ngày Thứ 6)', { reportedAt: '2025-12-12T02:00:00Z' });
    expect(deriveTaskState(fridays, '2025-12-12')).toEqual(state('2025-12-12', GREEN, 0));
    expect(deriveTaskState(fridays, '2025-12-13')).toEqual(state('2025-12-19', GREEN, 6));
  });

  it('counts a report for one period back from asOf, on the Vietnamese calendar', () => {
    const continuous = (reportedAt: string): TaskStateInput => task('Thường xuyên', { reportedAt });
    // 10 November is one month before 10 December: still this period.
    expect(deriveTaskState(continuous('2025-11-10T03:00:00Z'), AS_OF).light).toBe(GREEN);
    expect(deriveTaskState(continuous('2025-11-09T03:00:00Z'), AS_OF).light).toBe(YELLOW);
    // 18:00 UTC on 9 November is already 01:00 on 10 November in Hà Nội.
    expect(deriveTaskState(continuous('2025-11-09T18:00:00Z'), AS_OF).light).toBe(GREEN);
    const weekly = task('hàng tuần (trước 10h ngày Thứ 6)', { reportedAt: '2025-12-02T03:00:00Z' });
    expect(deriveTaskState(weekly, AS_OF).light).toBe(YELLOW);
    const daily = task('hằng ngày', { reportedAt: '2025-12-08T03:00:00Z' });
    expect(deriveTaskState(daily, AS_OF).light).toBe(YELLOW);
  });

  it('keeps a fixed end over the rhythm: due soon, then overdue', () => {
    // A spelling other plans print: an end date and a monthly report in one phrase.
    const both = (reportedAt: string): TaskStateInput =>
      task('Trước 31/12/2025, báo cáo hằng tháng', { reportedAt });
    expect(deriveTaskState(both('2025-11-05T03:00:00Z'), '2025-11-10')).toEqual(
      state('2025-11-30', GREEN, 20),
    );
    // Reported six days ago, so only the end coming near makes it YELLOW.
    expect(deriveTaskState(both('2025-12-20T03:00:00Z'), '2025-12-26')).toEqual(
      state('2025-12-31', YELLOW, 5),
    );
    expect(deriveTaskState(both('2025-12-20T03:00:00Z'), '2026-01-05')).toEqual(
      state('2025-12-31', RED, -5, { overdue: true }),
    );
  });
});

describe('deriveTaskState: nothing to judge by', () => {
  it.each([
    // 004 Thuận An: the clock starts with a provincial document not yet issued.
    'Sau khi có văn bản của tỉnh',
    'Sau khi có văn bản của cơ quan chuyên môn',
    // 001 Lai Châu
    'theo đúng lộ trình đã đề ra',
    null,
  ])('%j is GREY with no due date', (phrase) => {
    expect(deriveTaskState(task(phrase), AS_OF)).toEqual(state(null, GREY, null));
    expect(deriveTaskState(task(phrase, { reportedAt: '2025-01-01T00:00:00Z' }), AS_OF).light).toBe(GREY);
  });

  it('still shows a completed task without a due date as GREEN', () => {
    const done = task('Sau khi có văn bản của tỉnh', { status: COMPLETED_ON_TIME, reportedAt: '2025-12-01' });
    expect(deriveTaskState(done, AS_OF)).toEqual(state(null, GREEN, null));
  });

  it.each(['2025-02-30', '10/12/2025', '2025-12-1', ''])('refuses asOf %j', (asOf) => {
    expect(() => deriveTaskState(task('Thường xuyên'), asOf)).toThrow(RangeError);
  });
});
