import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { assignmentColumns } from './assignment.type';
import { deadlineColumns } from './deadline.type';
import type { Task } from './task.interface';
import { TaskLevel } from './task-status';

/** The longest ordinal or deadline a task may print (characters). */
export const SHORT_TEXT_MAX = 200;
/** The longest content, agency list, output or note a task may print (characters). */
export const LONG_TEXT_MAX = 20000;

/**
 * The most tasks one plan mutation writes: a plan and its tasks are one statement of bind parameters, which
 * PostgreSQL caps at 65,535 (about 2,300 tasks); the largest seed plan has 85. See docs/security.md, "Limits".
 */
export const MAX_PLAN_TASKS = 1000;
/** The most tasks one link mutation names. */
export const MAX_LINK_TARGETS = 100;

/** What a planner writes for one task; every level's create mutation takes it. */
@InputType('TaskInput')
export class TaskInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  ordinal?: string;

  @Field(() => String)
  @Length(1, LONG_TEXT_MAX)
  content!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  section?: string;

  @Field(() => Int, { nullable: true, description: 'Resolution-57 task group 1-8' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  group?: number;

  @Field(() => String, { nullable: true, description: 'Lead as printed' })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  lead?: string;

  @Field(() => String, { nullable: true, description: 'Cooperating agencies as printed' })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  cooperating?: string;

  @Field(() => String, { nullable: true, description: 'Deadline as printed, e.g. "Quý IV/2025"' })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  deadline?: string;

  @Field(() => String, { nullable: true, description: 'A central deadline printed beside the local one' })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  centralDeadline?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  output?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  notes?: string;
}

/** A task of some level, named by level and id: what a link points at. */
@InputType('TaskRefInput')
export class TaskRefInput {
  @Field(() => TaskLevel)
  level!: TaskLevel;

  @Field(() => ID)
  @IsUUID()
  id!: string;
}

/** The printed fields of a task as column values (text kept, assignment and deadline derived beside it). */
export function taskColumns(input: TaskInput): Partial<Task> {
  return {
    ordinal: input.ordinal ?? null,
    content: input.content,
    section: input.section ?? null,
    group: input.group ?? null,
    groupDerived: false,
    leadColumns: assignmentColumns(input.lead),
    cooperatingColumns: assignmentColumns(input.cooperating),
    deadlineColumns: deadlineColumns(input.deadline),
    centralDeadlineColumns: deadlineColumns(input.centralDeadline),
    output: input.output ?? null,
    notes: input.notes ?? null,
  };
}

/** Links one task to the tasks it implements. */
@InputType('LinkTaskInput')
export class LinkTaskInput {
  @Field(() => ID)
  @IsUUID()
  taskId!: string;

  @Field(() => [TaskRefInput], { description: 'The higher-level (or same-level) tasks it carries out' })
  @ArrayMaxSize(MAX_LINK_TARGETS, { message: `A link names at most ${MAX_LINK_TARGETS} tasks` })
  @ValidateNested({ each: true })
  implements!: TaskRefInput[];

  @Field(() => String, { nullable: true, description: 'Why: the words of the plan that make the link' })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  evidence?: string;
}
