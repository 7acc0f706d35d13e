import type { ClassType } from 'type-graphql';
import { agencyProgressFieldResolver, progressFieldResolver } from '../monitoring/rollup-fields';
import type { LevelContext } from './level-loaders';
import type { LevelSpec, LevelTypes } from './level-spec';

/** The roll-up fields every level has, one resolver each (rollup-fields: one such field per type and class). */
export interface LevelRollupResolvers {
  /** `<Jurisdiction>.progress(asOf)`: every task of the jurisdiction's plans. */
  jurisdictionProgress: ClassType;
  /** `<Jurisdiction>.agencies(asOf)`: the same counts by lead agency. */
  jurisdictionAgencies: ClassType;
  /** `<Plan>.progress(asOf)`: the plan's tasks. */
  planProgress: ClassType;
}

/** The level's roll-up field resolvers, made in the order their fields appear in the schema. */
export function levelRollupResolvers<L extends LevelTypes>(spec: LevelSpec<L>): LevelRollupResolvers {
  const { entity: Jurisdiction, noun } = spec.jurisdiction;
  return {
    jurisdictionProgress: progressFieldResolver(
      Jurisdiction,
      { name: 'progress', description: `Where the tasks of the ${noun}’s plans stand on a date` },
      (jurisdiction, { loaders }: LevelContext<L>, asOf) =>
        loaders.progress.byJurisdiction(asOf).load(jurisdiction.code),
    ),
    jurisdictionAgencies: agencyProgressFieldResolver(
      Jurisdiction,
      {
        name: 'agencies',
        description: `Where the ${noun}’s plan tasks stand on a date, by lead agency (chủ trì)`,
      },
      (jurisdiction, { loaders }: LevelContext<L>, asOf) =>
        loaders.agencyProgressByJurisdiction(asOf).load(jurisdiction.code),
    ),
    planProgress: progressFieldResolver(
      spec.plan.entity,
      { name: 'progress', description: 'Where the plan’s tasks stand on a date' },
      (plan, { loaders }: LevelContext<L>, asOf) => loaders.progress.byPlanId(asOf).load(plan.id),
    ),
  };
}
