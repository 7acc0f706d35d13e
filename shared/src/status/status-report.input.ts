import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { TaskStatus } from '../task/task-status';

/** A document or link that proves what a report says (minh chứng): a URL or a document number. */
@InputType('EvidenceInput')
export class EvidenceInput {
  @Field(() => String)
  @Length(1, 500)
  title!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) address of the evidence' })
  @IsOptional()
  @MaxLength(2048)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'url must be an http or https address' })
  url?: string;

  @Field(() => String, { nullable: true, description: 'The number of a document, as printed' })
  @IsOptional()
  @Length(1, 100)
  documentNumber?: string;
}

/** One status report on one task, as every level's update mutation takes it. */
@InputType('TaskStatusInput')
export class TaskStatusInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => Int, { nullable: true, description: '0-100; 100 when completed, 0 when not started' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @Field(() => String, { nullable: true, description: 'What happened, or why (required to reopen)' })
  @IsOptional()
  @Length(1, 4000)
  note?: string;

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field(() => Int, { description: 'The version the reporter last saw; another one is a conflict' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key returns the first result and changes nothing',
  })
  @IsOptional()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey must be 1-100 letters, digits, or . _ : -' })
  idempotencyKey?: string;
}
