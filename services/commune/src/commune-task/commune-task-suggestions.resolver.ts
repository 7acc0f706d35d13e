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
} from '@nq57/shared';
import { CommuneTask } from './commune-task.entity';
import { CommuneTaskLinksResolver, type UpperLevels } from './commune-task.resolver';
import { LinkSuggestion, linkSuggestion } from './link-suggestion.type';
import { CommunePlan } from '../commune-plan/commune-plan.entity';
import type { CommuneContext } from '../loaders';

/** Suggested trace links of commune tasks: ranked provincial tasks of the province and central tasks. */
@Resolver(() => CommuneTask)
export class CommuneTaskSuggestionsResolver {
  // Accepting writes through linkCommuneTask itself: the same authorization, lock and checks as any link.
  private readonly links: CommuneTaskLinksResolver;

  constructor(
    private readonly dataSource: DataSource,
    upper: UpperLevels,
  ) {
    this.links = new CommuneTaskLinksResolver(dataSource, upper);
  }

  @FieldResolver(() => [LinkSuggestion], {
    description:
      "Tasks of the province's plans and central tasks this task may carry out, best first: cited document " +
      'numbers and similar wording. Tasks already linked, and suggestions dismissed, are left out',
  })
  async suggestedLinks(
    @Root() task: CommuneTask,
    @Arg('first', () => Int, { defaultValue: 5, description: '1-20' }) first: number,
    @Ctx() { loaders }: CommuneContext,
  ): Promise<LinkSuggestion[]> {
    checkSuggestionCount(first);
    const found = await suggestionLoader(loaders, this.dataSource, TaskLevel.COMMUNE, first).load(task.id);
    return found.map(linkSuggestion);
  }

  @Mutation(() => CommuneTask, {
    description: 'Links a commune task to a suggested task, with "suggested: <reason>" as the evidence',
  })
  async acceptCommuneLinkSuggestion(
    @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
    @Ctx() context: CommuneContext,
  ): Promise<CommuneTask> {
    checkSuggestedLevel(TaskLevel.COMMUNE, input.target);
    const pair = await readSuggestionPair(this.dataSource, TaskLevel.COMMUNE, input.taskId, input.target);
    const link = Object.assign(new LinkTaskInput(), {
      taskId: input.taskId,
      implements: [input.target],
      evidence: suggestionEvidence(pair?.reason ?? 'not found in the search read model'),
    });
    return this.links.linkCommuneTask(link, context);
  }

  @Mutation(() => CommuneTask, { description: 'Stops suggesting a task for a commune task' })
  async dismissCommuneLinkSuggestion(
    @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
    @Ctx() { identity, actor }: CommuneContext,
  ): Promise<CommuneTask> {
    checkSuggestedLevel(TaskLevel.COMMUNE, input.target);
    const manager = this.dataSource.manager;
    const task = await manager.findOneBy(CommuneTask, { id: input.taskId });
    if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No commune task with id ${input.taskId}`);
    const plan = (await manager.findOneBy(CommunePlan, { id: task.planId })) as CommunePlan;
    authorize(identity, 'plan', { jurisdiction: plan.communeCode });
    await dismissSuggestion(manager, task.id, input.target, actor);
    return task;
  }
}
