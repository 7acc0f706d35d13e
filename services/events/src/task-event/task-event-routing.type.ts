import { Field, ID, ObjectType } from 'type-graphql';
import { TaskLevel } from '@nq57/shared/schema';

/**
 * Which live filters select an event: derived when the event was written, from the task's plan and its trace
 * links at that moment (not printed in any document). A gateway that shares one upstream subscription among
 * many filters routes each event by these fields.
 */
@ObjectType('TaskEventRouting', {
  description:
    'Derived, not printed: what a `TaskEventFilter` is matched against, as it was when the event was written',
})
export class TaskEventRouting {
  @Field(() => TaskLevel)
  level!: TaskLevel;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The task's province; for a commune task, its commune's province; null for a central task",
  })
  provinceCode!: string | null;

  @Field(() => String, { nullable: true, description: "A commune task's commune; null otherwise" })
  communeCode!: string | null;

  @Field(() => [String], {
    description:
      'The directives the task implements, directly or through its links, as folded keys (`filter.directiveNumber` ' +
      'folded the same way: Unicode NFC, white space removed, upper case)',
  })
  directiveKeys!: string[];
}
