import { Field, ObjectType } from 'type-graphql';
import { TaskEvent } from './task-event.entity';

/** A page of events with the cursor to ask for the next one. */
@ObjectType('TaskEventPage')
export class TaskEventPage {
  @Field(() => [TaskEvent])
  events!: TaskEvent[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
