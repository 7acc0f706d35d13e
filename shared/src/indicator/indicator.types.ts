import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EvidenceItem } from '../events/event-log';
import { IndicatorStatus, TargetDirection } from './indicator-target';

registerEnumType(TargetDirection, {
  name: 'IndicatorTargetDirection',
  description:
    'How a reported value is compared with a target, read from the printed words (see docs/monitoring.md)',
});
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description: 'Where a year stands against its target',
});

/** A target of one year: the text as printed, and the number and direction the hub reads from it. */
@ObjectType('IndicatorTarget', { description: 'Chỉ tiêu of one year, as printed and as read' })
@Directive('@shareable')
export class IndicatorTarget {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: 'As printed, e.g. "≥ 80%", "Theo chỉ tiêu tỉnh giao (5G)", "-"' })
  text!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Derived: the number the text sets, in the indicator’s unit ("≥ 37,6%" is 37.6); null if none',
  })
  value!: number | null;

  @Field(() => TargetDirection, { nullable: true, description: 'Derived: null when the text sets no number' })
  direction!: TargetDirection | null;
}

/** Minh chứng of a reported value: a title and a URL or a document number. */
@ObjectType('IndicatorEvidence', { description: 'What a reported indicator value cites as proof' })
@Directive('@shareable')
export class IndicatorEvidence {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  documentNumber!: string | null;
}

/** One reported value of an indicator (values are appended, never changed). */
@ObjectType('IndicatorValue', { description: 'A value reported for an indicator and a year' })
@Directive('@shareable')
export class IndicatorValue {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: 'In the indicator’s unit (80 for 80%)' })
  value!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [IndicatorEvidence])
  evidence!: EvidenceItem[];

  @Field(() => Date, { description: 'When the value was recorded' })
  reportedAt!: Date;

  @Field(() => String, { description: 'Who reported it: the token’s subject' })
  actor!: string;
}
