import { resolvedDeadlineMigration } from '@nq57/shared';

/** Where a relative deadline's resolved date and its basis are kept, beside the printed deadline. */
export const ResolvedDeadline1764300000000 = resolvedDeadlineMigration('central_task');
