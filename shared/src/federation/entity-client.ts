import { ErrorCode, userError } from '../errors';

/** How to ask another subgraph about its entities (for checks a subgraph cannot make from its own tables). */
export interface EntityClient {
  /** Returns, in order, each entity's selected fields, or null where the subgraph knows no such entity. */
  fetch<T>(typename: string, ids: readonly string[], selection: string): Promise<(T | null)[]>;
}

/** An EntityClient that sends one `_entities` request to the subgraph at `url`. */
export function httpEntityClient(url: string, timeoutMs = 5000): EntityClient {
  return {
    async fetch<T>(typename: string, ids: readonly string[], selection: string): Promise<(T | null)[]> {
      if (ids.length === 0) return [];
      const query = `query EntityCheck($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on ${typename} { ${selection} } }
      }`;
      const representations = ids.map((id) => ({ __typename: typename, id }));
      const body = await post(url, { query, variables: { representations } }, timeoutMs);
      return body._entities.map((entity) =>
        entity && Object.keys(entity).length > 0 ? (entity as T) : null,
      );
    },
  };
}

async function post(
  url: string,
  payload: unknown,
  timeoutMs: number,
): Promise<{ _entities: (object | null)[] }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw userError(
      ErrorCode.UPSTREAM_UNAVAILABLE,
      `Cannot reach ${url} to check the linked tasks: ${String(error)}`,
    );
  }
  const json = (await response.json()) as { data?: { _entities: (object | null)[] }; errors?: unknown[] };
  if (!json.data || json.errors) {
    throw userError(ErrorCode.UPSTREAM_UNAVAILABLE, `Subgraph ${url} could not check the linked tasks`, {
      upstream: json.errors,
    });
  }
  return json.data;
}
