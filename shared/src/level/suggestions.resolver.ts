import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root, type ClassType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { authorize } from '../auth/authorize';
import { ErrorCode, userError } from '../errors';
import { suggestionEvidence, type ScoredSuggestion } from '../suggestions/suggestion-score';
import { checkSuggestionCount, readSuggestionPair, suggestionLoader } from '../suggestions/suggestion-reader';
import { checkSuggestedLevel, dismissSuggestion } from '../suggestions/suggestion-dismissal';
import { LinkSuggestionInput } from '../suggestions/link-suggestion.type';
import { LinkTaskInput } from '../task/task.input';
import type { LevelContext } from './level-loaders';
import type { LevelSpec, LevelTypes } from './level-spec';
import type { LevelTaskStore } from './level-task-store';

/** What a level's suggestions are made of: its `LinkSuggestion` type, and how a scored candidate becomes one. */
export interface SuggestionTypes<S extends object> {
  suggestion: ClassType<S>;
  toSuggestion: (found: ScoredSuggestion) => S;
  /** The description of `suggestedLinks`, which names the level's candidates. */
  description: string;
}

/**
 * `<Prefix>Task.suggestedLinks(first)`, `accept<Prefix>LinkSuggestion` and `dismiss<Prefix>LinkSuggestion`
 * (docs/decisions/0011-suggested-links.md). Accepting links through the level's task store, so it is authorized,
 * locked and checked like any link; dismissing is a planner's of the task's jurisdiction.
 */
export function suggestionsResolver<L extends LevelTypes, S extends object>(
  spec: LevelSpec<L>,
  types: SuggestionTypes<S>,
): ClassType {
  @Resolver(() => spec.task.entity)
  class SuggestionsResolver {
    constructor(
      private readonly dataSource: DataSource,
      private readonly store: LevelTaskStore<L>,
    ) {}

    @FieldResolver(() => [types.suggestion], { description: types.description })
    async suggestedLinks(
      @Root() task: L['task'],
      @Arg('first', () => Int, { defaultValue: 5, description: '1-20' }) first: number,
      @Ctx() { loaders }: LevelContext<L>,
    ): Promise<S[]> {
      checkSuggestionCount(first);
      const found = await suggestionLoader(loaders, this.dataSource, spec.level, first).load(task.id);
      return found.map(types.toSuggestion);
    }

    @Mutation(() => spec.task.entity, {
      name: `accept${spec.prefix}LinkSuggestion`,
      description: `Links a ${spec.adjective} task to a suggested task, with "suggested: <reason>" as the evidence`,
    })
    async accept(
      @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
      @Ctx() { identity }: LevelContext<L>,
    ): Promise<L['task']> {
      checkSuggestedLevel(spec.level, input.target);
      const pair = await readSuggestionPair(this.dataSource, spec.level, input.taskId, input.target);
      const link = Object.assign(new LinkTaskInput(), {
        taskId: input.taskId,
        implements: [input.target],
        evidence: suggestionEvidence(pair?.reason ?? 'not found in the search read model'),
      });
      return this.store.link(identity, link);
    }

    @Mutation(() => spec.task.entity, {
      name: `dismiss${spec.prefix}LinkSuggestion`,
      description: `Stops suggesting a task for a ${spec.adjective} task`,
    })
    async dismiss(
      @Arg('input', () => LinkSuggestionInput) input: LinkSuggestionInput,
      @Ctx() { identity, actor }: LevelContext<L>,
    ): Promise<L['task']> {
      checkSuggestedLevel(spec.level, input.target);
      const manager = this.dataSource.manager;
      const task = await manager.findOneBy(spec.task.entity, { id: input.taskId } as never);
      if (!task) throw userError(ErrorCode.UNKNOWN_TASK, `No ${spec.adjective} task with id ${input.taskId}`);
      const plan = (await manager.findOneBy(spec.plan.entity, { id: task.planId } as never)) as L['plan'];
      authorize(identity, 'plan', { jurisdiction: plan[spec.jurisdiction.field] as string });
      await dismissSuggestion(manager, task.id, input.target, actor);
      return task;
    }
  }
  return SuggestionsResolver;
}
