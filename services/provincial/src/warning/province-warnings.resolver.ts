import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AsOfArg, WARNING_DAYS, checkedWarningArgs, taskWarnings, taskWarningsType } from '@nq57/shared';
import { Province } from '../province/province.entity';
import { ProvincialTask } from '../provincial-task/provincial-task.entity';
import type { ProvincialContext } from '../loaders';

/** The warning lists of a province's tasks on a date (docs/monitoring.md, "Warnings"). */
export const ProvincialTaskWarnings = taskWarningsType(ProvincialTask, 'ProvincialTaskWarnings');

/** `Province.warnings`: the province's provincial tasks on the warning lists. */
@Resolver(() => Province)
export class ProvinceWarningsResolver {
  @FieldResolver(() => ProvincialTaskWarnings, {
    description: "Warning lists of the province's plan tasks, each by due date then position",
  })
  async warnings(
    @Root() province: Province,
    @Ctx() { loaders }: ProvincialContext,
    @AsOfArg()
    asOf?: string | null,
    @Arg('dueWithinDays', () => Int, {
      nullable: true,
      defaultValue: WARNING_DAYS.default,
      description: 'How many days ahead dueSoon looks (1–366)',
    })
    dueWithinDays?: number | null,
  ): Promise<InstanceType<typeof ProvincialTaskWarnings>> {
    const args = checkedWarningArgs(asOf, dueWithinDays);
    const tasks = await loaders.tasksByProvinceCode.load(province.code);
    return taskWarnings(tasks, args.asOf, args.days);
  }
}
