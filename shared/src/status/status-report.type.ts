import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

/** A reference to an event of the hub's log; the events subgraph resolves its fields. */
@ObjectType('TaskEvent')
@Directive('@key(fields: "id", resolvable: false)')
export class TaskEventRef {
  @Field(() => ID)
  id!: string;
}

/** The result of a level's update mutation: `name` is the GraphQL type, `taskType` the level's task type. */
export function statusReportType<T extends object>(
  taskType: ClassType<T>,
  name: string,
): ClassType<{ task: T; event: TaskEventRef; replayed: boolean }> {
  @ObjectType(name, { description: 'What a status report did' })
  class StatusReport {
    @Field(() => taskType, { description: 'The task as it is now' })
    task!: T;

    @Field(() => TaskEventRef, { description: 'The event the report appended (the first one, on a retry)' })
    event!: TaskEventRef;

    @Field(() => Boolean, { description: 'True when this call repeated an earlier idempotencyKey' })
    replayed!: boolean;
  }
  return StatusReport;
}

/** The mutation result for an outcome of `reportTaskStatus` and the task as it is now. */
export function statusReportResult<T>(
  outcome: { eventId: string; replayed: boolean },
  task: T,
): { task: T; event: TaskEventRef; replayed: boolean } {
  return { task, event: { id: outcome.eventId }, replayed: outcome.replayed };
}
