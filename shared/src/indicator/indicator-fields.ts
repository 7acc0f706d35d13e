import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { Indicator } from './indicator.interface';
import type { IndicatorLoaders } from './indicator-loaders';
import { judgeTarget, type IndicatorStatus } from './indicator-target';
import { IndicatorValue } from './indicator.types';

/** What a level's report mutation returns: `name` is the GraphQL type, `indicatorType` the level's indicator type. */
export function indicatorValueReportType<T extends object>(
  indicatorType: ClassType<T>,
  name: string,
): ClassType<{ indicator: T; value: IndicatorValue }> {
  @ObjectType(name, { description: 'What an indicator value report recorded' })
  class IndicatorValueReport {
    @Field(() => indicatorType, { description: 'The indicator, with the new value among its values' })
    indicator!: T;

    @Field(() => IndicatorValue, { description: 'The value as recorded' })
    value!: IndicatorValue;
  }
  return IndicatorValueReport;
}

/** An indicator's reported values, newest first, optionally of one year only. */
export async function indicatorValues<T extends Indicator>(
  loaders: IndicatorLoaders<T>,
  indicatorId: string,
  year?: number | null,
): Promise<IndicatorValue[]> {
  const values = await loaders.valuesByIndicatorId.load(indicatorId);
  return year === undefined || year === null ? values : values.filter((value) => value.year === year);
}

/** The newest value reported for `year` judged against that year's target (see judgeTarget). */
export async function indicatorStatus<T extends Indicator>(
  loaders: IndicatorLoaders<T>,
  indicatorId: string,
  year: number,
): Promise<IndicatorStatus> {
  const [targets, values] = await Promise.all([
    loaders.targetsByIndicatorId.load(indicatorId),
    loaders.valuesByIndicatorId.load(indicatorId),
  ]);
  const target = targets.find((candidate) => candidate.year === year);
  const newest = values.find((value) => value.year === year);
  return judgeTarget(target, newest?.value);
}
