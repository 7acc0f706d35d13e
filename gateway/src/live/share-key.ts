import { getOperationAST, parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** What a graphql-ws `subscribe` message carries. */
export interface OperationParams {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * Every reader sees the same data: no field is filtered by who asks, and a connection that may not read is
 * refused at connection_init. So the permission part of a share key is one class for every subscriber. A field
 * whose answer depends on the caller would have to split this class (see docs/decisions/0005-live-fan-out.md).
 */
const READ_PERMISSION = 'reader';

/** Documents parsed to learn their operation type, by text: dashboards send the same few documents. */
const KINDS = new LRUCache<string, boolean>({ max: 1000 });

/**
 * The key under which identical subscriptions share one execution (same document, operation, variables,
 * extensions and permissions), or null when the operation is not a subscription or cannot be parsed here
 * (it then runs on its own, and the runtime answers with its usual errors).
 */
export function shareKeyOf(params: OperationParams, maxTokens: number | undefined): string | null {
  const { query } = params;
  if (typeof query !== 'string' || !isSubscription(query, params.operationName ?? null, maxTokens))
    return null;
  return stableJson([
    READ_PERMISSION,
    query,
    params.operationName ?? null,
    params.variables ?? null,
    params.extensions ?? null,
  ]);
}

/**
 * The key under which live subscriptions that differ only in their filter share one routed execution: the
 * document text, operation, the variables the routed execution keeps, extensions and permissions.
 */
export function routedShareKeyOf(params: OperationParams, variables: Record<string, unknown>): string {
  return stableJson([
    READ_PERMISSION,
    'routed',
    params.query ?? null,
    params.operationName ?? null,
    variables,
    params.extensions ?? null,
  ]);
}

function isSubscription(query: string, operationName: string | null, maxTokens: number | undefined): boolean {
  const cacheKey = `${operationName ?? ''}\u0000${query}`;
  const known = KINDS.get(cacheKey);
  if (known !== undefined) return known;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens });
  } catch {
    // Not cached: a document that does not parse is not shared, and the runtime explains why.
    return false;
  }
  const subscription = getOperationAST(document, operationName)?.operation === 'subscription';
  KINDS.set(cacheKey, subscription);
  return subscription;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` variables share one key. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
