import type { FieldChange } from '../events/event-log';
import type { Task } from '../task/task.interface';
import type { TaskInput } from '../task/task.input';

/** The fields of a task row as its document prints them: what an amendment may change. */
export const PRINTED_FIELDS = [
  'ordinal',
  'section',
  'content',
  'lead',
  'cooperating',
  'deadline',
  'centralDeadline',
  'output',
  'notes',
] as const;

/** One printed field of a task. */
export type PrintedField = (typeof PRINTED_FIELDS)[number];

/** A task row's printed fields, each as printed (null: the cell is empty). */
export type Printed = Record<PrintedField, string | null>;

/** The printed fields of a recorded task (the parsed columns keep the text as printed beside what they derive). */
export function printedOfTask(task: Task): Printed {
  return {
    ordinal: task.ordinal,
    section: task.section,
    content: task.content,
    lead: task.leadColumns?.text ?? null,
    cooperating: task.cooperatingColumns?.text ?? null,
    deadline: task.deadlineColumns?.text ?? null,
    centralDeadline: task.centralDeadlineColumns?.text ?? null,
    output: task.output,
    notes: task.notes,
  };
}

/** The changes from `before` to `after`, field by field in document order; exact text comparison. */
export function printedChanges(before: Printed, after: Printed): FieldChange[] {
  return PRINTED_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    from: before[field],
    to: after[field],
  }));
}

/** The TaskInput that writes `printed` (with `content` set: a task always has one). */
export function printedAsInput(printed: Printed & { content: string }): TaskInput {
  const optional = (value: string | null): string | undefined => value ?? undefined;
  return {
    content: printed.content,
    ordinal: optional(printed.ordinal),
    section: optional(printed.section),
    lead: optional(printed.lead),
    cooperating: optional(printed.cooperating),
    deadline: optional(printed.deadline),
    centralDeadline: optional(printed.centralDeadline),
    output: optional(printed.output),
    notes: optional(printed.notes),
  };
}
