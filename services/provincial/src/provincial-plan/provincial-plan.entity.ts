import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DocumentBase } from '@nq57/shared/schema';

/** A plan a province issues to carry out central tasks. */
@ObjectType('ProvincialPlan', { implements: DocumentBase, description: 'Kế hoạch cấp tỉnh' })
@Directive('@key(fields: "id")')
@Entity('provincial_plan')
export class ProvincialPlan extends DocumentBase {
  @Index()
  @Column('text')
  provinceCode!: string;

  @Field(() => Boolean, {
    description: 'True when the document does not state its province and the hub inferred it',
  })
  @Column({ type: 'boolean', default: false })
  provinceInferred!: boolean;

  @Field(() => String, { nullable: true, description: 'The words that state or imply the province' })
  @Column({ type: 'text', nullable: true })
  provinceEvidence!: string | null;
}
