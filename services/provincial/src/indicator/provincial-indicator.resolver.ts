import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  IndicatorStatus,
  IndicatorTarget,
  IndicatorValue,
  IndicatorValueInput,
  indicatorStatus,
  indicatorValueReportType,
  indicatorValues,
  isUuid,
  reportIndicatorValue,
  type IndicatorTables,
} from '@nq57/shared';
import { ProvincialIndicator } from './provincial-indicator.entity';
import { ProvincialPlan } from '../provincial-plan/provincial-plan.entity';
import type { ProvincialContext } from '../loaders';

/** What `reportProvincialIndicatorValue` returns. */
export const ProvincialIndicatorValueReport = indicatorValueReportType(
  ProvincialIndicator,
  'ProvincialIndicatorValueReport',
);

const TABLES: IndicatorTables = {
  planTable: 'provincial_plan',
  indicatorTable: 'provincial_indicator',
  jurisdictionColumn: 'province_code',
};

/** Reads of provincial indicators and the reports of their values. */
@Resolver(() => ProvincialIndicator)
export class ProvincialIndicatorResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => ProvincialIndicator, { nullable: true })
  provincialIndicator(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialIndicator | null> | null {
    return isUuid(id) ? loaders.indicatorById.load(id) : null;
  }

  @FieldResolver(() => ProvincialPlan, { description: 'The plan the indicator belongs to' })
  async plan(
    @Root() indicator: ProvincialIndicator,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialPlan> {
    return (await loaders.planById.load(indicator.planId)) as ProvincialPlan;
  }

  @FieldResolver(() => [IndicatorTarget], { description: 'Targets per year as printed, by year' })
  targets(
    @Root() indicator: ProvincialIndicator,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<IndicatorTarget[]> {
    return loaders.targetsByIndicatorId.load(indicator.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Reported values, newest first' })
  values(
    @Root() indicator: ProvincialIndicator,
    @Ctx() { loaders }: ProvincialContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only the values of this year' }) year?: number,
  ): Promise<IndicatorValue[]> {
    return indicatorValues(loaders, indicator.id, year);
  }

  @FieldResolver(() => IndicatorStatus, {
    description: 'The newest value reported for the year against that year’s target (see docs/monitoring.md)',
  })
  status(
    @Root() indicator: ProvincialIndicator,
    @Arg('year', () => Int) year: number,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<IndicatorStatus> {
    return indicatorStatus(loaders, indicator.id, year);
  }

  @Mutation(() => ProvincialIndicatorValueReport, {
    description:
      'Reports a value of a provincial indicator for a year; values are appended, never overwritten',
  })
  async reportProvincialIndicatorValue(
    @Arg('input', () => IndicatorValueInput) input: IndicatorValueInput,
    @Ctx() { identity, loaders }: ProvincialContext,
  ): Promise<InstanceType<typeof ProvincialIndicatorValueReport>> {
    const outcome = await reportIndicatorValue(this.dataSource, TABLES, input, identity);
    const indicator = (await loaders.indicatorById.load(outcome.indicatorId)) as ProvincialIndicator;
    return { indicator, value: outcome.value };
  }
}

/** `indicators` on provincial plans. */
@Resolver(() => ProvincialPlan)
export class ProvincialPlanIndicatorsResolver {
  @FieldResolver(() => [ProvincialIndicator], {
    description: 'The plan’s indicators (chỉ tiêu), in document order',
  })
  indicators(
    @Root() plan: ProvincialPlan,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<ProvincialIndicator[]> {
    return loaders.indicatorsByPlanId.load(plan.id);
  }
}
