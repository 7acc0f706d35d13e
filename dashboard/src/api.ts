import {
  Client,
  fetchExchange,
  subscriptionExchange,
  type AnyVariables,
  type TypedDocumentNode,
} from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** The GraphQL endpoint on the page's own origin: the gateway serves the dashboard and the API on one port. */
const httpUrl = `${location.origin}/graphql`;
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/**
 * One socket for the whole page. No automatic retries: the live follower resubscribes itself, with the last
 * cursor it received as `after`, which graphql-ws's own retry (resending the first payload) could not do.
 */
export const socket: WsClient = createWsClient({
  url: wsUrl,
  lazy: true,
  lazyCloseTimeout: 30_000,
  retryAttempts: 0,
  keepAlive: 10_000,
  // No token on the socket: the feed is public, and a bad pasted token must not cost the page its live view.
});

/** Queries over HTTP POST, the subscription over the socket; no cache, so a view never shows a stale read. */
export const client = new Client({
  url: httpUrl,
  preferGetMethod: false,
  requestPolicy: 'network-only',
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => {
        const input = { ...request, query: request.query ?? '' };
        return { subscribe: (sink) => ({ unsubscribe: socket.subscribe(input, sink) }) };
      },
    }),
  ],
});

/** Runs a named query and returns its data, or throws with the first error's message. */
export async function read<T, V extends AnyVariables = AnyVariables>(
  query: TypedDocumentNode<T, V> | string,
  variables: V,
): Promise<T> {
  const result = await client.query<T, V>(query, variables).toPromise();
  if (result.error) throw new Error(result.error.message);
  if (!result.data) throw new Error('Máy chủ không trả dữ liệu');
  return result.data;
}

/** A write's answer: its data, or the first error's code, message and details (a network failure: no code). */
export type Written<T> =
  | { data: T; refusal?: undefined }
  | { data?: undefined; refusal: { code: string | null; message: string; details: Record<string, unknown> } };

/** Runs a named mutation with `token` as its bearer token; reads stay anonymous, so a bad token spoils no view. */
export async function write<T, V extends AnyVariables = AnyVariables>(
  mutation: string,
  variables: V,
  token: string,
): Promise<Written<T>> {
  const result = await client
    .mutation<T, V>(mutation, variables, { fetchOptions: { headers: { authorization: `Bearer ${token}` } } })
    .toPromise();
  const [first] = result.error?.graphQLErrors ?? [];
  if (first) {
    const { code, ...details } = first.extensions as { code?: string };
    return { refusal: { code: code ?? null, message: first.message, details } };
  }
  if (result.error || !result.data) {
    return { refusal: { code: null, message: result.error?.message ?? 'no data', details: {} } };
  }
  return { data: result.data };
}
