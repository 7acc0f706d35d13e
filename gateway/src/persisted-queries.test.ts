import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { useAutomaticPersistedQueries } from './persisted-queries';

type Params = { query?: string; extensions?: Record<string, unknown> };

/** Runs the plugin's onParams on `params`: the params it set, or the code of the error it threw. */
function run(plugin: ReturnType<typeof useAutomaticPersistedQueries>, params: Params): Params | string {
  let result = params;
  const onParams = plugin.onParams as unknown as (payload: {
    params: Params;
    setParams: (next: Params) => void;
  }) => void;
  try {
    onParams({ params, setParams: (next) => (result = next) });
  } catch (error) {
    return String((error as GraphQLError).extensions.code);
  }
  return result;
}

const register = (query: string): Params => ({
  query,
  extensions: {
    persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
  },
});
const byHash = (query: string): Params => ({ extensions: register(query).extensions });

describe('useAutomaticPersistedQueries', () => {
  it('forgets the least recently used document past its bound', () => {
    const plugin = useAutomaticPersistedQueries({ maxDocuments: 2, maxBytes: 1024 });
    for (const query of ['{ a }', '{ b }']) run(plugin, register(query));
    expect(run(plugin, byHash('{ a }'))).toEqual({ ...byHash('{ a }'), query: '{ a }' });
    run(plugin, register('{ c }'));
    expect([run(plugin, byHash('{ a }')), run(plugin, byHash('{ b }'))]).toEqual([
      { ...byHash('{ a }'), query: '{ a }' },
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });

  it('bounds the text it keeps, and leaves requests without the extension alone', () => {
    const plugin = useAutomaticPersistedQueries({ maxDocuments: 10, maxBytes: 8 });
    run(plugin, register('{ long_field_name }'));
    expect(run(plugin, byHash('{ long_field_name }'))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(run(plugin, { query: '{ a }' })).toEqual({ query: '{ a }' });
  });

  it('accepts the hash in upper case, as a hex digest may be written', () => {
    const plugin = useAutomaticPersistedQueries();
    run(plugin, register('{ a }'));
    const hash = createHash('sha256').update('{ a }').digest('hex').toUpperCase();
    expect(run(plugin, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toMatchObject({
      query: '{ a }',
    });
  });
});
