import type { DataSource, ObjectLiteral } from 'typeorm';

/** Reads an entity's rows with plain SQL and makes objects of its class from them, without TypeORM's hydration. */
export interface RawReader<T> {
  /**
   * The select list of table alias `alias` for `properties` (property names, or embedded names for all their
   * columns), or every column for null. Each column is aliased to its property path; dates come as ISO text.
   */
  columns(alias: string, properties: readonly string[] | null): string;
  /** An object of the entity's class with the properties of a row selected by `columns` (other keys ignored). */
  hydrate(row: Record<string, unknown>): T;
}

interface RawColumn {
  /** e.g. "deadlineColumns.dueDate". */
  path: string;
  head: string;
  /** The embedded property, or null for a plain column. */
  tail: string | null;
  databaseName: string;
  isDate: boolean;
}

/**
 * A RawReader for `target` from the data source's TypeORM metadata, so the column list cannot drift from the
 * entity. Used where rows go straight into a GraphQL response: TypeORM's row-to-entity transform is most of a
 * subgraph's CPU on large traces.
 */
export function rawReader<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: abstract new (...args: never[]) => T,
): RawReader<T> {
  const metadata = dataSource.getMetadata(target);
  const all: RawColumn[] = metadata.columns.map((column) => {
    const [head, tail] = column.propertyPath.split('.');
    return {
      path: column.propertyPath,
      head,
      tail: tail ?? null,
      databaseName: column.databaseName,
      isDate: column.type === 'date',
    };
  });
  const byPath = new Map(all.map((column) => [column.path, column] as const));
  const prototype = target.prototype as object;
  return {
    columns: (alias, properties) =>
      all
        .filter((column) => properties === null || properties.includes(column.head))
        .map(
          (column) => `${alias}."${column.databaseName}"${column.isDate ? '::text' : ''} AS "${column.path}"`,
        )
        .join(', '),
    hydrate: (row) => {
      const entity = Object.create(prototype) as Record<string, unknown>;
      for (const key in row) {
        const column = byPath.get(key);
        if (!column) continue;
        if (column.tail === null) entity[column.head] = row[key];
        else ((entity[column.head] ??= {}) as Record<string, unknown>)[column.tail] = row[key];
      }
      return entity as T;
    },
  };
}

/**
 * Every column of the rows of `table` (a table of the data source's own schema) whose `column` is one of
 * `keys`, as objects of the reader's entity: one parameterised statement.
 */
export async function rowsByKey<T extends ObjectLiteral>(
  dataSource: DataSource,
  reader: RawReader<T>,
  table: string,
  column: string,
  keys: readonly unknown[],
): Promise<T[]> {
  const found = await dataSource.query<Record<string, unknown>[]>(
    `SELECT ${reader.columns('x', null)} FROM ${table} x WHERE x.${column} = ANY($1)`,
    [[...keys]],
  );
  return found.map((row) => reader.hydrate(row));
}
