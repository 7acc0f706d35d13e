import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DocumentBase } from '@nq57/shared/schema';

/** A central document that assigns tasks (57-NQ/TW, 71/NQ-CP, 07-TB/CQTTBCĐ, ...). Entity and GraphQL type. */
@ObjectType('Directive', { implements: DocumentBase, description: 'A central document that assigns tasks' })
@Directive('@key(fields: "id")')
@Entity('directive')
export class DirectiveDocument extends DocumentBase {
  @Field(() => [String], { description: 'Other spellings of the number printed in plans, e.g. "07-CQTTBCĐ"' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** The number folded for lookup: "07- TB/CQTTBCĐ" and "07-TB/CQTTBCĐ" are one directive. */
  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  numberKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the record comes from: the plans that cite it' })
  @Column({ type: 'text', nullable: true })
  evidence!: string | null;
}
