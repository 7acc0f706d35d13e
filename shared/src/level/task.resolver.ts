import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { UnlinkTaskInput } from '../amendment/amendment.input';
import { isUuid } from '../ids';
import { TaskInput } from '../task/task.input';
import type { LevelContext } from './level-loaders';
import type { LevelTaskStore } from './level-task-store';
import { levelName, type LevelSpec, type LevelTypes } from './level-spec';

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
    constructor(private readonly store: LevelTaskStore<L>) {}

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
      return this.store.addTask(identity, planId, input);
    }

    @Mutation(() => Task, {
      name: levelName(spec, 'unlink', 'Task'),
      description:
        `Removes links of a ${spec.adjective} task by an amendment: the tasks it no longer carries out; ` +
        'an UNLINKED event records each',
    })
    unlinkTask(
      @Arg('input', () => UnlinkTaskInput) input: UnlinkTaskInput,
      @Ctx() { identity }: LevelContext<L>,
    ): Promise<L['task']> {
      return this.store.unlink(identity, input);
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
