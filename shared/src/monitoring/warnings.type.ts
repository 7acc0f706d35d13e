import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { Task } from '../task/task.interface';
import type { TaskWarningLists } from './warnings';

/** The GraphQL type of one level's warning lists: `name` is the type, `taskType` the level's task type. */
export function taskWarningsType<T extends Task>(
  taskType: ClassType<T>,
  name: string,
): ClassType<TaskWarningLists<T>> {
  @ObjectType(name, {
    description: 'Cảnh báo: open tasks with late or missing reports, due soon, or overdue, on a date',
  })
  class TaskWarnings {
    @Field(() => String, { description: 'The date the lists are for (yyyy-mm-dd)' })
    asOf!: string;

    @Field(() => [taskType], {
      description:
        'Open tasks whose last report is older than their reporting period (monthly unless stated)',
    })
    staleReports!: T[];

    @Field(() => [taskType], { description: 'Open tasks due within dueWithinDays days of asOf' })
    dueSoon!: T[];

    @Field(() => [taskType], { description: 'Tasks whose state is overdue (quá hạn) on asOf' })
    overdue!: T[];
  }
  return TaskWarnings;
}
