import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TaskLevel } from '@nq57/shared/schema';

/** Which task events a subscriber or reader wants; every field given must match (AND). */
@InputType('TaskEventFilter')
export class TaskEventFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Tasks at every level that implement a task of this directive, directly or transitively',
  })
  @IsOptional()
  @Length(1, 100)
  directiveNumber?: string;

  @Field(() => String, { nullable: true, description: "A province's tasks and its communes' tasks" })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode is a two-digit official code, e.g. "19"' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: "A commune's tasks" })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode is a five-digit official code, e.g. "24682"' })
  communeCode?: string;

  @Field(() => TaskLevel, { nullable: true })
  @IsOptional()
  level?: TaskLevel;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}
