import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { DataSource, DeepPartial, FindOptionsWhere } from 'typeorm';
import { authorize } from '../auth/authorize';
import { ErrorCode, userError } from '../errors';
import { isUuid } from '../ids';
import { indexTasks } from '../search/search-index';
import { TaskInput, taskColumns } from '../task/task.input';
import type { LevelContext } from './level-loaders';
import { jurisdictionOf, levelName, type LevelSpec, type LevelTypes } from './level-spec';

/**
 * The level's task reads and plain write: `<level>Task(id)`, `<Task>.plan` and `create<Prefix>Task`. The fields
 * a level has of its own (links to the levels above, `link<Prefix>Task`) sit in a resolver of the service,
 * declared between this one and `sameLevelTasksResolver`: type-graphql orders fields as they are declared.
 */
export function taskResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const Task = spec.task.entity;
  const Plan = spec.plan.entity;

  @Resolver(() => Task)
  class TaskResolver {
    constructor(private readonly dataSource: DataSource) {}

    @Query(() => Task, { name: levelName(spec, '', 'Task'), nullable: true })
    task(
      @Arg('id', () => ID) id: string,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<L['task'] | null> | null {
      return isUuid(id) ? loaders.taskById.load(id) : null;
    }

    @FieldResolver(() => Plan)
    async plan(@Root() task: L['task'], @Ctx() { loaders }: LevelContext<L>): Promise<L['plan']> {
      return (await loaders.planById.load(task.planId)) as L['plan'];
    }

    @Mutation(() => Task, {
      name: levelName(spec, 'create', 'Task'),
      description: `Adds a task to a ${spec.adjective} plan`,
    })
    createTask(
      @Arg('planId', () => ID) planId: string,
      @Arg('task', () => TaskInput) input: TaskInput,
      @Ctx() { identity }: LevelContext<L>,
    ): Promise<L['task']> {
      return this.dataSource.transaction(async (manager) => {
        const plan = isUuid(planId)
          ? await manager.findOneBy(Plan, { id: planId } as FindOptionsWhere<L['plan']>)
          : null;
        if (!plan)
          throw userError(ErrorCode.NOT_FOUND, `No ${spec.adjective} plan with id ${planId}`, { planId });
        authorize(identity, 'plan', { jurisdiction: jurisdictionOf(spec, plan) });
        const position = (await manager.countBy(Task, { planId } as FindOptionsWhere<L['task']>)) + 1;
        const task = await manager.save(
          manager.create(Task, {
            ...taskColumns(input),
            id: randomUUID(),
            planId,
            position,
          } as DeepPartial<L['task']>),
        );
        await indexTasks(manager, spec.level, [task.id]);
        return task;
      });
    }
  }
  return TaskResolver;
}

/** `implements<Prefix>Tasks` and `implementedBy<Prefix>Tasks`: the links between tasks of the level itself. */
export function sameLevelTasksResolver<L extends LevelTypes>(spec: LevelSpec<L>): ClassType {
  const Task = spec.task.entity;

  @Resolver(() => Task)
  class SameLevelTasksResolver {
    @FieldResolver(() => [Task], {
      name: levelName(spec, 'implements', 'Tasks'),
      description: spec.text.implements,
    })
    implementsTasks(@Root() task: L['task'], @Ctx() { loaders }: LevelContext<L>): Promise<L['task'][]> {
      return loaders.implementedByTaskId.load(task.id);
    }

    @FieldResolver(() => [Task], {
      name: levelName(spec, 'implementedBy', 'Tasks'),
      description: spec.text.implementedBy,
    })
    implementedByTasks(@Root() task: L['task'], @Ctx() { loaders }: LevelContext<L>): Promise<L['task'][]> {
      return loaders.implementersByTaskId.load(task.id);
    }
  }
  return SameLevelTasksResolver;
}
