import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Assignment, presentAssignment } from './assignment.type';
import { Deadline, presentDeadline } from './deadline.type';
import { TaskStatus } from './task-status';

/**
 * The task every level implements (CentralTask, ProvincialTask, CommuneTask). One class is both the GraphQL
 * interface and the shared columns of each level's task table, so the three levels cannot drift apart.
 */
@InterfaceType('Task', {
  description: 'Nhiệm vụ: a task of a central directive, a provincial plan or a commune plan',
})
export abstract class Task {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the row comes from in the seed data, e.g. "003-17"',
  })
  @Column({ type: 'text', nullable: true, unique: true })
  ref!: string | null;

  @Field(() => Int, { description: 'Order of the task within its document (1, 2, ...)' })
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Field(() => String, { nullable: true, description: 'The row number or code as printed, e.g. "1.", "I.1"' })
  @Column({ type: 'text', nullable: true })
  ordinal!: string | null;

  @Field(() => String, { description: 'The task as printed' })
  @Column({ type: 'text' })
  content!: string;

  @Field(() => String, { nullable: true, description: 'The heading(s) it sits under in its document' })
  @Column({ type: 'text', nullable: true })
  section!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Resolution-57 task group 1-7, or 8 for organisation of implementation',
  })
  @Column({ type: 'smallint', nullable: true, name: 'task_group' })
  group!: number | null;

  @Field(() => Boolean, {
    description: 'True when the hub derived the group; false when the document names it',
  })
  @Column({ type: 'boolean', default: false })
  groupDerived!: boolean;

  @Column(() => Assignment, { prefix: 'lead' })
  leadColumns!: Assignment;

  @Column(() => Assignment, { prefix: 'cooperating' })
  cooperatingColumns!: Assignment;

  @Column(() => Deadline, { prefix: 'deadline' })
  deadlineColumns!: Deadline;

  @Column(() => Deadline, { prefix: 'central_deadline' })
  centralDeadlineColumns!: Deadline;

  @Field(() => String, { nullable: true, description: 'Expected output (sản phẩm / kết quả) as printed' })
  @Column({ type: 'text', nullable: true })
  output!: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks printed with the row' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Field(() => TaskStatus)
  @Column({ type: 'text', default: TaskStatus.NOT_STARTED })
  status!: TaskStatus;

  @Field(() => Int, { description: 'Reported progress, 0-100' })
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Field(() => Int, {
    description:
      'Grows by one with every accepted status report and every amendment; pass it as expectedVersion',
  })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When an amendment removed the task from its document; null while it is in it. A removed task keeps its ' +
      'reports, links and history, and is left out of roll-ups',
  })
  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The document that removed it, as the planner gave it',
  })
  @Column({ type: 'text', nullable: true })
  removedBasis!: string | null;

  @Field(() => Assignment, { nullable: true, description: 'Cơ quan chủ trì (lead)' })
  get lead(): Assignment | null {
    return presentAssignment(this.leadColumns);
  }

  @Field(() => Assignment, { nullable: true, description: 'Cơ quan phối hợp (cooperating)' })
  get cooperating(): Assignment | null {
    return presentAssignment(this.cooperatingColumns);
  }

  @Field(() => Deadline, { nullable: true, description: 'The deadline set by this document' })
  get deadline(): Deadline | null {
    return presentDeadline(this.deadlineColumns);
  }

  @Field(() => Deadline, {
    nullable: true,
    description: 'A deadline the centre set, printed beside the local one',
  })
  get centralDeadline(): Deadline | null {
    return presentDeadline(this.centralDeadlineColumns);
  }
}
