import { Directive, Field, ObjectType } from 'type-graphql';
import { LinkSuggestionFields, TaskLevel, type ScoredSuggestion } from '@nq57/shared';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTaskRef } from '../provincial-task/provincial-task.ref';

/** A task this task may carry out, ranked by suggestedLinks; the provincial subgraph declares the same type. */
@ObjectType('LinkSuggestion', { description: 'A higher-level task this task may carry out, and why' })
@Directive('@shareable')
export class LinkSuggestion extends LinkSuggestionFields {
  @Field(() => CentralTaskRef, { nullable: true, description: 'The suggested task, when level is CENTRAL' })
  centralTask!: CentralTaskRef | null;

  @Field(() => ProvincialTaskRef, {
    nullable: true,
    description: 'The suggested task, when level is PROVINCIAL (suggestions for commune tasks)',
  })
  provincialTask!: ProvincialTaskRef | null;
}

/** A scored candidate as the API returns it: a central task, or a provincial task of the commune's province. */
export function linkSuggestion(found: ScoredSuggestion): LinkSuggestion {
  const { level, score, similarity, citedNumbers, reason, autoAccept } = found;
  const target = { id: found.targetId };
  return {
    level,
    score,
    similarity,
    citedNumbers,
    reason,
    autoAccept,
    centralTask: level === TaskLevel.CENTRAL ? target : null,
    provincialTask: level === TaskLevel.PROVINCIAL ? target : null,
  };
}
