import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { WARNING_DAYS, checkedWarningArgs, taskWarnings } from '@nq57/shared';
import { Province } from '../province/province.entity';
import { ProvincialTask } from '../provincial-task/provincial-task.entity';
import type { ProvincialContext } from '../loaders';

/** The warning lists of a province's tasks on a date (docs/monitoring.md, "Warnings"). */
@ObjectType('ProvincialTaskWarnings', {
  description: 'Cảnh báo: open tasks with late or missing reports, due soon, or overdue, on a date',
})
export class ProvincialTaskWarnings {
  @Field(() => String, { description: 'The date the lists are for (yyyy-mm-dd)' })
  asOf!: string;

  @Field(() => [ProvincialTask], {
    description: 'Open tasks whose last report is older than their reporting period (monthly unless stated)',
  })
  staleReports!: ProvincialTask[];

  @Field(() => [ProvincialTask], { description: 'Open tasks due within dueWithinDays days of asOf' })
  dueSoon!: ProvincialTask[];

  @Field(() => [ProvincialTask], { description: 'Tasks whose state is overdue (quá hạn) on asOf' })
  overdue!: ProvincialTask[];
}

/** `Province.warnings`: the province's provincial tasks on the warning lists. */
@Resolver(() => Province)
export class ProvinceWarningsResolver {
  @FieldResolver(() => ProvincialTaskWarnings, {
    description: "Warning lists of the province's plan tasks, each by due date then position",
  })
  async warnings(
    @Root() province: Province,
    @Ctx() { loaders }: ProvincialContext,
    @Arg('asOf', () => String, {
      nullable: true,
      description: 'yyyy-mm-dd; default today in Asia/Ho_Chi_Minh',
    })
    asOf?: string | null,
    @Arg('dueWithinDays', () => Int, {
      nullable: true,
      defaultValue: WARNING_DAYS.default,
      description: 'How many days ahead dueSoon looks (1–366)',
    })
    dueWithinDays?: number | null,
  ): Promise<ProvincialTaskWarnings> {
    const args = checkedWarningArgs(asOf, dueWithinDays);
    const tasks = await loaders.tasksByProvinceCode.load(province.code);
    return taskWarnings(tasks, args.asOf, args.days);
  }
}
