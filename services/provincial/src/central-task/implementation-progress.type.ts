import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ProgressRollup } from '@nq57/shared/schema';

/**
 * How far one central task has been carried out on a date. An entity keyed by task and date, so the commune
 * subgraph can add its part and the total: the gateway passes it the provincial part in one batched request.
 */
@ObjectType('ImplementationProgress', {
  description: 'Tiến độ triển khai: a central task’s provincial and commune implementations on a date',
})
@Directive('@key(fields: "centralTaskId asOf")')
export class ImplementationProgress {
  @Field(() => ID)
  centralTaskId!: string;

  @Field(() => String, { description: 'The date the counts are for (yyyy-mm-dd)' })
  asOf!: string;

  @Field(() => ProgressRollup, {
    description: 'Provincial tasks carrying it out, directly or through another provincial task',
  })
  provincial!: ProgressRollup;

  // What the commune subgraph needs to find commune tasks that carry the central task out through a provincial one.
  @Field(() => [ID])
  @Directive('@inaccessible')
  provincialTaskIds!: string[];
}
