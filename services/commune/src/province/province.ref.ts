import { Directive, Field, ObjectType } from 'type-graphql';

/** The provincial subgraph's Province, as this subgraph knows it: by code, to add `communes`. */
@ObjectType('Province')
@Directive('@key(fields: "code")')
export class ProvinceRef {
  @Field(() => String)
  code!: string;
}
