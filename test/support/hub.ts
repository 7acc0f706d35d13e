import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase, type SubgraphServiceHandle } from '@nq57/shared';
import { startHub, type HubHandle } from '../../scripts/src/hub';
import { adminToken } from './tokens';

/** A hub on free ports over a database of its own, and a GraphQL client for its gateway. */
export interface TestHub extends HubHandle {
  /** The database the hub runs on; pass it as `database` to start another hub over the same data. */
  databaseName: string;
  databaseUrl: string;
  /** Sends an operation to the gateway with the admin's token, or with `token` (null: none). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResult<T>>;
  /** Stops the subgraphs and the gateway and keeps the database; calling it again does nothing. */
  stop(): Promise<void>;
  /** Stops the hub (unless stopped already) and drops its database. */
  close(): Promise<void>;
}

/** How to start a test hub. */
export interface TestHubOptions {
  /** Load the seed data (default true). */
  seed?: boolean;
  /** Run over this existing database (e.g. another hub's `databaseName`) instead of a fresh one. */
  database?: string;
}

/** A GraphQL response as sent over HTTP. */
export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Starts the three subgraphs (seeded unless `seed` is false) and the gateway, over `database` or a fresh one. */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: the global setup starts PostgreSQL');
  const name = options.database ?? `nq57_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  const databaseUrl = withDatabase(serverUrl, name);
  let hub: HubHandle;
  try {
    hub = await startHub({ databaseUrl, seed: options.seed });
  } catch (error) {
    // A database made for this hub alone would otherwise outlive the failed start.
    if (options.database === undefined) await dropDatabase(serverUrl, name);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= hub.stop());
  return {
    ...hub,
    databaseName: name,
    databaseUrl,
    query: async (query, variables, token) =>
      postGraphQL(hub.gateway.url, query, variables, token === undefined ? await adminToken() : token),
    stop,
    close: async () => {
      await stop();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** Starts a test hub before the file's tests and closes it after them; the accessor throws outside them. */
export function useTestHub(options: TestHubOptions = {}): () => TestHub {
  let hub: TestHub | undefined;
  beforeAll(async () => {
    hub = await startTestHub(options);
  });
  afterAll(async () => {
    const closing = hub;
    hub = undefined;
    await closing?.close();
  });
  return () => {
    if (!hub) throw new Error('The test hub runs only between beforeAll and afterAll');
    return hub;
  };
}

/** Every subgraph the hub runs over the database (a subgraph added to the hub later is included). */
export function subgraphsOf(hub: HubHandle): SubgraphServiceHandle[] {
  return Object.values(hub).filter(
    (value): value is SubgraphServiceHandle =>
      typeof value === 'object' && value !== null && 'dataSource' in value && 'queries' in value,
  );
}

/** The SQL statements every subgraph of the hub has run so far, summed (take differences to count a request's). */
export function statementsSoFar(hub: HubHandle): number {
  return subgraphsOf(hub).reduce((sum, subgraph) => sum + subgraph.queries.total, 0);
}

/** POSTs a GraphQL operation, with a bearer token when one is given, and returns the parsed response. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}
