import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The provincial subgraph's Province, as this subgraph knows it: by code, to add `communes`, and with the name
 * this subgraph provides on `Commune.province` (see commune.resolver.ts).
 */
@ObjectType('Province')
@Directive('@key(fields: "code")')
export class ProvinceRef {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  @Directive('@external')
  name?: string;
}
