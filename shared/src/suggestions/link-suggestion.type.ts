import { IsUUID, ValidateNested } from 'class-validator';
import { Directive, Field, Float, ID, InputType, ObjectType, type ClassType } from 'type-graphql';
import { TaskRefInput } from '../task/task.input';
import { TaskLevel } from '../task/task-status';
import type { ScoredSuggestion } from './suggestion-score';

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

/** A LinkSuggestion as a level's subgraph returns it: the shared fields and the candidate, by reference. */
export type LevelLinkSuggestion = LinkSuggestionFields & {
  centralTask: { id: string } | null;
  provincialTask: { id: string } | null;
};

/**
 * The `LinkSuggestion` type of a level's subgraph (each declares it, `@shareable`, with the candidate as its own
 * entity types) and how a scored candidate becomes one. `provincial` is the type the subgraph knows provincial
 * tasks by: its own entity in the provincial subgraph, a reference in the commune subgraph.
 */
export function linkSuggestionType(types: { central: ClassType; provincial: ClassType }): {
  suggestion: ClassType<LevelLinkSuggestion>;
  toSuggestion: (found: ScoredSuggestion) => LevelLinkSuggestion;
} {
  @ObjectType('LinkSuggestion', { description: 'A higher-level task this task may carry out, and why' })
  @Directive('@shareable')
  class LinkSuggestion extends LinkSuggestionFields {
    @Field(() => types.central, { nullable: true, description: 'The suggested task, when level is CENTRAL' })
    centralTask!: { id: string } | null;

    @Field(() => types.provincial, {
      nullable: true,
      description: 'The suggested task, when level is PROVINCIAL (suggestions for commune tasks)',
    })
    provincialTask!: { id: string } | null;
  }
  const toSuggestion = (found: ScoredSuggestion): LevelLinkSuggestion => {
    const { level, score, similarity, citedNumbers, reason, autoAccept } = found;
    const target = { id: found.targetId };
    return {
      level,
      score,
      similarity,
      citedNumbers,
      reason,
      autoAccept,
      centralTask: level === TaskLevel.CENTRAL ? target : null,
      provincialTask: level === TaskLevel.PROVINCIAL ? target : null,
    };
  };
  return { suggestion: LinkSuggestion, toSuggestion };
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
