import { Arg, Field, ID, Int, InterfaceType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';
import { Assignment, presentAssignment } from '../task/assignment.type';
import { Deadline, presentDeadline } from '../task/deadline.type';
import { IndicatorStatus } from './indicator-target';
import { IndicatorTarget, IndicatorValue } from './indicator.types';

function resolvedPerLevel(field: string): never {
  throw new Error(`Indicator.${field} is resolved by each level's indicator resolver`);
}

/**
 * The indicator (chỉ tiêu) every plan level implements (ProvincialIndicator, CommuneIndicator): the GraphQL
 * interface and the shared columns of each level's indicator table. `targets`, `values` and `status` go
 * through each level's loaders.
 */
@InterfaceType('Indicator', { description: 'Chỉ tiêu: a measured target of a provincial or commune plan' })
export abstract class Indicator {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the row comes from in the seed data, e.g. "004-I3"',
  })
  @Column({ type: 'text', nullable: true, unique: true })
  ref!: string | null;

  @Field(() => Int, { description: 'Order of the indicator within its plan (1, 2, ...)' })
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Field(() => String, { nullable: true, description: 'The row number as printed, or null' })
  @Column({ type: 'text', nullable: true })
  ordinal!: string | null;

  @Field(() => String, { nullable: true, description: 'The heading(s) it sits under in its plan' })
  @Column({ type: 'text', nullable: true })
  section!: string | null;

  @Field(() => String, { description: 'The indicator as printed' })
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unit as printed, or derived from the text' })
  @Column({ type: 'text', nullable: true })
  unit!: string | null;

  @Field(() => Boolean, { description: 'True when the hub derived the unit from the indicator’s text' })
  @Column({ type: 'boolean', default: false })
  unitDerived!: boolean;

  @Column(() => Assignment, { prefix: 'lead' })
  leadColumns!: Assignment;

  @Column(() => Assignment, { prefix: 'cooperating' })
  cooperatingColumns!: Assignment;

  @Column(() => Deadline, { prefix: 'deadline' })
  deadlineColumns!: Deadline;

  @Field(() => String, { nullable: true, description: 'Remarks printed with the row, or on its encoding' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Assignment, { nullable: true, description: 'The responsible unit (chủ trì) as printed' })
  get lead(): Assignment | null {
    return presentAssignment(this.leadColumns);
  }

  @Field(() => Assignment, { nullable: true, description: 'Cooperating units (phối hợp) as printed' })
  get cooperating(): Assignment | null {
    return presentAssignment(this.cooperatingColumns);
  }

  @Field(() => Deadline, { nullable: true, description: 'The deadline as printed, e.g. "Trong năm 2026"' })
  get deadline(): Deadline | null {
    return presentDeadline(this.deadlineColumns);
  }

  @Field(() => [IndicatorTarget], {
    description: 'Targets per year as printed (2025, 2026, 2030, …), by year',
  })
  targets(): IndicatorTarget[] {
    return resolvedPerLevel('targets');
  }

  @Field(() => [IndicatorValue], { description: 'Reported values, newest first' })
  values(
    @Arg('year', () => Int, { nullable: true, description: 'Only the values of this year' }) _year?: number,
  ): IndicatorValue[] {
    return resolvedPerLevel('values');
  }

  @Field(() => IndicatorStatus, {
    description:
      'The newest value reported for the year against that year’s target; NO_DATA without either, or when the ' +
      'target prints no number',
  })
  status(@Arg('year', () => Int) _year: number): IndicatorStatus {
    return resolvedPerLevel('status');
  }
}
