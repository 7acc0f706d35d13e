import { Client } from 'pg';

/** Returns `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates database `name` on the server of `url` unless it exists; safe to call concurrently. */
export async function ensureDatabase(url: string, name: string): Promise<void> {
  assertIdentifier(name);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters; the name was checked against a strict pattern above.
      await client
        .query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`)
        .catch(ignoreDuplicate);
    }
  } finally {
    await client.end();
  }
}

/** Drops database `name` on the server of `url`, closing its other sessions first. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  assertIdentifier(name);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Throws unless `name` is a plain lower-case SQL identifier. */
export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
}

function ignoreDuplicate(error: { code?: string }): void {
  // 42P04 duplicate_database, 23505 unique_violation: another process created it first.
  if (error.code !== '42P04' && error.code !== '23505') throw error;
}
