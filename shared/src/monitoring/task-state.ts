import { DeadlineKind, Recurrence, dueDateFor, type ParsedDeadline } from '../deadline/deadline';
import { TaskStatus } from '../task/task-status';
import { addDays, addMonths, dayIn, daysBetween, firstOfMonth, isoWeekday, parseDay } from './calendar';

// The rules are written out, with their reasons, in docs/monitoring.md.

/** An open task this many days or fewer before its due date is "sắp đến hạn" (YELLOW). */
export const DUE_SOON_DAYS = 7;

/** Whose calendar asOf and report times are read in: the hub serves Vietnam's administration. */
export const MONITORING_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The traffic light of a task on a date (what "xanh hóa" counts). */
export enum TrafficLight {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
  GREY = 'GREY',
}

/** What the derivation reads of a deadline (a stored Deadline or a freshly parsed one both fit). */
export type DeadlineFacts = Pick<ParsedDeadline, 'dueDate' | 'recurrence' | 'dayOfPeriod'> & {
  kind: DeadlineKind | null;
};

/** What the derivation reads of a task: all of it is on the task row already loaded. */
export interface TaskStateInput {
  status: TaskStatus;
  /** The deadline the task's own document prints; null when it prints none. */
  deadline: DeadlineFacts | null;
  /** The deadline the centre set, printed beside the local one; null when none. */
  centralDeadline: DeadlineFacts | null;
  /** When the last status report was accepted; null when nobody has reported yet. */
  lastReportedAt: Date | null;
}

/** Where a task stands on a date. */
export interface DerivedTaskState {
  dueDate: string | null;
  overdue: boolean;
  completedLate: boolean;
  light: TrafficLight;
  daysLeft: number | null;
}

type Outcome = 'OPEN' | 'DONE' | 'CANCELLED';

const COMPLETED: ReadonlySet<TaskStatus> = new Set([TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE]);

/** When the task falls due as of a date, and how often it must be reported on. */
interface Schedule {
  /** The task's own end, or its rhythm's next occurrence when that comes first; null when neither exists. */
  dueDate: string | null;
  /** Whether dueDate is the task's own end, not a turn of its rhythm: only an end can be "due soon". */
  isEnd: boolean;
  /** The rhythm reports follow; null for a task that does not recur. */
  reportEvery: Recurrence | null;
}

// How far back a report still counts for asOf: one period of the rhythm. CONTINUOUS ("thường xuyên", "định
// kỳ") names no period; plans ask for monthly reports unless they say otherwise, so it counts as a month.
const REPORT_WINDOW: Readonly<Record<Recurrence, { months: number; days: number }>> = {
  [Recurrence.DAILY]: { months: 0, days: 1 },
  [Recurrence.WEEKLY]: { months: 0, days: 7 },
  [Recurrence.MONTHLY]: { months: 1, days: 0 },
  [Recurrence.QUARTERLY]: { months: 3, days: 0 },
  [Recurrence.YEARLY]: { months: 12, days: 0 },
  [Recurrence.CONTINUOUS]: { months: 1, days: 0 },
};

/** Derives due date, overdue, completed late, light and days left of a task on `asOf` (yyyy-mm-dd). */
export function deriveTaskState(task: TaskStateInput, asOf: string): DerivedTaskState {
  parseDay(asOf);
  const schedule = scheduleOf(task.deadline, task.centralDeadline, asOf);
  const outcome = outcomeOf(task);
  const daysLeft =
    outcome === 'OPEN' && schedule.dueDate !== null ? daysBetween(asOf, schedule.dueDate) : null;
  const missing = reportMissing(task.lastReportedAt, schedule.reportEvery, asOf);
  return {
    dueDate: schedule.dueDate,
    overdue: daysLeft !== null && daysLeft < 0,
    completedLate: task.status === TaskStatus.COMPLETED_LATE,
    light: lightOf(outcome, schedule, daysLeft, missing),
    daysLeft,
  };
}

function scheduleOf(local: DeadlineFacts | null, central: DeadlineFacts | null, asOf: string): Schedule {
  const governing = combine(local, central);
  if (governing === null) return { dueDate: null, isEnd: false, reportEvery: null };
  const dueDate = nextDue(governing, asOf);
  return {
    dueDate,
    isEnd: dueDate !== null && dueDate === governing.dueDate,
    reportEvery: governing.recurrence,
  };
}

// The local deadline governs; the centre's fills in what the local one lacks, so a row printed "Thường xuyên"
// beside a central date keeps both its rhythm and its end.
function combine(local: DeadlineFacts | null, central: DeadlineFacts | null): ParsedDeadline | null {
  if (local === null && central === null) return null;
  const rhythm = local?.recurrence ? local : central?.recurrence ? central : null;
  return {
    text: '',
    kind: local?.kind ?? central?.kind ?? DeadlineKind.UNSPECIFIED,
    dueDate: local?.dueDate ?? central?.dueDate ?? null,
    recurrence: rhythm?.recurrence ?? null,
    dayOfPeriod: rhythm?.dayOfPeriod ?? null,
  };
}

// A turn of the rhythm already past in asOf's period is not overdue work: whether it was reported on is what
// the report check judges. The turn still ahead is the one due; a passed end stays due (and overdue).
function nextDue(governing: ParsedDeadline, asOf: string): string | null {
  const due = dueDateFor(governing, asOf);
  if (due === null || due >= asOf || due === governing.dueDate || governing.recurrence === null) return due;
  return dueDateFor(governing, periodAfter(governing.recurrence, asOf));
}

function periodAfter(recurrence: Recurrence, asOf: string): string {
  if (recurrence === Recurrence.WEEKLY) return addDays(asOf, 8 - isoWeekday(asOf));
  if (recurrence === Recurrence.MONTHLY) return firstOfMonth(addMonths(asOf, 1));
  // Daily, quarterly and yearly turns fall on the last day of their period, so they are never behind asOf.
  return addDays(asOf, 1);
}

function outcomeOf(task: TaskStateInput): Outcome {
  if (task.status === TaskStatus.CANCELLED) return 'CANCELLED';
  if (COMPLETED.has(task.status)) return 'DONE';
  // A plan printing "(Đã hoàn thành)" reports the task done when it was issued; that stands until a report.
  const printedDone = [task.deadline, task.centralDeadline].some((d) => d?.kind === DeadlineKind.DONE);
  return printedDone && task.lastReportedAt === null ? 'DONE' : 'OPEN';
}

// A task never reported counts as not reported since its plan was issued, i.e. for longer than any window.
function reportMissing(lastReportedAt: Date | null, every: Recurrence | null, asOf: string): boolean {
  if (every === null) return false;
  if (lastReportedAt === null) return true;
  const { months, days } = REPORT_WINDOW[every];
  return dayIn(MONITORING_TIME_ZONE, lastReportedAt) < addDays(addMonths(asOf, -months), -days);
}

function lightOf(
  outcome: Outcome,
  schedule: Schedule,
  daysLeft: number | null,
  missing: boolean,
): TrafficLight {
  if (outcome === 'CANCELLED') return TrafficLight.GREY;
  if (outcome === 'DONE') return TrafficLight.GREEN;
  if (daysLeft !== null && daysLeft < 0) return TrafficLight.RED;
  if (schedule.dueDate === null && schedule.reportEvery === null) return TrafficLight.GREY;
  const dueSoon = schedule.isEnd && daysLeft !== null && daysLeft <= DUE_SOON_DAYS;
  return dueSoon || missing ? TrafficLight.YELLOW : TrafficLight.GREEN;
}

// Warnings (docs/monitoring.md, "Warnings"): the same rules, read one at a time for the warning lists.

/** The rhythm a task is reported on: its deadline's rhythm, else monthly (the plans' default). */
export function reportingPeriod(task: TaskStateInput): Recurrence {
  return combine(task.deadline, task.centralDeadline)?.recurrence ?? Recurrence.MONTHLY;
}

/** Whether the task is open on `asOf`: not completed, not cancelled, not printed done before any report. */
export function isOpenTask(task: TaskStateInput): boolean {
  return outcomeOf(task) === 'OPEN';
}

/** Whether an open task's last report (or its absence) is older than its reporting period as of `asOf`. */
export function isStaleReport(task: TaskStateInput, asOf: string): boolean {
  parseDay(asOf);
  return isOpenTask(task) && reportMissing(task.lastReportedAt, reportingPeriod(task), asOf);
}

/** Whether an open task's due date (see deriveTaskState) falls within [asOf, asOf + days]. */
export function isDueWithin(task: TaskStateInput, asOf: string, days: number): boolean {
  const { dueDate, daysLeft } = deriveTaskState(task, asOf);
  return dueDate !== null && daysLeft !== null && daysLeft >= 0 && daysLeft <= days;
}
