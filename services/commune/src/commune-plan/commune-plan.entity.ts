import { Directive, ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { DocumentBase, planDocument } from '@nq57/shared/schema';

/** A plan a commune issues to carry out provincial or central tasks. */
@ObjectType('CommunePlan', { implements: DocumentBase, description: 'Kế hoạch cấp xã' })
@Directive('@key(fields: "id")')
@Entity('commune_plan')
export class CommunePlan extends planDocument('commune') {}
