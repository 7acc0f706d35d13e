import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LONG_TEXT_MAX, MAX_LINK_TARGETS, SHORT_TEXT_MAX, TaskRefInput } from '../task/task.input';

/** The longest basis (the amending document, as given). */
export const BASIS_MAX = 300;

/** The printed fields an amendment sets: a field left out is kept; null empties it (content cannot be emptied). */
@InputType('TaskChangesInput')
export class TaskChangesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  ordinal?: string | null;

  @Field(() => String, { nullable: true, description: 'The new wording; cannot be null' })
  @IsOptional()
  @Length(1, LONG_TEXT_MAX)
  content?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'Lead as printed' })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  lead?: string | null;

  @Field(() => String, { nullable: true, description: 'Cooperating agencies as printed' })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  cooperating?: string | null;

  @Field(() => String, { nullable: true, description: 'Deadline as printed, e.g. "Quý II/2026"' })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'A central deadline printed beside the local one' })
  @IsOptional()
  @MaxLength(SHORT_TEXT_MAX)
  centralDeadline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  output?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT_MAX)
  notes?: string | null;
}

/** What every amendment names: the task, the version it was read at, and the document that amends it. */
@InputType('AmendmentOfInput')
abstract class AmendmentOf {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the amendment was made against, as for a status report' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, {
    description: 'The document that amends the task, as printed: e.g. "Kế hoạch 12/KH-UBND ngày 5/3/2026"',
  })
  @Length(1, BASIS_MAX)
  basis!: string;
}

/** An amendment of a task's printed fields ("điều chỉnh"). */
@InputType('AmendTaskInput')
export class AmendTaskInput extends AmendmentOf {
  @Field(() => TaskChangesInput)
  @ValidateNested()
  changes!: TaskChangesInput;
}

/** A task removed from its document by an amendment; it is kept, marked, with its reports and links. */
@InputType('RemoveTaskInput')
export class RemoveTaskInput extends AmendmentOf {}

/** Links of a task removed by an amendment: the tasks it no longer carries out. */
@InputType('UnlinkTaskInput')
export class UnlinkTaskInput extends AmendmentOf {
  @Field(() => [TaskRefInput], { description: 'The linked tasks it no longer carries out' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINK_TARGETS)
  @ValidateNested({ each: true })
  targets!: TaskRefInput[];
}
