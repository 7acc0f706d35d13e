import { Field, Float, Int, ObjectType, type ClassType } from 'type-graphql';
import { ProgressRollup } from './progress.type';

/** One unit's place in a ranking, and the counts behind it. */
export interface Ranked<T> {
  /** 1 for the best share; units with equal shares share a rank (1, 2, 2, 4); null when nothing is judged. */
  rank: number | null;
  subject: T;
  /** completedOnTime / judged, 0–1; null when judged is 0. */
  onTimeShare: number | null;
  /** The tasks that can be judged on asOf: completed (on time or late) or overdue. */
  judged: number;
  progress: ProgressRollup;
}

/** How many of a roll-up's tasks can be judged on time or not: done (either way) or overdue. */
export function judgedCount(progress: ProgressRollup): number {
  return progress.completedOnTime + progress.completedLate + progress.overdue;
}

/**
 * Ranks units with at least one task by their share of judged tasks completed on time (best first). Ties in
 * share keep one rank and are listed by more judged tasks first, then by `keyOf`; units with nothing judged yet
 * come last, unranked. Units with no task at all are left out: there is nothing to praise or criticise.
 */
export function rankByOnTimeShare<T>(
  units: readonly { subject: T; progress: ProgressRollup }[],
  keyOf: (subject: T) => string,
): Ranked<T>[] {
  const scored = units
    .filter((unit) => unit.progress.total > 0)
    .map((unit) => {
      const judged = judgedCount(unit.progress);
      const onTimeShare = judged === 0 ? null : unit.progress.completedOnTime / judged;
      return { ...unit, judged, onTimeShare };
    })
    .sort(
      (a, b) =>
        (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) ||
        b.judged - a.judged ||
        keyOf(a.subject).localeCompare(keyOf(b.subject)),
    );
  return scored.map((unit) => ({
    ...unit,
    rank:
      unit.onTimeShare === null
        ? null
        : 1 + scored.findIndex((other) => other.onTimeShare === unit.onTimeShare),
  }));
}

/** The GraphQL type of one ranking entry: `name` is the type, `subjectType` what is ranked (Province, Commune). */
export function rankingType<T extends object>(
  subjectType: ClassType<T>,
  subjectField: string,
  name: string,
): ClassType<Ranked<T>> {
  @ObjectType(name, {
    description: 'Xếp hạng: a unit’s place by share of tasks completed on time, with its counts',
  })
  class Ranking {
    @Field(() => Int, {
      nullable: true,
      description: '1 is best; equal shares share a rank; null when none of its tasks can be judged yet',
    })
    rank!: number | null;

    @Field(() => subjectType, { name: subjectField })
    subject!: T;

    @Field(() => Float, {
      nullable: true,
      description: 'completedOnTime / judged (0–1); null when judged is 0',
    })
    onTimeShare!: number | null;

    @Field(() => Int, {
      description: 'Tasks that can be judged on asOf: completed on time or late, or overdue',
    })
    judged!: number;

    @Field(() => ProgressRollup)
    progress!: ProgressRollup;
  }
  return Ranking;
}
