import { Directive, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Indicator } from '@nq57/shared/schema';

/** An indicator (chỉ tiêu) of a commune plan. */
@ObjectType('CommuneIndicator', { implements: Indicator, description: 'Chỉ tiêu trong kế hoạch cấp xã' })
@Directive('@key(fields: "id")')
@Entity('commune_indicator')
export class CommuneIndicator extends Indicator {
  @Index()
  @Column('uuid')
  planId!: string;
}
