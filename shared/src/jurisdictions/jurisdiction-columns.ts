import { Field, ObjectType } from 'type-graphql';
import { Column, PrimaryColumn } from 'typeorm';

/** What `jurisdictionColumns` gives a jurisdiction entity: its official code (the key) and name. */
export interface JurisdictionColumns {
  code: string;
  name: string;
}

/** The base of a level's jurisdiction entity: `code` (the key) and `name`, with the level's own descriptions. */
export function jurisdictionColumns(described: {
  code: string;
  name: string;
}): abstract new () => JurisdictionColumns {
  // Never in a schema itself: the level's jurisdiction type, which extends it, is.
  @ObjectType('JurisdictionColumns')
  abstract class Jurisdiction implements JurisdictionColumns {
    @Field(() => String, { description: described.code })
    @PrimaryColumn('text')
    code!: string;

    @Field(() => String, { description: described.name })
    @Column('text')
    name!: string;
  }
  return Jurisdiction;
}
