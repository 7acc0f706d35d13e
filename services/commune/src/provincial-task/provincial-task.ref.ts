import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The provincial subgraph's ProvincialTask, as this subgraph knows it: by id, to add `communeTasks`. */
@ObjectType('ProvincialTask')
@Directive('@key(fields: "id")')
export class ProvincialTaskRef {
  @Field(() => ID)
  id!: string;
}
