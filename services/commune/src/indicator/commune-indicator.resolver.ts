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
import { CommuneIndicator } from './commune-indicator.entity';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import type { CommuneContext } from '../loaders';

/** What `reportCommuneIndicatorValue` returns. */
export const CommuneIndicatorValueReport = indicatorValueReportType(
  CommuneIndicator,
  'CommuneIndicatorValueReport',
);

const TABLES: IndicatorTables = {
  planTable: 'commune_plan',
  indicatorTable: 'commune_indicator',
  jurisdictionColumn: 'commune_code',
};

/** Reads of commune indicators and the reports of their values. */
@Resolver(() => CommuneIndicator)
export class CommuneIndicatorResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => CommuneIndicator, { nullable: true })
  communeIndicator(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<CommuneIndicator | null> | null {
    return isUuid(id) ? loaders.indicatorById.load(id) : null;
  }

  @FieldResolver(() => CommunePlan, { description: 'The plan the indicator belongs to' })
  async plan(@Root() indicator: CommuneIndicator, @Ctx() { loaders }: CommuneContext): Promise<CommunePlan> {
    return (await loaders.planById.load(indicator.planId)) as CommunePlan;
  }

  @FieldResolver(() => [IndicatorTarget], { description: 'Targets per year as printed, by year' })
  targets(
    @Root() indicator: CommuneIndicator,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<IndicatorTarget[]> {
    return loaders.targetsByIndicatorId.load(indicator.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Reported values, newest first' })
  values(
    @Root() indicator: CommuneIndicator,
    @Ctx() { loaders }: CommuneContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only the values of this year' }) year?: number,
  ): Promise<IndicatorValue[]> {
    return indicatorValues(loaders, indicator.id, year);
  }

  @FieldResolver(() => IndicatorStatus, {
    description: 'The newest value reported for the year against that year’s target (see docs/monitoring.md)',
  })
  status(
    @Root() indicator: CommuneIndicator,
    @Arg('year', () => Int) year: number,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<IndicatorStatus> {
    return indicatorStatus(loaders, indicator.id, year);
  }

  @Mutation(() => CommuneIndicatorValueReport, {
    description: 'Reports a value of a commune indicator for a year; values are appended, never overwritten',
  })
  async reportCommuneIndicatorValue(
    @Arg('input', () => IndicatorValueInput) input: IndicatorValueInput,
    @Ctx() { identity, loaders }: CommuneContext,
  ): Promise<InstanceType<typeof CommuneIndicatorValueReport>> {
    const outcome = await reportIndicatorValue(this.dataSource, TABLES, input, identity);
    const indicator = (await loaders.indicatorById.load(outcome.indicatorId)) as CommuneIndicator;
    return { indicator, value: outcome.value };
  }
}

/** `indicators` on commune plans. */
@Resolver(() => CommunePlan)
export class CommunePlanIndicatorsResolver {
  @FieldResolver(() => [CommuneIndicator], {
    description: 'The plan’s indicators (chỉ tiêu), in document order',
  })
  indicators(@Root() plan: CommunePlan, @Ctx() { loaders }: CommuneContext): Promise<CommuneIndicator[]> {
    return loaders.indicatorsByPlanId.load(plan.id);
  }
}
