import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TrafficLight, type DerivedTaskState } from './task-state';

registerEnumType(TrafficLight, {
  name: 'TrafficLight',
  description:
    'GREEN on track or done (đúng tiến độ / hoàn thành); YELLOW due soon (sắp đến hạn) or a report ' +
    'missing; RED overdue (quá hạn); GREY no due date to judge by, or cancelled',
});

/** Where a task stands on a date; derived on every read, never stored, so it cannot go stale. */
@ObjectType('TaskState', {
  description:
    'Where a task stands on a date, derived from its status, deadline and last report (never stored)',
})
// Every level serves the same derived value for its own tasks.
@Directive('@shareable')
export class TaskState implements DerivedTaskState {
  @Field(() => String, { description: 'The date the state is computed for (yyyy-mm-dd)' })
  asOf!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The due date as of asOf: the local deadline, else the central one; ' +
      'for a recurring task, the next turn of its rhythm',
  })
  dueDate!: string | null;

  @Field(() => Boolean, {
    description: 'Quá hạn: not completed nor cancelled, and asOf is after the due date',
  })
  overdue!: boolean;

  @Field(() => Boolean, { description: 'Hoàn thành quá hạn: reported COMPLETED_LATE' })
  completedLate!: boolean;

  @Field(() => TrafficLight)
  light!: TrafficLight;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days from asOf to the due date (negative when overdue); null when closed or with no due date',
  })
  daysLeft!: number | null;
}
