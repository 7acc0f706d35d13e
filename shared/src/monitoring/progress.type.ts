import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Counts of a set of tasks on a date. The status counts add up to total (with cancelled); so do the four
 * lights. Every level's subgraph returns it, and the gateway sums none of it: each field is one SQL aggregate.
 */
@ObjectType('ProgressRollup', {
  description: 'Tiến độ: how many tasks stand where on a date (docs/monitoring.md, "Roll-ups")',
})
@Directive('@shareable')
export class ProgressRollup {
  @Field(() => String, { description: 'The date the counts are for (yyyy-mm-dd)' })
  asOf!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Chưa thực hiện, as reported' })
  notStarted!: number;

  @Field(() => Int, { description: 'Đang thực hiện, as reported' })
  inProgress!: number;

  @Field(() => Int, { description: 'Hoàn thành đúng hạn, as reported' })
  completedOnTime!: number;

  @Field(() => Int, { description: 'Hoàn thành quá hạn, as reported' })
  completedLate!: number;

  @Field(() => Int, { description: 'Hủy bỏ / thay thế, as reported' })
  cancelled!: number;

  @Field(() => Int, { description: 'Quá hạn on asOf: open and past its due date' })
  overdue!: number;

  @Field(() => Int)
  green!: number;

  @Field(() => Int)
  yellow!: number;

  @Field(() => Int)
  red!: number;

  @Field(() => Int)
  grey!: number;
}

/** The counts, without asOf, in the order the SQL selects them. */
export const PROGRESS_COUNTS = [
  'total',
  'notStarted',
  'inProgress',
  'completedOnTime',
  'completedLate',
  'cancelled',
  'overdue',
  'green',
  'yellow',
  'red',
  'grey',
] as const;

/** One count of a roll-up. */
export type ProgressCount = (typeof PROGRESS_COUNTS)[number];
