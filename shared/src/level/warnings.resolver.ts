import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { AsOfArg } from '../monitoring/as-of-arg';
import { WARNING_DAYS, checkedWarningArgs, taskWarnings } from '../monitoring/warnings';
import { taskWarningsType } from '../monitoring/warnings.type';
import type { LevelContext } from './level-loaders';
import type { LevelSpec, LevelTypes } from './level-spec';

/**
 * `<Jurisdiction>.warnings(asOf, dueWithinDays)`: the jurisdiction's plan tasks on the warning lists
 * (docs/monitoring.md, "Warnings"), as a `<Prefix>TaskWarnings`, a type made here.
 */
export function warningsResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const Warnings = taskWarningsType(spec.task.entity, `${spec.prefix}TaskWarnings`);

  @Resolver(() => spec.jurisdiction.entity)
  class WarningsResolver {
    @FieldResolver(() => Warnings, { description: spec.text.warnings })
    async warnings(
      @Root() jurisdiction: L['jurisdiction'],
      @Ctx() { loaders }: LevelContext<L>,
      @AsOfArg()
      asOf?: string | null,
      @Arg('dueWithinDays', () => Int, {
        nullable: true,
        defaultValue: WARNING_DAYS.default,
        description: 'How many days ahead dueSoon looks (1–366)',
      })
      dueWithinDays?: number | null,
    ): Promise<InstanceType<typeof Warnings>> {
      const args = checkedWarningArgs(asOf, dueWithinDays);
      const tasks = await loaders.tasksByJurisdiction.load(jurisdiction.code);
      return taskWarnings(tasks, args.asOf, args.days);
    }
  }
  return WarningsResolver;
}
