import {
  ErrorCode,
  documentNumberKey,
  isUuid,
  officialCommunes,
  officialProvinces,
  userError,
  type TaskLevel,
} from '@nq57/shared';
import type { TaskEventFilter } from './task-event-filter.input';

/** A filter in the form events are stored in: folded directive key, nulls for "any". */
export interface EventMatch {
  directiveKey: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  level: TaskLevel | null;
  taskId: string | null;
}

/** The fields of an event a match looks at. */
export interface MatchableEvent {
  directiveKeys: string[];
  provinceCode: string | null;
  communeCode: string | null;
  level: TaskLevel;
  taskId: string;
}

let provinceCodes: Set<string> | null = null;
let communeCodes: Set<string> | null = null;

/** Checks a filter's codes against the official lists and folds it; INVALID_JURISDICTION for unknown codes. */
export function compileFilter(filter: TaskEventFilter | null | undefined): EventMatch {
  provinceCodes ??= new Set(officialProvinces().map((province) => province.code));
  communeCodes ??= new Set(officialCommunes().map((commune) => commune.code));
  if (filter?.provinceCode && !/^\d{2}$/.test(filter.provinceCode)) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'provinceCode is a two-digit official code, e.g. "19"');
  }
  if (filter?.communeCode && !/^\d{5}$/.test(filter.communeCode)) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'communeCode is a five-digit official code, e.g. "24682"');
  }
  if (filter?.provinceCode && !provinceCodes.has(filter.provinceCode)) {
    throw userError(ErrorCode.INVALID_JURISDICTION, `No province has code ${filter.provinceCode}`);
  }
  if (filter?.communeCode && !communeCodes.has(filter.communeCode)) {
    throw userError(ErrorCode.INVALID_JURISDICTION, `No commune has code ${filter.communeCode}`);
  }
  if (filter?.taskId && !isUuid(filter.taskId)) {
    throw userError(ErrorCode.BAD_USER_INPUT, `taskId ${filter.taskId.slice(0, 64)} is not a task id`);
  }
  if (filter?.directiveNumber !== undefined && !/^.{1,100}$/u.test(filter.directiveNumber)) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'directiveNumber is 1-100 characters, e.g. "71/NQ-CP"');
  }
  return {
    directiveKey: filter?.directiveNumber ? documentNumberKey(filter.directiveNumber) : null,
    provinceCode: filter?.provinceCode ?? null,
    communeCode: filter?.communeCode ?? null,
    level: filter?.level ?? null,
    taskId: filter?.taskId ?? null,
  };
}

/** Whether an event passes a filter; the in-memory twin of `matchSql`. */
export function matches(match: EventMatch, event: MatchableEvent): boolean {
  return (
    (match.directiveKey === null || event.directiveKeys.includes(match.directiveKey)) &&
    (match.provinceCode === null || event.provinceCode === match.provinceCode) &&
    (match.communeCode === null || event.communeCode === match.communeCode) &&
    (match.level === null || event.level === match.level) &&
    (match.taskId === null || event.taskId === match.taskId)
  );
}

/** The SQL twin of `matches`, for replay: a condition on `task_event` aliased `alias`, with named parameters. */
export function matchSql(
  match: EventMatch,
  alias: string,
): { where: string; params: Record<string, unknown> } {
  return {
    where: [
      `(:directiveKey::text IS NULL OR :directiveKey::text = ANY(${alias}.directive_keys))`,
      `(:provinceCode::text IS NULL OR ${alias}.province_code = :provinceCode)`,
      `(:communeCode::text IS NULL OR ${alias}.commune_code = :communeCode)`,
      `(:level::text IS NULL OR ${alias}.task_level = :level)`,
      `(:taskId::uuid IS NULL OR ${alias}.task_id = :taskId)`,
    ].join(' AND '),
    params: { ...match },
  };
}
