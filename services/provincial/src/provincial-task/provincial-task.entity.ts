import { Directive, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Task } from '@nq57/shared/schema';

/** A task of a provincial plan. */
@ObjectType('ProvincialTask', { implements: Task, description: 'Nhiệm vụ trong kế hoạch cấp tỉnh' })
@Directive('@key(fields: "id")')
@Entity('provincial_task')
export class ProvincialTask extends Task {
  @Index()
  @Column('uuid')
  planId!: string;
}
