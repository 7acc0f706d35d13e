import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DocumentInput, MAX_PLAN_TASKS, TaskInput } from '@nq57/shared/schema';

/** A new provincial plan and, optionally, its tasks: written together or not at all. */
@InputType('ProvincialPlanInput')
export class ProvincialPlanInput extends DocumentInput {
  @Field(() => String, { description: 'Official province code, e.g. "19"' })
  @Length(2, 2)
  provinceCode!: string;

  @Field(() => [TaskInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_PLAN_TASKS, { message: `A plan is written with at most ${MAX_PLAN_TASKS} tasks at once` })
  @ValidateNested({ each: true })
  tasks!: TaskInput[];
}
