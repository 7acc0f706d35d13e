import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Task } from '@nq57/shared/schema';

/** A task a central directive assigns. */
@ObjectType('CentralTask', { implements: Task, description: 'A task assigned by a central directive' })
@Directive('@key(fields: "id")')
@Entity('central_task')
export class CentralTask extends Task {
  @Index()
  @Column({ type: 'uuid' })
  directiveId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the task was reconstructed from the plans citing it',
  })
  @Column({ type: 'text', nullable: true })
  evidence!: string | null;
}
