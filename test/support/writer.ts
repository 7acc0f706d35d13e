import { postGraphQL } from './hub';
import { adminToken } from './tokens';

/** A task a writer reports on, and the subgraph or gateway URL it reports through. */
export interface WriterTarget {
  id: string;
  mutation: 'updateCentralTaskStatus' | 'updateProvincialTaskStatus' | 'updateCommuneTaskStatus';
}

/** Progress reports written one after another, round-robin over tasks, while the test does other things. */
export interface Writer {
  /** Reports committed so far. */
  committed(): number;
  /** Resolves with the number committed once `total` reports are in. */
  done: Promise<number>;
}

/**
 * Writes `total` progress reports, alternating over `targets`, through whichever URL `urlFor` names for each
 * report; a report refused because a server is down is retried until it is accepted.
 */
export function startWriter(
  targets: WriterTarget[],
  total: number,
  urlFor: (index: number) => string,
  pauseMs = 20,
): Writer {
  const versions = new Map<string, number>();
  let committed = 0;
  const done = (async () => {
    const token = await adminToken();
    while (committed < total) {
      const target = targets[committed % targets.length];
      const expectedVersion = versions.get(target.id) ?? 1;
      const result = await postGraphQL<Record<string, { task: { version: number } }>>(
        urlFor(committed),
        `mutation Progress($input: TaskStatusInput!) { ${target.mutation}(input: $input) { task { version } } }`,
        {
          input: {
            id: target.id,
            status: 'IN_PROGRESS',
            progress: Math.min(99, expectedVersion),
            expectedVersion,
            idempotencyKey: `writer-${target.id}-${expectedVersion}`,
          },
        },
        token,
      ).catch(() => null);
      const version = result?.data?.[target.mutation]?.task.version;
      if (version) {
        versions.set(target.id, version);
        committed += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return committed;
  })();
  return { committed: () => committed, done };
}
