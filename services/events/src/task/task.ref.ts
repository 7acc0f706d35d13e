import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';

/** Any task of the hub, as the events subgraph knows it: by type and id; the owning level gives the rest. */
@InterfaceType('Task', {
  resolveType: (task: TaskRef) => task.__typename,
})
export abstract class TaskRef {
  @Field(() => ID)
  id!: string;

  __typename!: TaskTypename;
}

/** The task types of the three levels, by level. */
export const TASK_TYPENAMES = {
  CENTRAL: 'CentralTask',
  PROVINCIAL: 'ProvincialTask',
  COMMUNE: 'CommuneTask',
} as const;
export type TaskTypename = (typeof TASK_TYPENAMES)[keyof typeof TASK_TYPENAMES];

/** The central subgraph's CentralTask, here to add `history`. */
@ObjectType('CentralTask', { implements: TaskRef })
@Directive('@key(fields: "id")')
export class CentralTaskRef extends TaskRef {}

/** The provincial subgraph's ProvincialTask, here to add `history`. */
@ObjectType('ProvincialTask', { implements: TaskRef })
@Directive('@key(fields: "id")')
export class ProvincialTaskRef extends TaskRef {}

/** The commune subgraph's CommuneTask, here to add `history`. */
@ObjectType('CommuneTask', { implements: TaskRef })
@Directive('@key(fields: "id")')
export class CommuneTaskRef extends TaskRef {}
