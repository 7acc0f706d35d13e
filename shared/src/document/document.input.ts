import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ErrorCode, userError } from '../errors';
import { DocumentKind, type DocumentBase } from './document.interface';

/** The printed facts of a new document. */
@InputType('DocumentInput')
export class DocumentInput {
  @Field(() => String, { nullable: true, description: 'As printed, e.g. "02-KH/BCĐ"' })
  @IsOptional()
  @Length(1, 100)
  number?: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  @Length(1, 5000)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  issuer?: string;

  @Field(() => String, { nullable: true, description: 'ISO date yyyy-mm-dd' })
  @IsOptional()
  issuedOn?: string;
}

/** The column values for a document input; throws INVALID_DATE for a date that does not exist. */
export function documentColumns(
  input: DocumentInput,
): Pick<DocumentBase, 'number' | 'kind' | 'title' | 'issuer' | 'issuedOn' | 'issuedOnText'> {
  return {
    number: input.number?.trim() ?? null,
    kind: input.kind,
    title: input.title,
    issuer: input.issuer ?? null,
    issuedOn: input.issuedOn === undefined ? null : checkedIsoDate(input.issuedOn, 'issuedOn'),
    issuedOnText: null,
  };
}

/** Returns `value` when it is a real calendar date in ISO form, else throws INVALID_DATE naming `field`. */
export function checkedIsoDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw userError(
      ErrorCode.INVALID_DATE,
      `${field} must be a real date written yyyy-mm-dd, got "${value}"`,
      {
        field,
      },
    );
  }
  return value;
}
