import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AsOfArg, WARNING_DAYS, checkedWarningArgs, taskWarnings, taskWarningsType } from '@nq57/shared';
import { Commune } from '../commune/commune.entity';
import { CommuneTask } from '../commune-task/commune-task.entity';
import type { CommuneContext } from '../loaders';

/** The warning lists of a commune's tasks on a date (docs/monitoring.md, "Warnings"). */
export const CommuneTaskWarnings = taskWarningsType(CommuneTask, 'CommuneTaskWarnings');

/** `Commune.warnings`: the commune's tasks on the warning lists. */
@Resolver(() => Commune)
export class CommuneWarningsResolver {
  @FieldResolver(() => CommuneTaskWarnings, {
    description: "Warning lists of the commune's plan tasks, each by due date then position",
  })
  async warnings(
    @Root() commune: Commune,
    @Ctx() { loaders }: CommuneContext,
    @AsOfArg()
    asOf?: string | null,
    @Arg('dueWithinDays', () => Int, {
      nullable: true,
      defaultValue: WARNING_DAYS.default,
      description: 'How many days ahead dueSoon looks (1–366)',
    })
    dueWithinDays?: number | null,
  ): Promise<InstanceType<typeof CommuneTaskWarnings>> {
    const args = checkedWarningArgs(asOf, dueWithinDays);
    const tasks = await loaders.tasksByCommuneCode.load(commune.code);
    return taskWarnings(tasks, args.asOf, args.days);
  }
}
