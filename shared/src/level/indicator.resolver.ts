import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  type ClassType,
} from 'type-graphql';
import type { DataSource } from 'typeorm';
import { indicatorStatus, indicatorValueReportType, indicatorValues } from '../indicator/indicator-fields';
import type { IndicatorTables } from '../indicator/indicator-sql';
import { IndicatorStatus } from '../indicator/indicator-target';
import { IndicatorTarget, IndicatorValue } from '../indicator/indicator.types';
import { IndicatorValueInput } from '../indicator/indicator-value.input';
import { reportIndicatorValue } from '../indicator/report-indicator-value';
import { isUuid } from '../ids';
import type { LevelContext } from './level-loaders';
import { levelName, type LevelSpec, type LevelTypes } from './level-spec';

/** Where the level's indicators and their plans' jurisdictions are, for the value reports. */
export function indicatorTables<L extends LevelTypes>(spec: LevelSpec<L>): IndicatorTables {
  return {
    planTable: spec.plan.table,
    indicatorTable: spec.indicator.table,
    jurisdictionColumn: spec.jurisdictionColumn,
  };
}

/**
 * Reads of the level's indicators and the reports of their values: `<level>Indicator(id)`, its plan, targets,
 * values and status, and `report<Prefix>IndicatorValue` (returning a `<Prefix>IndicatorValueReport`, made here).
 */
export function indicatorResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const Indicator = spec.indicator.entity;
  const Plan = spec.plan.entity;
  const tables = indicatorTables(spec);
  const ValueReport = indicatorValueReportType(Indicator, `${spec.prefix}IndicatorValueReport`);

  @Resolver(() => Indicator)
  class IndicatorResolver {
    constructor(private readonly dataSource: DataSource) {}

    @Query(() => Indicator, { name: levelName(spec, '', 'Indicator'), nullable: true })
    indicator(
      @Arg('id', () => ID) id: string,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['indicator'] | null> | null {
      return isUuid(id) ? loaders.indicatorById.load(id) : null;
    }

    @FieldResolver(() => Plan, { description: 'The plan the indicator belongs to' })
    async plan(@Root() indicator: L['indicator'], @Ctx() { loaders }: LevelContext<L>): Promise<L['plan']> {
      return (await loaders.planById.load(indicator.planId)) as L['plan'];
    }

    @FieldResolver(() => [IndicatorTarget], { description: 'Targets per year as printed, by year' })
    targets(
      @Root() indicator: L['indicator'],
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<IndicatorTarget[]> {
      return loaders.targetsByIndicatorId.load(indicator.id);
    }

    @FieldResolver(() => [IndicatorValue], { description: 'Reported values, newest first' })
    values(
      @Root() indicator: L['indicator'],
      @Ctx() { loaders }: LevelContext<L>,
      @Arg('year', () => Int, { nullable: true, description: 'Only the values of this year' }) year?: number,
    ): Promise<IndicatorValue[]> {
      return indicatorValues(loaders, indicator.id, year);
    }

    @FieldResolver(() => IndicatorStatus, {
      description:
        'The newest value reported for the year against that year’s target (see docs/monitoring.md)',
    })
    status(
      @Root() indicator: L['indicator'],
      @Arg('year', () => Int) year: number,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<IndicatorStatus> {
      return indicatorStatus(loaders, indicator.id, year);
    }

    @Mutation(() => ValueReport, {
      name: levelName(spec, 'report', 'IndicatorValue'),
      description: `Reports a value of a ${spec.adjective} indicator for a year; values are appended, never overwritten`,
    })
    async reportValue(
      @Arg('input', () => IndicatorValueInput) input: IndicatorValueInput,
      @Ctx() { identity, loaders }: LevelContext<L>,
    ): Promise<InstanceType<typeof ValueReport>> {
      const outcome = await reportIndicatorValue(this.dataSource, tables, input, identity);
      const indicator = (await loaders.indicatorById.load(outcome.indicatorId)) as L['indicator'];
      return { indicator, value: outcome.value };
    }
  }
  return IndicatorResolver;
}

/** `<Plan>.indicators`: the plan's indicators (chỉ tiêu), in document order. */
export function planIndicatorsResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  @Resolver(() => spec.plan.entity)
  class PlanIndicatorsResolver {
    @FieldResolver(() => [spec.indicator.entity], {
      description: 'The plan’s indicators (chỉ tiêu), in document order',
    })
    indicators(@Root() plan: L['plan'], @Ctx() { loaders }: LevelContext<L>): Promise<L['indicator'][]> {
      return loaders.indicatorsByPlanId.load(plan.id);
    }
  }
  return PlanIndicatorsResolver;
}
