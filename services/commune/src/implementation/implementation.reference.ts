import { ErrorCode, checkedIsoDate, isUuid, userError } from '@nq57/shared';
import type { ImplementationProgressRef } from './implementation-progress.type';

/**
 * The representation the gateway sends, checked before it reaches SQL: a real date and task ids that are UUIDs
 * (a subgraph is reachable without the gateway, so it trusts no caller's shapes).
 */
export function checkedImplementationRef(ref: ImplementationProgressRef): ImplementationProgressRef {
  checkedIsoDate(ref.asOf, 'asOf');
  const ids = [ref.centralTaskId, ...(ref.provincialTaskIds ?? [])];
  const bad = ids.find((id) => typeof id !== 'string' || !isUuid(id));
  if (bad !== undefined) throw userError(ErrorCode.BAD_USER_INPUT, `Not a task id: ${String(bad)}`);
  return { ...ref, provincialTaskIds: ref.provincialTaskIds ?? [] };
}
