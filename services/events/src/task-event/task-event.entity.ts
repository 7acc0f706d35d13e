import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TaskLevel, TaskStatus, type EvidenceItem } from '@nq57/shared';
import { encodeCursor } from './cursor';

/** Minh chứng: what a report cites as proof. */
@ObjectType('Evidence')
export class Evidence {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  documentNumber!: string | null;
}

/** One accepted status report on a task of any level: a row of the log and the GraphQL TaskEvent. */
@ObjectType('TaskEvent', {
  description: 'An accepted status report: who changed what, when, from what to what',
})
@Directive('@key(fields: "id")')
@Entity('task_event')
export class TaskEvent {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Field(() => ID)
  @Column('uuid')
  id!: string;

  @Field(() => Date, { description: 'When the change was committed' })
  @Column('timestamptz')
  at!: Date;

  @Field(() => String, { description: 'Who reported it ("anonymous" until sign-in exists)' })
  @Column('text')
  actor!: string;

  @Field(() => TaskLevel)
  @Column({ type: 'text', name: 'task_level' })
  level!: TaskLevel;

  @Column('uuid')
  taskId!: string;

  @Field(() => TaskStatus)
  @Column({ type: 'text', name: 'from_status' })
  from!: TaskStatus;

  @Field(() => TaskStatus)
  @Column({ type: 'text', name: 'to_status' })
  to!: TaskStatus;

  @Field(() => Int)
  @Column('smallint')
  fromProgress!: number;

  @Field(() => Int)
  @Column('smallint')
  progress!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => [Evidence])
  @Column('jsonb')
  evidence!: EvidenceItem[];

  @Field(() => Int, { description: 'The task version this change produced' })
  @Column('integer')
  version!: number;

  @Column({ type: 'text', nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'text', nullable: true })
  communeCode!: string | null;

  @Column({ type: 'text', array: true })
  directiveKeys!: string[];

  @Field(() => String, { description: 'Pass as `after` to resume from this event' })
  get cursor(): string {
    return encodeCursor(this.seq);
  }
}
