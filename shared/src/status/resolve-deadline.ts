import { IsBoolean, IsOptional, IsUUID, Length } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { Field, ID, InputType } from 'type-graphql';
import { authorize } from '../auth/authorize';
import { unauthenticated, type Identity } from '../auth/identity';
import { checkedIsoDate } from '../document/document.input';
import { ErrorCode, userError } from '../errors';
import { DeadlineKind } from '../deadline/deadline';
import { deadlineKindSql, resolveDeadlineSql } from '../store/task-store.sql';
import { scopeOf, type StatusReportTarget } from './report-status';

/** The date a relative deadline now falls due, and the document that makes it so. */
@InputType('ResolveDeadlineInput')
export class ResolveDeadlineInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { description: 'yyyy-mm-dd: when the task now falls due' })
  @Length(10, 10)
  dueDate!: string;

  @Field(() => String, {
    description:
      'The document that now exists and sets the date, as printed: e.g. "12/KH-UBND ngày 5/12/2025"',
  })
  @Length(1, 300)
  basis!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Resolve the central deadline printed beside the local one instead of the local one',
  })
  @IsOptional()
  @IsBoolean()
  central?: boolean;
}

/**
 * Records what a relative deadline ("Sau khi có văn bản của tỉnh") resolved to, for a planner of the task's
 * jurisdiction, in the caller's transaction (the task store's: it updates the search projection). The printed
 * deadline is kept as printed; the date and its basis go beside it. Refuses a deadline that is not relative.
 * Not a status report: the version, the last report and the event log are untouched.
 */
export async function resolveTaskDeadline(
  manager: EntityManager,
  target: StatusReportTarget,
  input: ResolveDeadlineInput,
  identity: Identity | null,
): Promise<void> {
  if (!identity) throw unauthenticated('Sign in to resolve a deadline: send a bearer token');
  const dueDate = checkedIsoDate(input.dueDate, 'dueDate');
  const basis = input.basis.trim();
  if (basis === '') throw userError(ErrorCode.BAD_USER_INPUT, 'Name the document the date rests on');
  const scope = await scopeOf(manager, target, input.id);
  if (!scope) throw userError(ErrorCode.UNKNOWN_TASK, `No such task: ${input.id}`, { id: input.id });
  authorize(identity, 'plan', scope);
  const central = input.central === true;
  const [row] = (await manager.query(deadlineKindSql(target, central), [input.id])) as {
    kind: DeadlineKind | null;
  }[];
  if (row.kind !== DeadlineKind.RELATIVE) {
    throw userError(
      ErrorCode.BAD_USER_INPUT,
      `Only a relative deadline can be resolved; this one is ${row.kind ?? 'not printed'}`,
      { kind: row.kind },
    );
  }
  await manager.query(resolveDeadlineSql(target, central), [input.id, dueDate, basis]);
}
