import { Field, ObjectType, Directive, Int, registerEnumType } from 'type-graphql';
import { Column } from 'typeorm';
import { DeadlineKind, Recurrence, parseDeadline } from '../deadline/deadline';

registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: 'What kind of deadline the printed phrase is',
});
registerEnumType(Recurrence, { name: 'Recurrence', description: 'How often a recurring task falls due' });

/** A deadline as printed, with what is derived from it (kind, due date, recurrence). Stored embedded in a task row. */
@ObjectType('Deadline', { description: 'Thời hạn: the phrase as printed, and what the hub derives from it' })
@Directive('@shareable')
export class Deadline {
  @Field(() => String, {
    description: 'As printed in the document, e.g. "Trước ngày 15/8/2025", "Quý IV/2025"',
  })
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Field(() => DeadlineKind, { description: 'Derived from the text' })
  @Column({ type: 'text', nullable: true })
  kind!: DeadlineKind | null;

  @Field(() => String, { nullable: true, description: 'Derived ISO date (last day of a month/quarter/year)' })
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Field(() => Recurrence, { nullable: true, description: 'Derived: set when the task recurs' })
  @Column({ type: 'text', nullable: true })
  recurrence!: Recurrence | null;

  @Field(() => Int, { nullable: true, description: 'Derived: the day of the period it falls due, e.g. 20' })
  @Column({ type: 'smallint', nullable: true })
  dayOfPeriod!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Derived: the date a relative deadline ("Sau khi có văn bản của tỉnh") was resolved to, once that document exists',
  })
  @Column({ type: 'date', nullable: true })
  resolvedDueDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the resolution rests on, as recorded: the document that now exists, e.g. "12/KH-UBND"',
  })
  @Column({ type: 'text', nullable: true })
  resolvedBasis!: string | null;
}

/** The stored form of a printed deadline phrase: the text kept, the rest derived by the shared parser. */
export function deadlineColumns(text: string | null | undefined): Deadline {
  const parsed = parseDeadline(text);
  return Object.assign(new Deadline(), {
    text: parsed?.text ?? null,
    kind: parsed?.kind ?? null,
    dueDate: parsed?.dueDate ?? null,
    recurrence: parsed?.recurrence ?? null,
    dayOfPeriod: parsed?.dayOfPeriod ?? null,
    resolvedDueDate: null,
    resolvedBasis: null,
  });
}

/** The embedded columns as a GraphQL value: null when nothing was printed. */
export function presentDeadline(columns: Deadline | null | undefined): Deadline | null {
  return columns?.text ? columns : null;
}
