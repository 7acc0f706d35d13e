import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DocumentInput } from '../document/document.input';
import { IMPORT_FIELDS } from '../import';

/** The most rows one import reads (header included); a plan of a province runs to a few hundred. */
export const MAX_IMPORT_ROWS = 20000;
/** The most cells a row of an import may have. */
export const MAX_IMPORT_COLUMNS = 40;

/** The printed fields a column of an imported table can hold. */
export enum ImportColumnField {
  ordinal = 'ordinal',
  content = 'content',
  lead = 'lead',
  cooperating = 'cooperating',
  deadline = 'deadline',
  centralDeadline = 'centralDeadline',
  output = 'output',
  notes = 'notes',
  citedText = 'citedText',
}
registerEnumType(ImportColumnField, {
  name: 'ImportColumnField',
  description: 'TT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn, …',
});

/** Reads one field from a column given by its 0-based index or by its header as printed. */
@InputType('ImportColumnInput')
export class ImportColumnInput {
  @Field(() => ImportColumnField)
  field!: ImportColumnField;

  @Field(() => Int, { nullable: true, description: '0-based column index' })
  @IsOptional()
  index?: number;

  @Field(() => String, { nullable: true, description: 'The header as printed' })
  @IsOptional()
  @MaxLength(500)
  header?: string;
}

/** A plan's printed facts and its task table, as a portal or the command line read it from a file. */
@InputType('PlanImportInput')
export class PlanImportInput {
  @Field(() => String, {
    description:
      'The plan’s jurisdiction: a province code ("19") for importProvincialPlan, a commune code for importCommunePlan',
  })
  @Length(2, 5)
  jurisdiction!: string;

  @Field(() => DocumentInput, {
    description: 'The plan as its first page prints it (number, title, issuer, date)',
  })
  @ValidateNested()
  plan!: DocumentInput;

  @Field(() => [[String, { nullable: true }]], {
    description: 'The table as read: rows of cells, the header row(s) included',
  })
  @ArrayMaxSize(MAX_IMPORT_ROWS, { message: `An import reads at most ${MAX_IMPORT_ROWS} rows` })
  rows!: (string | null)[][];

  @Field(() => [ImportColumnInput], {
    nullable: true,
    description: 'Columns to read instead of detecting them',
  })
  @IsOptional()
  @ArrayMaxSize(IMPORT_FIELDS.length)
  columns?: ImportColumnInput[];

  @Field(() => String, { nullable: true, description: 'A heading printed above the table, e.g. "Phụ lục I"' })
  @IsOptional()
  @MaxLength(2000)
  rootSection?: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Only say what would be written (the default)' })
  dryRun!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Write the rows without errors, skip the others',
  })
  goodRowsOnly!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'For a plan already recorded: the document that amends it, as printed (e.g. "Kế hoạch 12/KH-UBND ngày ' +
      '5/3/2026"), which every amendment event names; by default the plan\'s number, marked as re-imported',
  })
  @IsOptional()
  @Length(1, 300)
  basis?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Link each created row to its best suggested task when that scores at least the auto-accept threshold ' +
      '(0.85: a cited number and similar wording); each link records "suggested: <reason>"',
  })
  acceptSuggestions!: boolean;
}
