import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TaskLevel } from '../task/task-status';

/** A row of the file, as the import reads it. */
@Directive('@shareable')
@ObjectType('ImportedRow')
export class ImportedRow {
  @Field(() => Int, { nullable: true, description: '1-based row of the file; null for a recorded task' })
  row!: number | null;

  @Field(() => ID, { nullable: true, description: 'The recorded task, when there is one' })
  taskId!: string | null;

  @Field(() => String, { nullable: true })
  ordinal!: string | null;

  @Field(() => String, { nullable: true })
  section!: string | null;

  @Field(() => String)
  content!: string;
}

/** A printed field of a recorded task that the file prints otherwise. */
@Directive('@shareable')
@ObjectType('ImportFieldChange')
export class ImportFieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}

/** A recorded task that the file prints with other words, dates or agencies. */
@Directive('@shareable')
@ObjectType('ImportedChange')
export class ImportedChange {
  @Field(() => Int)
  row!: number;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String, { nullable: true })
  ordinal!: string | null;

  @Field(() => [ImportFieldChange])
  changes!: ImportFieldChange[];
}

/** What is wrong with the file, where: its 1-based row and the column's header. */
@Directive('@shareable')
@ObjectType('ImportProblem')
export class ImportProblemType {
  @Field(() => String, { description: 'MISSING_CONTENT, DUPLICATE_ORDINAL, INVALID_DATE, NO_HEADER, …' })
  code!: string;

  @Field(() => String, { description: 'error: the row is not written; warning: nothing is lost' })
  severity!: string;

  @Field(() => Int, { nullable: true })
  row!: number | null;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field(() => String)
  message!: string;
}

/** A suggested link an import accepted for a created row, as asked (`acceptSuggestions`). */
@Directive('@shareable')
@ObjectType('AcceptedSuggestion')
export class AcceptedSuggestion {
  @Field(() => Int, { description: '1-based row of the file' })
  row!: number;

  @Field(() => ID, { description: 'The task the row created' })
  taskId!: string;

  @Field(() => TaskLevel)
  level!: TaskLevel;

  @Field(() => ID, { description: 'The task it now carries out' })
  targetId!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => String, { description: 'Why, as the link records it: "cited 71/NQ-CP, similarity 0.97"' })
  reason!: string;
}

/** What an import did, or with dryRun would do: the rows created, changed, unchanged and removed. */
@Directive('@shareable')
@ObjectType('PlanImport')
export class PlanImport {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Whether anything was written' })
  written!: boolean;

  @Field(() => ID, { nullable: true, description: 'The plan written, or the recorded plan the file is' })
  planId!: string | null;

  @Field(() => Boolean, { description: 'The file is a plan already recorded (same issuer and number)' })
  recorded!: boolean;

  @Field(() => [ImportedRow])
  created!: ImportedRow[];

  @Field(() => [ImportedChange])
  changed!: ImportedChange[];

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [ImportedRow], { description: 'Recorded tasks the file no longer prints' })
  removed!: ImportedRow[];

  @Field(() => [ImportProblemType])
  problems!: ImportProblemType[];

  @Field(() => [AcceptedSuggestion], {
    description: 'Links made to suggestions at or above the auto-accept threshold; empty unless asked',
  })
  accepted!: AcceptedSuggestion[];
}
