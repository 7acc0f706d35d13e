import { Field, ID, InterfaceType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/** The kinds of document (văn bản) that assign or carry out tasks. */
export enum DocumentKind {
  RESOLUTION = 'RESOLUTION',
  CONCLUSION_NOTICE = 'CONCLUSION_NOTICE',
  NOTICE = 'NOTICE',
  PLAN = 'PLAN',
  DECISION = 'DECISION',
  PROGRAM = 'PROGRAM',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
}

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Nghị quyết, thông báo kết luận, kế hoạch, ...',
});

/** The columns and fields every document shares, whichever level issued it. */
@InterfaceType('Document', { description: 'Văn bản: a directive or a plan' })
export abstract class DocumentBase {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Number/symbol as printed, e.g. "44/KH-UBND"; null if blank',
  })
  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Field(() => DocumentKind)
  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Field(() => String)
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date of issue; null when the document leaves it blank',
  })
  @Column({ type: 'date', nullable: true })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The date as printed, e.g. "ngày 18/10/2025"' })
  @Column({ type: 'text', nullable: true })
  issuedOnText!: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks on the record: what is missing or inferred' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the record comes from in the seed data' })
  @Column({ type: 'text', nullable: true, unique: true })
  ref!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
