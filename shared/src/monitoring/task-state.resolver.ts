import { FieldResolver, Resolver, Root } from 'type-graphql';
import { presentDeadline, type Deadline } from '../task/deadline.type';
import { Task } from '../task/task.interface';
import { monitoringDay } from './as-of';
import { AsOfArg } from './as-of-arg';
import { deriveTaskState, type DeadlineFacts, type TaskStateInput } from './task-state';
import { TaskState } from './task-state.type';

/** `state(asOf)` on the Task interface, so on every level's task type that implements it. */
@Resolver(() => Task)
export class TaskStateResolver {
  // Computed from the row the level already loaded: no SQL, whatever the number of tasks.
  @FieldResolver(() => TaskState, {
    description: 'Where the task stands on a date: due date, quá hạn, traffic light (see docs/monitoring.md)',
  })
  state(
    @Root() task: Task,
    @AsOfArg()
    asOf?: string | null,
  ): TaskState {
    const day = monitoringDay(asOf);
    return { asOf: day, ...deriveTaskState(taskStateInput(task), day) };
  }
}

/** What the derivation reads of a loaded task row; a report bumps version and updated_at, so they date it. */
export function taskStateInput(task: Task): TaskStateInput {
  return {
    status: task.status,
    deadline: governingFacts(task.deadlineColumns),
    centralDeadline: governingFacts(task.centralDeadlineColumns),
    // version starts at 1 and only an accepted report raises it: at 1, updated_at is the row's creation.
    lastReportedAt: task.version > 1 ? task.updatedAt : null,
  };
}

// A relative deadline, once resolved, falls due on the date it was resolved to (docs/monitoring.md).
function governingFacts(columns: Deadline): DeadlineFacts | null {
  const deadline = presentDeadline(columns);
  return deadline && { ...deadline, dueDate: deadline.dueDate ?? deadline.resolvedDueDate };
}
