import type { EventMatch } from '@nq57/shared/core';

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
