import type { IncomingMessage } from 'node:http';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ClassType, type NonEmptyArray } from 'type-graphql';
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

/** What the hub gives a service to make its resolvers with (the service adds its own, e.g. clients of others). */
export interface ResolverDeps {
  dataSource: DataSource;
}

/** How one subgraph (a level, or events) is put together; each service supplies its own parts. */
export interface SubgraphServiceDefinition<Loaders> {
  name: string;
  schema: string;
  entities: LevelDataSourceOptions['entities'];
  migrations: LevelDataSourceOptions['migrations'];
  /** The resolvers, made with what each needs; their classes (with their decorators) are the schema. */
  resolvers: (deps: ResolverDeps) => NonEmptyArray<object>;
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

/** Where and how to run a subgraph service. */
export interface SubgraphServiceOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Load the seed data when the database has none (default true). */
  seed?: boolean;
  /** How bearer tokens are verified (default: from the environment, see loadAuthConfig). */
  auth?: AuthConfig;
}

/** A running subgraph with its database handle and SQL statement counter. */
export interface SubgraphServiceHandle extends RunningServer {
  name: string;
  dataSource: DataSource;
  queries: QueryCounter;
}

/** Migrates, seeds, builds the federated schema and serves it; `stop()` releases the port and the pool. */
export async function startSubgraphService<Loaders>(
  definition: SubgraphServiceDefinition<Loaders>,
  options: SubgraphServiceOptions,
): Promise<SubgraphServiceHandle> {
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
    const schema = await buildServiceSchema(definition, dataSource);
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
        return withLazyLoaders({ ...extra?.context, identity, actor: identity?.subject ?? 'anonymous' }, () =>
          definition.createLoaders(dataSource),
        );
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

/** Where a context made by `withLazyLoaders` keeps how to make its loaders, and them once made. */
const LOADERS = Symbol('nq57.loaders');

interface LoaderSlot {
  create: () => unknown;
  made?: unknown;
}

// The getter lives on the prototype and the slot in a symbol-keyed own property: Apollo Server clones the context
// of every operation with Object.assign onto Object.create(prototype), which would call an own getter (making
// the loaders anyway) but copies the slot, so a clone and its original share one set of loaders, as before.
const LAZY_LOADERS_PROTOTYPE = Object.defineProperty({}, 'loaders', {
  get(this: { [LOADERS]: LoaderSlot }): unknown {
    const slot = this[LOADERS];
    if (!('made' in slot)) slot.made = slot.create();
    return slot.made;
  },
  enumerable: false,
});

/**
 * `context` (copied) with a `loaders` property that makes the request's loaders on first read, once: a status
 * report's mutation reads none, and making every loader of a level (a score of DataLoaders and raw readers) was
 * 4 to 6 % of the provincial subgraph's busy time under write load. Each request still gets loaders of its own.
 */
export function withLazyLoaders<Loaders, T extends object>(
  context: T,
  create: () => Loaders,
): T & { loaders: Loaders } {
  const slot: LoaderSlot = { create };
  const lazy: object = Object.assign(Object.create(LAZY_LOADERS_PROTOTYPE) as object, context, {
    [LOADERS]: slot,
  });
  return lazy as T & { loaders: Loaders };
}

// What type-graphql's own validation passes class-validator for `validate: { forbidUnknownValues: false }`.
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

/**
 * Validates a resolver argument with its class-validator decorators, as type-graphql's built-in validation
 * does with VALIDATOR_OPTIONS (objects and each object of a list; BAD_USER_INPUT with `validationErrors`).
 * Given as `validateFn`, because the built-in one calls `require('class-validator')` again on every argument.
 */
export async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const items: object[] = Array.isArray(value) ? value.filter(isObject) : [value];
  try {
    await Promise.all(items.map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

// Printing the SDL makes the resolvers (their classes are the schema) but runs none of them: a data source that
// refuses every use would say so at once should a resolver's constructor ever start using it.
const NO_DATABASE = new Proxy(
  {},
  {
    get: (_target, key) => {
      throw new Error(`No database while the schema is only printed (read ${String(key)})`);
    },
  },
) as DataSource;

/** Builds a service's federated schema; without `dataSource` its resolvers can be printed but not run. */
export function buildServiceSchema<Loaders>(
  definition: SubgraphServiceDefinition<Loaders>,
  dataSource: DataSource | null,
): Promise<GraphQLSchema> {
  const resolvers = definition.resolvers({ dataSource: dataSource ?? NO_DATABASE });
  const instances = new Map<unknown, object>(resolvers.map((resolver) => [resolver.constructor, resolver]));
  return buildFederatedSchema(
    {
      resolvers: resolvers.map((resolver) => resolver.constructor as ClassType) as NonEmptyArray<ClassType>,
      orphanedTypes: definition.orphanedTypes,
      container: { get: (someClass) => instances.get(someClass) },
      validateFn: validateArgument,
    },
    definition.references,
  );
}

/** The SDL of a subgraph (what the gateway composes), built without a database. */
export async function subgraphSdl<Loaders>(definition: SubgraphServiceDefinition<Loaders>): Promise<string> {
  return printSubgraphSchema(await buildServiceSchema(definition, null));
}
