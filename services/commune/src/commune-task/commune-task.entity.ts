import { Directive, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Task } from '@nq57/shared/schema';

/** A task of a commune plan. */
@ObjectType('CommuneTask', { implements: Task, description: 'Nhiệm vụ trong kế hoạch cấp xã' })
@Directive('@key(fields: "id")')
@Entity('commune_task')
export class CommuneTask extends Task {
  @Index()
  @Column('uuid')
  planId!: string;
}
