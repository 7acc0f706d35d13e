import { ErrorCode, userError } from '../errors';
import { isUuid } from '../ids';
import { documentNumberKey } from '../numbers';
import { officialCommunes, officialProvinces } from '../jurisdictions/jurisdictions';
import type { TaskLevel } from '../task/task-status';

/** A live-stream filter as a client sends it (`TaskEventFilter`): every field given must match. */
export interface EventFilterInput {
  directiveNumber?: string | null;
  provinceCode?: string | null;
  communeCode?: string | null;
  level?: TaskLevel | `${TaskLevel}` | null;
  taskId?: string | null;
}

/** A filter in the form events are stored in: folded directive key, nulls for "any". */
export interface EventMatch {
  directiveKey: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  level: TaskLevel | `${TaskLevel}` | null;
  taskId: string | null;
}

/** The fields of an event a match looks at (its routing, derived when the event was written). */
export interface MatchableEvent {
  directiveKeys: readonly string[];
  provinceCode: string | null;
  communeCode: string | null;
  level: TaskLevel | `${TaskLevel}`;
  taskId: string;
}

let provinceCodes: Set<string> | null = null;
let communeCodes: Set<string> | null = null;

/**
 * Checks a filter's codes against the official lists and folds it; BAD_USER_INPUT for malformed fields,
 * INVALID_JURISDICTION for unknown codes. The events subgraph and the gateway (which routes shared executions
 * by filter) both compile filters here, so a filter is refused the same way wherever it is read.
 */
export function compileFilter(filter: EventFilterInput | null | undefined): EventMatch {
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
  const directiveNumber = filter?.directiveNumber;
  if (directiveNumber !== undefined && directiveNumber !== null && !/^.{1,100}$/u.test(directiveNumber)) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'directiveNumber is 1-100 characters, e.g. "71/NQ-CP"');
  }
  return {
    directiveKey: directiveNumber ? documentNumberKey(directiveNumber) : null,
    provinceCode: filter?.provinceCode ?? null,
    communeCode: filter?.communeCode ?? null,
    level: filter?.level ?? null,
    taskId: filter?.taskId ?? null,
  };
}

/** Whether an event passes a filter; the in-memory twin of the events subgraph's `matchSql`. */
export function matches(match: EventMatch, event: MatchableEvent): boolean {
  return (
    (match.directiveKey === null || event.directiveKeys.includes(match.directiveKey)) &&
    (match.provinceCode === null || event.provinceCode === match.provinceCode) &&
    (match.communeCode === null || event.communeCode === match.communeCode) &&
    (match.level === null || event.level === match.level) &&
    (match.taskId === null || event.taskId === match.taskId)
  );
}
