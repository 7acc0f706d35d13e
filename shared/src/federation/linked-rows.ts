import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Runs `query` (entities of alias `alias` joined to a link row exposing `group_key`) and groups the entities by
 * that key. One entity linked to several keys appears under each.
 */
export async function groupByLinkKey<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
): Promise<{ key: string; row: T }[]> {
  const { entities, raw } = await query.getRawAndEntities<Record<string, string>>();
  const byId = new Map(entities.map((entity) => [entity.id, entity] as const));
  return raw.flatMap((line) => {
    const row = byId.get(line[`${alias}_id`]);
    return row ? [{ key: line.group_key, row }] : [];
  });
}
