import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '@nq57/shared';
import { startHub, type HubHandle } from '../../scripts/src/hub';

/** A hub on free ports over a database of its own, and a GraphQL client for its gateway. */
export interface TestHub extends HubHandle {
  databaseUrl: string;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Creates a fresh database, starts the three subgraphs (seeded unless `seed` is false) and the gateway. */
export async function startTestHub(options: { seed?: boolean } = {}): Promise<TestHub> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: the global setup starts PostgreSQL');
  const name = `nq57_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  const databaseUrl = withDatabase(serverUrl, name);
  const hub = await startHub({ databaseUrl, seed: options.seed });
  return {
    ...hub,
    databaseUrl,
    query: (query, variables) => postGraphQL(hub.gateway.url, query, variables),
    close: async () => {
      await hub.stop();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** POSTs a GraphQL operation and returns the parsed response. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}
