import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DocumentBase } from '@nq57/shared/schema';

/** A plan a commune issues to carry out provincial or central tasks. */
@ObjectType('CommunePlan', { implements: DocumentBase, description: 'Kế hoạch cấp xã' })
@Directive('@key(fields: "id")')
@Entity('commune_plan')
export class CommunePlan extends DocumentBase {
  @Index()
  @Column('text')
  communeCode!: string;

  @Field(() => Boolean, {
    description: 'True when the document does not state its commune and the hub inferred it',
  })
  @Column({ type: 'boolean', default: false })
  communeInferred!: boolean;

  @Field(() => String, { nullable: true, description: 'The words that state or imply the commune' })
  @Column({ type: 'text', nullable: true })
  communeEvidence!: string | null;
}
