import { Directive, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Indicator } from '@nq57/shared/schema';

/** An indicator (chỉ tiêu) of a provincial plan. */
@ObjectType('ProvincialIndicator', { implements: Indicator, description: 'Chỉ tiêu trong kế hoạch cấp tỉnh' })
@Directive('@key(fields: "id")')
@Entity('provincial_indicator')
export class ProvincialIndicator extends Indicator {
  @Index()
  @Column('uuid')
  planId!: string;
}
