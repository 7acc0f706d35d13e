import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TaskEventKind, TaskLevel, TaskStatus, type EvidenceItem, type FieldChange } from '@nq57/shared';
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

registerEnumType(TaskEventKind, {
  name: 'TaskEventKind',
  description: 'A status report, or an amendment of the document the task is printed in',
});

/** One field an amendment changed: the printed text before and after. */
@ObjectType('TaskFieldChange')
export class TaskFieldChange implements FieldChange {
  @Field(() => String, {
    description: 'The task field: content, ordinal, deadline, lead, …, or a link "implements"',
  })
  field!: string;

  @Field(() => String, { nullable: true, description: 'As it was (null: empty)' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'As it is now (null: empty, or removed)' })
  to!: string | null;
}

/** One accepted change of a task of any level: a row of the log and the GraphQL TaskEvent. */
@ObjectType('TaskEvent', {
  description:
    'An accepted change of a task: a status report, or an amendment (kind); who changed what, when, from what to what',
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

  @Field(() => TaskEventKind, {
    description: 'STATUS for a report; for an amendment, from and to are the status it left unchanged',
  })
  @Column({ type: 'text', default: TaskEventKind.STATUS })
  kind!: TaskEventKind;

  @Field(() => [TaskFieldChange], { description: 'What an amendment changed; empty for a status report' })
  @Column('jsonb', { default: () => "'[]'::jsonb" })
  changes!: FieldChange[];

  @Field(() => String, { description: 'Pass as `after` to resume from this event' })
  get cursor(): string {
    return encodeCursor(this.seq);
  }
}
