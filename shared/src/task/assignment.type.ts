import { Field, ObjectType, Directive, registerEnumType } from 'type-graphql';
import { Column } from 'typeorm';
import { PartyKind, resolveAssignment, type Party as ResolvedParty } from '../assignment/assignment';

registerEnumType(PartyKind, { name: 'PartyKind', description: 'One named agency, or a class of agencies' });

/** One agency or agency group that an assignment names (derived from the printed text). */
@ObjectType('Party', { description: 'An agency (cơ quan) or agency group named by an assignment; derived' })
@Directive('@shareable')
export class Party {
  @Field(() => String, { description: 'The words as printed' })
  name!: string;

  @Field(() => PartyKind)
  kind!: PartyKind;

  @Field(() => String, { nullable: true, description: 'The full name for a known abbreviation' })
  canonicalName!: string | null;
}

/** A lead (chủ trì) or cooperating (phối hợp) assignment: the text as printed plus the parties it resolves to. */
@ObjectType('Assignment')
@Directive('@shareable')
export class Assignment {
  @Field(() => String, { description: 'As printed in the document' })
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Field(() => [Party], { description: 'Derived: the agencies and agency groups the text names' })
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  parties!: ResolvedParty[];
}

/** The stored form of a printed assignment phrase. */
export function assignmentColumns(text: string | null | undefined): Assignment {
  const resolved = resolveAssignment(text);
  return Object.assign(new Assignment(), { text: resolved?.text ?? null, parties: resolved?.parties ?? [] });
}

/** The embedded columns as a GraphQL value: null when nothing was printed. */
export function presentAssignment(columns: Assignment | null | undefined): Assignment | null {
  return columns?.text ? columns : null;
}
