import type { IncomingMessage } from 'node:http';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { LevelDataSourceOptions } from '../db/data-source';
import { openLevelDataSource } from '../db/data-source';
import type { QueryCounter } from '../db/query-counter';
import { identityOf, type RequestContext } from '../context';
import { loadAuthConfig, type AuthConfig } from '../auth/auth-config';
import { buildFederatedSchema, type ReferenceResolvers } from '../federation/build-subgraph-schema';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { startSubgraphServer, type RunningServer } from './subgraph-server';

/** How one level's subgraph is put together; each service supplies its own parts. */
export interface LevelServiceDefinition<Loaders> {
  name: string;
  schema: string;
  entities: LevelDataSourceOptions['entities'];
  migrations: LevelDataSourceOptions['migrations'];
  /** Resolver classes; each is constructed with the data source. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: NonEmptyArray<new (dataSource: DataSource, ...rest: any[]) => object>;
  /** Extra constructor arguments for the resolvers (clients of other subgraphs). */
  resolverArgs?: unknown[];
  orphanedTypes?: (new (...args: never[]) => object)[];
  references: ReferenceResolvers;
  createLoaders: (dataSource: DataSource) => Loaders;
  seed?: (dataSource: DataSource) => Promise<void>;
  /**
   * Runs at every start, after the seed: brings up to date what this level writes into schemas other subgraphs
   * own (the search projection), for rows written before that existed or while it was behind.
   */
  catchUp?: (dataSource: DataSource) => Promise<unknown>;
  /** Long-lived parts started after migrations (a LISTEN feed): put in every context, stopped before the pool. */
  attach?: (dataSource: DataSource, databaseUrl: string) => Promise<ServiceAttachment>;
  /** Serve subscriptions over graphql-ws at /graphql too. */
  subscriptions?: boolean;
}

/** What `attach` started: context entries for resolvers, health details, and how to stop it. */
export interface ServiceAttachment {
  context: Record<string, unknown>;
  health: () => Record<string, unknown>;
  stop: () => Promise<void>;
}

/** Where and how to run a level service. */
export interface LevelServiceOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Load the seed data when the database has none (default true). */
  seed?: boolean;
  /** How bearer tokens are verified (default: from the environment, see loadAuthConfig). */
  auth?: AuthConfig;
}

/** A running subgraph with its database handle and SQL statement counter. */
export interface LevelServiceHandle extends RunningServer {
  name: string;
  dataSource: DataSource;
  queries: QueryCounter;
}

/** Migrates, seeds, builds the federated schema and serves it; `stop()` releases the port and the pool. */
export async function startLevelService<Loaders>(
  definition: LevelServiceDefinition<Loaders>,
  options: LevelServiceOptions,
): Promise<LevelServiceHandle> {
  const { dataSource, queries } = await openLevelDataSource({
    url: options.databaseUrl,
    schema: definition.schema,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  let attachment: ServiceAttachment | null = null;
  try {
    const auth = options.auth ?? (await loadAuthConfig());
    if (options.seed !== false && definition.seed) await definition.seed(dataSource);
    if (definition.catchUp) await definition.catchUp(dataSource);
    const schema = await buildLevelSchema(definition, dataSource);
    attachment = definition.attach ? await definition.attach(dataSource, options.databaseUrl) : null;
    const extra = attachment;
    const server = await startSubgraphServer<RequestContext<Loaders>>({
      name: definition.name,
      schema,
      port: options.port ?? 0,
      host: options.host,
      subscriptions: definition.subscriptions,
      context: async (request: IncomingMessage) => {
        const identity = await identityOf(request, auth);
        return {
          ...extra?.context,
          loaders: definition.createLoaders(dataSource),
          identity,
          actor: identity?.subject ?? 'anonymous',
        };
      },
      health: async () => {
        await dataSource.query('SELECT 1');
        return { database: 'ok', ...extra?.health() };
      },
    });
    return {
      ...server,
      name: definition.name,
      dataSource,
      queries,
      stop: async () => {
        await server.stop();
        await extra?.stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await attachment?.stop();
    await dataSource.destroy();
    throw error;
  }
}

/** Builds a level's federated schema; resolvers are constructed with `dataSource` when given. */
export function buildLevelSchema<Loaders>(
  definition: LevelServiceDefinition<Loaders>,
  dataSource: DataSource | null,
): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(
    dataSource === null
      ? []
      : definition.resolvers.map((Resolver) => [
          Resolver,
          new Resolver(dataSource, ...(definition.resolverArgs ?? [])),
        ]),
  );
  return buildFederatedSchema(
    {
      resolvers: definition.resolvers,
      orphanedTypes: definition.orphanedTypes,
      container: { get: (someClass) => instances.get(someClass) },
      validate: { forbidUnknownValues: false },
    },
    definition.references,
  );
}

/** The subgraph SDL of a level (what the gateway composes), built without a database. */
export async function levelSdl<Loaders>(definition: LevelServiceDefinition<Loaders>): Promise<string> {
  return printSubgraphSchema(await buildLevelSchema(definition, null));
}
