import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { TaskLevel, TaskStatus, TrafficLight } from '@nq57/shared';

/** The longest search text accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** The largest page. */
export const MAX_PAGE = 100;
/** The longest cursor this hub issues is well under this. */
export const MAX_CURSOR_LENGTH = 400;

/** How search results are ordered. */
export enum TaskSearchOrder {
  RELEVANCE = 'RELEVANCE',
  DEADLINE = 'DEADLINE',
}

registerEnumType(TaskSearchOrder, {
  name: 'TaskSearchOrder',
  description:
    'RELEVANCE: best match first (without a query: by level, position, id). DEADLINE: soonest due first',
  valuesConfig: {
    RELEVANCE: { description: 'Rank descending, then level (central, provincial, commune), position, id' },
    DEADLINE: { description: 'Governing due date ascending (tasks without one last), then id' },
  },
});

/** Which tasks a search returns; every field given must match (AND); a list matches any of its values. */
@InputType('TaskSearchFilter')
export class TaskSearchFilter {
  @Field(() => [TaskLevel], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  levels?: TaskLevel[];

  @Field(() => String, { nullable: true, description: "A province's tasks and its communes' tasks" })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode is a two-digit official code, e.g. "19"' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: "A commune's tasks" })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode is a five-digit official code, e.g. "24682"' })
  communeCode?: string;

  @Field(() => Int, { nullable: true, description: 'Resolution-57 task group 1-7, or 8' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  group?: number;

  @Field(() => [TaskStatus], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  statuses?: TaskStatus[];

  @Field(() => [TrafficLight], { nullable: true, description: 'The light as of `asOf` (docs/monitoring.md)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  lights?: TrafficLight[];

  @Field(() => String, {
    nullable: true,
    description: 'Words of the lead agency (chủ trì), accent- and case-insensitive, e.g. "so khoa hoc"',
  })
  @IsOptional()
  @Length(1, 200)
  agency?: string;

  @Field(() => String, {
    nullable: true,
    description: 'yyyy-mm-dd: governing due date (local, else central) on or after this day',
  })
  @IsOptional()
  dueFrom?: string;

  @Field(() => String, {
    nullable: true,
    description: 'yyyy-mm-dd: governing due date on or before this day',
  })
  @IsOptional()
  dueTo?: string;
}

/** The arguments of `searchTasks`, checked before any SQL runs. */
@ArgsType()
export class SearchTasksArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find, accents and case ignored ("chuyen doi so" finds "chuyển đổi số"); all must occur. ' +
      '"quoted words" must occur in that order, -word must not occur, `or` between words allows either. ' +
      `At most ${MAX_QUERY_LENGTH} characters; blank lists every task the filter matches`,
  })
  @IsOptional()
  @MaxLength(MAX_QUERY_LENGTH)
  query?: string;

  @Field(() => TaskSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: TaskSearchFilter;

  @Field(() => String, {
    nullable: true,
    description: 'yyyy-mm-dd the `lights` filter is judged on; default today in Asia/Ho_Chi_Minh',
  })
  @IsOptional()
  asOf?: string;

  @Field(() => TaskSearchOrder, { defaultValue: TaskSearchOrder.RELEVANCE })
  orderBy: TaskSearchOrder = TaskSearchOrder.RELEVANCE;

  @Field(() => Int, { defaultValue: 20, description: `1-${MAX_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first = 20;

  @Field(() => String, {
    nullable: true,
    description: 'endCursor of the previous page, from the same query, filter and order',
  })
  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string;
}
