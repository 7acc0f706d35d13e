import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  LinkSuggestionInput,
  LinkTaskInput,
  TaskLevel,
  authorize,
  checkSuggestedLevel,
  checkSuggestionCount,
  dismissSuggestion,
  readSuggestionPair,
  suggestionEvidence,
  suggestionLoader,
  userError,
  type EntityClient,
} from '@nq57/shared';
import { ProvincialTask } from './provincial-task.entity';
import { ProvincialTaskLinksResolver } from './provincial-task.resolver';
import { LinkSuggestion, linkSuggestion } from './link-suggestion.type';
import { ProvincialPlan } from '../provincial-plan/provincial-plan.entity';
import type { ProvincialContext } from '../loaders';

/** Suggested trace links of provincial tasks: ranked central tasks, accepted or dismissed by a planner. */
@Resolver(() => ProvincialTask)
export class ProvincialTaskSuggestionsResolver {
  // Accepting writes through linkProvincialTask itself: the same authorization, lock and checks as any link.
  private readonly links: ProvincialTaskLinksResolver;

  constructor(
    private readonly dataSource: DataSource,
    central: EntityClient,
  ) {
    this.links = new ProvincialTaskLinksResolver(dataSource, central);
  }

  @FieldResolver(() => [LinkSuggestion], {
    description:
      'Central tasks this task may carry out, best first: cited document numbers and similar wording. ' +
      'Tasks already linked, and suggestions dismissed, are left out',
  })
  async suggestedLinks(
    @Root() task: ProvincialTask,
    @Arg('first', () => Int, { defaultValue: 5, description: '1-20' }) first: number,
    @Ctx() { loaders }: ProvincialContext,
  ): Promise<LinkSuggestion[]> {
    checkSuggestionCount(first);
    const found = await suggestionLoader(loaders, this.dataSource, TaskLevel.PROVINCIAL, first).load(task.id);
    return found.map(linkSuggestion);
  }

  @Mutation(() => ProvincialTask, {
    description: 'Links a provincial task to a suggested task, with "suggested: <reason>" as the evidence',
  })
  async acceptProvincialLinkSuggestion(
    @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
    @Ctx() context: ProvincialContext,
  ): Promise<ProvincialTask> {
    checkSuggestedLevel(TaskLevel.PROVINCIAL, input.target);
    const pair = await readSuggestionPair(this.dataSource, TaskLevel.PROVINCIAL, input.taskId, input.target);
    const link = Object.assign(new LinkTaskInput(), {
      taskId: input.taskId,
      implements: [input.target],
      evidence: suggestionEvidence(pair?.reason ?? 'not found in the search read model'),
    });
    return this.links.linkProvincialTask(link, context);
  }

  @Mutation(() => ProvincialTask, { description: 'Stops suggesting a task for a provincial task' })
  async dismissProvincialLinkSuggestion(
    @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
    @Ctx() { identity, actor }: ProvincialContext,
  ): Promise<ProvincialTask> {
    checkSuggestedLevel(TaskLevel.PROVINCIAL, input.target);
    const manager = this.dataSource.manager;
    const task = await manager.findOneBy(ProvincialTask, { id: input.taskId });
    if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No provincial task with id ${input.taskId}`);
    const plan = (await manager.findOneBy(ProvincialPlan, { id: task.planId })) as ProvincialPlan;
    authorize(identity, 'plan', { jurisdiction: plan.provinceCode });
    await dismissSuggestion(manager, task.id, input.target, actor);
    return task;
  }
}
