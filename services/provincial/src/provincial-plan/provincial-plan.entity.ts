import { Directive, ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { DocumentBase, planDocument } from '@nq57/shared/schema';

/** A plan a province issues to carry out central tasks. */
@ObjectType('ProvincialPlan', { implements: DocumentBase, description: 'Kế hoạch cấp tỉnh' })
@Directive('@key(fields: "id")')
@Entity('provincial_plan')
export class ProvincialPlan extends planDocument('province') {}
