import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DocumentInput, MAX_PLAN_TASKS, TaskInput } from '@nq57/shared/schema';

/** A new commune plan and, optionally, its tasks: written together or not at all. */
@InputType('CommunePlanInput')
export class CommunePlanInput extends DocumentInput {
  @Field(() => String, { description: 'Official commune code, e.g. "24682"' })
  @Length(5, 5)
  communeCode!: string;

  @Field(() => [TaskInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_PLAN_TASKS, { message: `A plan is written with at most ${MAX_PLAN_TASKS} tasks at once` })
  @ValidateNested({ each: true })
  tasks!: TaskInput[];
}
