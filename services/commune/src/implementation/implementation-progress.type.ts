import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ProgressRollup } from '@nq57/shared/schema';

/** The provincial subgraph's ImplementationProgress, to which this subgraph adds `commune` and `total`. */
@ObjectType('ImplementationProgress')
@Directive('@key(fields: "centralTaskId asOf")')
export class ImplementationProgressRef {
  @Field(() => ID)
  centralTaskId!: string;

  @Field(() => String)
  asOf!: string;

  @Field(() => [ID])
  @Directive('@external')
  provincialTaskIds!: string[];

  @Field(() => ProgressRollup)
  @Directive('@external')
  provincial!: ProgressRollup;
}
