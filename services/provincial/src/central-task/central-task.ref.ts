import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The central subgraph's CentralTask, as this subgraph knows it: by id, to add `provincialTasks`. */
@ObjectType('CentralTask')
@Directive('@key(fields: "id")')
export class CentralTaskRef {
  @Field(() => ID)
  id!: string;
}
