import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  dropDatabase,
  ensureDatabase,
  openLevelDataSource,
  withDatabase,
  type Identity,
  type Role,
  type SubgraphServiceDefinition,
} from '@nq57/shared';
import { definition as eventsDefinition } from '@nq57/events';

/** A level's tables and the events schema (log and search projection) of one fresh database. */
export interface StoreDatabase {
  level: DataSource;
  events: DataSource;
}

/**
 * Before the file's tests: a fresh database with the events schema migrated and the level of `definition`
 * migrated, seeded and caught up, as a start does, but with no server: a store is tested on its own. After
 * them: both pools closed and the database dropped. The accessor throws outside the tests.
 */
export function useStoreDatabase(definition: SubgraphServiceDefinition<unknown>): () => StoreDatabase {
  const serverUrl = process.env.DATABASE_URL;
  const name = `nq57_store_${randomBytes(6).toString('hex')}`;
  let database: StoreDatabase | undefined;
  beforeAll(async () => {
    if (!serverUrl) throw new Error('DATABASE_URL is not set: the global setup starts PostgreSQL');
    await ensureDatabase(serverUrl, name);
    const url = withDatabase(serverUrl, name);
    const events = await open(url, eventsDefinition());
    const level = await open(url, definition);
    await definition.seed?.(level);
    await definition.catchUp?.(level);
    database = { level, events };
  });
  afterAll(async () => {
    await database?.level.destroy();
    await database?.events.destroy();
    database = undefined;
    if (serverUrl) await dropDatabase(serverUrl, name);
  });
  return () => {
    if (!database) throw new Error('The store database exists only between beforeAll and afterAll');
    return database;
  };
}

async function open(url: string, definition: SubgraphServiceDefinition<unknown>): Promise<DataSource> {
  const { schema, entities, migrations } = definition;
  return (await openLevelDataSource({ url, schema, entities, migrations, poolSize: 4 })).dataSource;
}

/** An identity as a verified token of `role` in `jurisdiction` would give, valid for an hour. */
export function identityOf(role: Role, jurisdiction: string, agency: string | null = null): Identity {
  return {
    subject: `${role}@${jurisdiction}`,
    role,
    jurisdiction,
    agency,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
}
