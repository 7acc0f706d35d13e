import { IsUUID, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { TaskRefInput } from '../task/task.input';
import { TaskLevel } from '../task/task-status';

/**
 * The fields of a LinkSuggestion every level shares (not itself in any schema: no field returns it). Each level's subgraph declares the type itself
 * (`@ObjectType('LinkSuggestion') @Directive('@shareable')`) to add the candidate as its own entity type.
 */
@ObjectType()
export abstract class LinkSuggestionFields {
  @Field(() => TaskLevel, { description: 'The level of the suggested task: CENTRAL or PROVINCIAL' })
  level!: TaskLevel;

  @Field(() => Float, {
    description: '0-1: 0.75 × similarity, plus 0.25 when the row cites the suggested task’s document',
  })
  score!: number;

  @Field(() => Float, { description: 'pg_trgm similarity of the two contents, accents and case folded, 0-1' })
  similarity!: number;

  @Field(() => [String], { description: 'The numbers the row cites that are the suggested task’s document' })
  citedNumbers!: string[];

  @Field(() => String, { description: 'Why, e.g. "cited 07-TB/CQTTBCĐ, similarity 0.82"' })
  reason!: string;

  @Field(() => Boolean, {
    description: 'Whether the score reaches the auto-accept threshold (0.85: cited, and similarity ≥ 0.8)',
  })
  autoAccept!: boolean;
}

/** A suggestion a planner accepts or dismisses: the task and the suggested higher-level task. */
@InputType('LinkSuggestionInput')
export class LinkSuggestionInput {
  @Field(() => ID)
  @IsUUID()
  taskId!: string;

  @Field(() => TaskRefInput, {
    description: 'The suggested task (level and id, as suggestedLinks gives them)',
  })
  @ValidateNested()
  target!: TaskRefInput;
}
