import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** How many documents automatic persisted queries remember, at most, and how many bytes of text. */
export interface PersistedQueryOptions {
  maxDocuments: number;
  maxBytes: number;
}

export const DEFAULT_PERSISTED_QUERIES: PersistedQueryOptions = {
  maxDocuments: 5000,
  maxBytes: 32 * 1024 * 1024,
};

/** The Apollo protocol's extension: `{ persistedQuery: { version: 1, sha256Hash } }`. */
function hashOf(extensions: unknown): string | null {
  const persisted = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null)
    ?.persistedQuery;
  if (persisted === undefined || persisted === null) return null;
  if (persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') {
    throw persistedQueryError('PersistedQueryNotSupported', 'PERSISTED_QUERY_NOT_SUPPORTED', 400);
  }
  return persisted.sha256Hash.toLowerCase();
}

function persistedQueryError(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * Automatic persisted queries (the protocol of Apollo's PersistedQueryLink and urql's persisted exchange): a
 * request holding only `extensions.persistedQuery.sha256Hash` runs the document registered under that hash, or
 * is answered `PersistedQueryNotFound` (HTTP 200, so the client sends the whole document with its hash); a
 * document sent with its hash is checked against it (`PERSISTED_QUERY_HASH_MISMATCH`) and remembered. The
 * runtime's own persisted documents are a fixed allow-list of trusted documents, not this registration
 * protocol, and Yoga's APQ plugin takes @graphql-tools/utils 10 where the runtime runs 12, hence this plugin.
 * Memory is bounded (least recently used documents are forgotten: a client then simply registers again).
 */
export function useAutomaticPersistedQueries(
  options: PersistedQueryOptions = DEFAULT_PERSISTED_QUERIES,
): GatewayPlugin {
  const documents = new LRUCache<string, string>({
    max: options.maxDocuments,
    maxSize: options.maxBytes,
    sizeCalculation: (text) => Math.max(1, Buffer.byteLength(text)),
  });
  return {
    onParams({ params, setParams }) {
      const hash = hashOf(params.extensions);
      if (hash === null) return;
      if (typeof params.query === 'string') {
        if (createHash('sha256').update(params.query).digest('hex') !== hash) {
          throw persistedQueryError(
            'The document does not match its sha256Hash.',
            'PERSISTED_QUERY_HASH_MISMATCH',
            400,
          );
        }
        documents.set(hash, params.query);
        return;
      }
      const query = documents.get(hash);
      if (query === undefined) {
        throw persistedQueryError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND', 200);
      }
      setParams({ ...params, query });
    },
  };
}
