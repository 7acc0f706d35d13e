import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TaskLevel } from '@nq57/shared/schema';
import { TaskRef } from '../task/task.ref';

/** A span of the task's content that matched the query. */
@ObjectType('TextSpan', { description: 'content.slice(start, end) in JavaScript terms (UTF-16 code units)' })
export class TextSpanType {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

/** One task found. */
@ObjectType('TaskSearchHit')
export class TaskSearchHit {
  @Field(() => TaskRef, { description: 'The task; its fields come from its level' })
  task!: TaskRef;

  @Field(() => TaskLevel)
  level!: TaskLevel;

  @Field(() => Float, {
    nullable: true,
    description:
      'How well it matches (ts_rank_cd: content weighs most, then lead, section, output); null without a query',
  })
  score!: number | null;

  @Field(() => [TextSpanType], { description: 'The words of content that match the query, in order' })
  highlights!: TextSpanType[];
}

/** A hit and the cursor just after it. */
@ObjectType('TaskSearchEdge')
export class TaskSearchEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this hit' })
  cursor!: string;

  @Field(() => TaskSearchHit)
  node!: TaskSearchHit;
}

/** Whether more hits follow, and from where. */
@ObjectType('TaskSearchPageInfo')
export class TaskSearchPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The last edge’s cursor; null for an empty page' })
  endCursor!: string | null;
}

/** A page of search results. */
@ObjectType('TaskSearchConnection')
export class TaskSearchConnection {
  @Field(() => [TaskSearchEdge])
  edges!: TaskSearchEdge[];

  @Field(() => TaskSearchPageInfo)
  pageInfo!: TaskSearchPageInfo;

  /** Counts every match (one statement), only when `totalCount` is asked for. */
  countAll!: () => Promise<number>;
}
