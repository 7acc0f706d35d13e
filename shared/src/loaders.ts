import DataLoader from 'dataloader';

/**
 * A per-request loader of one row per key: `fetch` runs once per batch with all keys, and each key gets its
 * row or null. The SQL a query costs stays one statement per batch however many rows it returns.
 */
export function rowLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row] as const));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A per-request loader of many values per key (a one-to-many or many-to-many relation), batched like rowLoader:
 * `groupOf` says which key a fetched row belongs to, `valueOf` what the key gets from it (the row by default).
 */
export function groupLoader<K, R, V = R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  groupOf: (row: R) => K,
  valueOf: (row: R) => V = (row) => row as unknown as V,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await fetch(keys)) {
      const key = groupOf(row);
      const group = groups.get(key);
      if (group) group.push(valueOf(row));
      else groups.set(key, [valueOf(row)]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** One loader per distinct argument value (e.g. a provinceCode filter), created on first use in a request. */
export function loaderPerArgument<A, L>(create: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<A, L>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (!loader) {
      loader = create(argument);
      loaders.set(argument, loader);
    }
    return loader;
  };
}
