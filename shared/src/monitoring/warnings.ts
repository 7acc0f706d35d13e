import { ErrorCode, userError } from '../errors';
import type { Task } from '../task/task.interface';
import { monitoringDay } from './as-of';
import { taskStateInput } from './task-state.resolver';
import { deriveTaskState, isDueWithin, isStaleReport } from './task-state';

/** The default and the bounds of `dueWithinDays` on the warning fields. */
export const WARNING_DAYS = { default: 7, min: 1, max: 366 } as const;

/** The three warning lists of a set of tasks on a date, each by due date (none last), then position. */
export interface TaskWarningLists<T extends Task> {
  asOf: string;
  staleReports: T[];
  dueSoon: T[];
  overdue: T[];
}

/** The checked arguments of a warning field: asOf (INVALID_DATE, default today) and days (BAD_USER_INPUT). */
export function checkedWarningArgs(
  asOf: string | null | undefined,
  dueWithinDays: number | null | undefined,
): { asOf: string; days: number } {
  const day = monitoringDay(asOf);
  const days = dueWithinDays ?? WARNING_DAYS.default;
  if (!Number.isInteger(days) || days < WARNING_DAYS.min || days > WARNING_DAYS.max) {
    throw userError(
      ErrorCode.BAD_USER_INPUT,
      `dueWithinDays must be a whole number from ${WARNING_DAYS.min} to ${WARNING_DAYS.max}, got ${days}`,
      { field: 'dueWithinDays' },
    );
  }
  return { asOf: day, days };
}

/** Sorts tasks into the warning lists with the monitoring rules (docs/monitoring.md, "Warnings"). */
export function taskWarnings<T extends Task>(
  tasks: readonly T[],
  asOf: string,
  days: number,
): TaskWarningLists<T> {
  const judged = tasks.map((task) => {
    const input = taskStateInput(task);
    return { task, input, state: deriveTaskState(input, asOf) };
  });
  judged.sort(
    (a, b) =>
      compareDue(a.state.dueDate, b.state.dueDate) ||
      a.task.position - b.task.position ||
      a.task.id.localeCompare(b.task.id),
  );
  const pick = (test: (entry: (typeof judged)[number]) => boolean): T[] =>
    judged.filter(test).map((entry) => entry.task);
  return {
    asOf,
    staleReports: pick(({ input }) => isStaleReport(input, asOf)),
    dueSoon: pick(({ input }) => isDueWithin(input, asOf, days)),
    overdue: pick(({ state }) => state.overdue),
  };
}

// ISO days compare as strings; a task with no due date comes after every dated one.
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
