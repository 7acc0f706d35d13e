import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { Client } from 'pg';
import { QueryCounter } from './query-counter';
import { SnakeNamingStrategy } from './snake-naming';
import { assertIdentifier } from './database-url';

export interface LevelDataSourceOptions {
  url: string;
  /** The PostgreSQL schema this subgraph owns; no other subgraph reads it. */
  schema: string;
  // TypeORM's own parameter type: entity classes are constructors of any shape.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A data source bound to one subgraph's schema, with its statement counter. */
export interface LevelDataSource {
  dataSource: DataSource;
  queries: QueryCounter;
}

/** Creates the schema if needed, connects, and runs pending migrations (never `synchronize`). */
export async function openLevelDataSource(options: LevelDataSourceOptions): Promise<LevelDataSource> {
  assertIdentifier(options.schema);
  await ensureSchema(options.url, options.schema);
  const queries = new QueryCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: queries,
    extra: {
      max: options.poolSize ?? 10,
      application_name: `nq57-${options.schema}`,
      // Raw SQL (migrations, loaders) names tables without a schema: each subgraph sees only its own.
      options: `-c search_path=${options.schema}`,
    },
  });
  await dataSource.initialize();
  await migrateExclusively(dataSource, options.schema);
  return { dataSource, queries };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Two replicas starting together may race; IF NOT EXISTS plus the unique index make that harmless.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((error: { code?: string }) => {
      if (error.code !== '23505' && error.code !== '42P06') throw error;
    });
  } finally {
    await client.end();
  }
}

async function migrateExclusively(dataSource: DataSource, schema: string): Promise<void> {
  // Replicas of one subgraph may start at once on one database: one migrates, the others wait.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`nq57-migrate-${schema}`]);
    await dataSource.runMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`nq57-migrate-${schema}`]);
    await runner.release();
  }
}
