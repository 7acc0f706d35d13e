import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { AgencyProgress } from './agency-progress';
import { monitoringDay } from './as-of';
import { AsOfArg } from './as-of-arg';
import { ProgressRollup } from './progress.type';

/** How a roll-up field is named and documented in the schema. */
export interface RollupField {
  name: string;
  description: string;
}

type Load<T, C, R> = (root: T, context: C, asOf: string) => Promise<R>;

/**
 * A resolver adding `<field.name>(asOf): ProgressRollup!` to `type`; `load` gets asOf checked or defaulted.
 * type-graphql keys field resolvers by method name, so one type takes one such field (and one agency field).
 */
export function progressFieldResolver<T extends object, C>(
  type: ClassType<T>,
  field: RollupField,
  load: Load<T, C, ProgressRollup>,
): ClassType {
  @Resolver(() => type)
  class ProgressFieldResolver {
    @FieldResolver(() => ProgressRollup, field)
    progressRollup(
      @Root() root: T,
      @Ctx() context: C,
      @AsOfArg() asOf?: string | null,
    ): Promise<ProgressRollup> {
      return load(root, context, monitoringDay(asOf));
    }
  }
  return ProgressFieldResolver;
}

/** A resolver adding `<field.name>(asOf): [AgencyProgress!]!` to `type`, like progressFieldResolver. */
export function agencyProgressFieldResolver<T extends object, C>(
  type: ClassType<T>,
  field: RollupField,
  load: Load<T, C, AgencyProgress[]>,
): ClassType {
  @Resolver(() => type)
  class AgencyProgressFieldResolver {
    @FieldResolver(() => [AgencyProgress], field)
    agencyRollups(
      @Root() root: T,
      @Ctx() context: C,
      @AsOfArg() asOf?: string | null,
    ): Promise<AgencyProgress[]> {
      return load(root, context, monitoringDay(asOf));
    }
  }
  return AgencyProgressFieldResolver;
}
