import { Directive, Field, ObjectType } from 'type-graphql';
import { LinkSuggestionFields, TaskLevel, type ScoredSuggestion } from '@nq57/shared';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTask } from './provincial-task.entity';

/** A task this task may carry out, ranked by suggestedLinks; the commune subgraph declares the same type. */
@ObjectType('LinkSuggestion', { description: 'A higher-level task this task may carry out, and why' })
@Directive('@shareable')
export class LinkSuggestion extends LinkSuggestionFields {
  @Field(() => CentralTaskRef, { nullable: true, description: 'The suggested task, when level is CENTRAL' })
  centralTask!: CentralTaskRef | null;

  @Field(() => ProvincialTask, {
    nullable: true,
    description: 'The suggested task, when level is PROVINCIAL (suggestions for commune tasks)',
  })
  provincialTask!: ProvincialTask | null;
}

/** A scored candidate as the API returns it; provincial tasks are suggested central tasks only. */
export function linkSuggestion(found: ScoredSuggestion): LinkSuggestion {
  const { level, score, similarity, citedNumbers, reason, autoAccept } = found;
  return {
    level,
    score,
    similarity,
    citedNumbers,
    reason,
    autoAccept,
    centralTask: level === TaskLevel.CENTRAL ? { id: found.targetId } : null,
    provincialTask: null,
  };
}
