import { ErrorCode, userError } from '../errors';
import { TaskStatus } from '../task/task-status';

/** A task's reportable state before or after a change. */
export interface StatusState {
  status: TaskStatus;
  progress: number;
}

const DONE = new Set([TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE]);

/** Whether a move from `from` to `to` undoes a settled outcome, and so needs a stated reason. */
function isReopening(from: TaskStatus, to: TaskStatus): boolean {
  if (from === to) return false;
  if (from === TaskStatus.CANCELLED || DONE.has(from)) return true;
  return to === TaskStatus.NOT_STARTED;
}

/**
 * The state a report leads to: the progress it implies where the reporter gave none, or a coded error
 * (INVALID_TRANSITION) for a change that makes no sense. Pure: no I/O.
 */
export function nextState(
  from: StatusState,
  change: { status: TaskStatus; progress?: number; note?: string },
): StatusState {
  const progress = change.progress ?? impliedProgress(from, change.status);
  const refuse = (message: string): never => {
    throw userError(ErrorCode.INVALID_TRANSITION, message, { from: from.status, to: change.status });
  };
  if (isReopening(from.status, change.status) && !change.note?.trim()) {
    refuse(`Moving a task from ${from.status} to ${change.status} needs a reason in note`);
  }
  if (DONE.has(change.status) && progress !== 100) refuse('A completed task has progress 100');
  if (change.status === TaskStatus.NOT_STARTED && progress !== 0) refuse('A task not started has progress 0');
  if (from.status === change.status && progress < from.progress && !change.note?.trim()) {
    refuse(`Progress going back from ${from.progress} to ${progress} needs a reason in note`);
  }
  if (from.status === change.status && progress === from.progress && !change.note?.trim()) {
    refuse('The report changes nothing: give a new status, a new progress or a note');
  }
  return { status: change.status, progress };
}

function impliedProgress(from: StatusState, to: TaskStatus): number {
  if (DONE.has(to)) return 100;
  if (to === TaskStatus.NOT_STARTED) return 0;
  return from.progress;
}
