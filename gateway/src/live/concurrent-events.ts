import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { execute } from '@graphql-tools/executor';
import {
  createSourceEventStream,
  getOperationAST,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { SHARED_EXECUTION } from './share-options';

/**
 * Events of one subscription executed at once, at most (their results still leave in event order). A routed
 * execution (routed-operation.ts) carries every filter of its document, so its events come at the whole
 * country's rate; each waits for its entity fetches (two round trips, 100-150 ms while the levels take 200
 * reports a second), and 32 at once sustained about the rate itself, so a cold start fell seconds behind.
 */
export const CONCURRENT_EVENTS = 256;

/**
 * Executes the events of a subscription side by side, in place of the executor's one at a time. An event whose
 * selection needs other subgraphs (`task { content … }`) waits for their fetch; one at a time, a subscription to
 * every event of the country sustains one event per round trip and falls behind. Results are handed out in the
 * order the events came, so cursors stay in order.
 */
export function useConcurrentSubscriptionEvents(
  events = new EventResults(),
  limit = CONCURRENT_EVENTS,
): GatewayPlugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(((args: ExecutionArgs) => subscribeConcurrently(args, limit, events)) as never);
    },
  };
}

async function subscribeConcurrently(
  args: ExecutionArgs,
  limit: number,
  events: EventResults,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  return orderedMap(source[Symbol.asyncIterator](), limit, (payload) => events.execute(args, payload));
}

/** How long the result of an event stays shared with the other executions of the same document. */
export const EVENT_RESULT_TTL_MS = 5000;

/**
 * Results of events, shared between shared executions of one document whose variables differ only in the
 * subscription field's own arguments (`filter`, `after`). Those choose which events a subscription gets, not
 * what an event's payload is: a province's dashboards and the nation's, sent the same document, need each
 * event executed once, with its fetches from other subgraphs, not once per filter. Only executions marked
 * SHARED_EXECUTION (no caller's token, one permission class) share; the key holds the document, the variables
 * used anywhere else, and the event as it came from upstream.
 */
export class EventResults {
  private readonly results = new Map<string, { result: Promise<ExecutionResult>; until: number }>();
  private readonly documents = new WeakMap<DocumentNode, { id: number; beyondRoot: string[] }>();
  private nextDocument = 0;
  private runs = 0;

  /** The result of executing `args` with `payload` as root: shared when a twin execution already made it. */
  execute(args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> {
    const run = (): Promise<ExecutionResult> => {
      this.runs++;
      return Promise.resolve(
        execute({ ...args, rootValue: payload }) as ExecutionResult | Promise<ExecutionResult>,
      );
    };
    const key = this.keyOf(args, payload);
    if (key === null) return run();
    const now = Date.now();
    const known = this.results.get(key);
    if (known && known.until > now) return known.result;
    this.forgetExpired(now);
    const result = run();
    this.results.set(key, { result, until: now + EVENT_RESULT_TTL_MS });
    return result;
  }

  /** Events executed so far (a shared result counts once), for health checks and tests. */
  get executions(): number {
    return this.runs;
  }

  private keyOf(args: ExecutionArgs, payload: unknown): string | null {
    if ((args.contextValue as { [SHARED_EXECUTION]?: boolean } | undefined)?.[SHARED_EXECUTION] !== true) {
      return null;
    }
    const document = this.documentOf(args.document, args.operationName ?? undefined);
    if (!document) return null;
    const variables = args.variableValues ?? {};
    const used = document.beyondRoot.map((name) => [name, variables[name] ?? null]);
    return JSON.stringify([document.id, args.operationName ?? null, used, payload]);
  }

  private documentOf(document: DocumentNode, operationName: string | undefined) {
    let known = this.documents.get(document);
    if (!known) {
      const beyondRoot = variablesBeyondRootArguments(document, operationName);
      if (!beyondRoot) return null;
      known = { id: this.nextDocument++, beyondRoot };
      this.documents.set(document, known);
    }
    return known;
  }

  private forgetExpired(now: number): void {
    // Insertion order is expiry order: stop at the first result still valid.
    for (const [key, entry] of this.results) {
      if (entry.until > now) return;
      this.results.delete(key);
    }
  }
}

/**
 * The variables a subscription uses anywhere but in the arguments of its root fields (in selections,
 * directives and fragments), sorted; null when the operation cannot be found.
 */
export function variablesBeyondRootArguments(
  document: DocumentNode,
  operationName: string | undefined,
): string[] | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const names = new Set<string>();
  const collect = (node: ASTNode): void => {
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  };
  for (const directive of operation.directives ?? []) collect(directive);
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      collect(selection);
      continue;
    }
    for (const directive of selection.directives ?? []) collect(directive);
    if (selection.selectionSet) collect(selection.selectionSet);
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) collect(definition);
  }
  return [...names].sort();
}

/**
 * `source` mapped by `map`, up to `limit` maps running at once, results in source order. Pulls ahead only while
 * fewer than `limit` maps run and fewer than `limit` results wait to be taken, so a slow reader holds back the
 * source instead of a queue growing.
 */
export function orderedMap<T, R>(
  source: AsyncIterator<T>,
  limit: number,
  map: (value: T) => Promise<R>,
): AsyncIterableIterator<R> {
  const ready: Promise<IteratorResult<R>>[] = [];
  const takers: ((result: Promise<IteratorResult<R>>) => void)[] = [];
  let pulling = false;
  let ended = false;
  let running = 0;
  const hand = (result: Promise<IteratorResult<R>>): void => {
    result.catch(() => undefined);
    const taker = takers.shift();
    if (taker) taker(result);
    else ready.push(result);
  };
  const pull = async (): Promise<void> => {
    if (pulling) return;
    pulling = true;
    try {
      while (!ended && running < limit && ready.length < limit) {
        const step = await source.next();
        if (ended) return;
        if (step.done) {
          ended = true;
          hand(Promise.resolve({ done: true, value: undefined }));
          return;
        }
        running++;
        const mapped = map(step.value).finally(() => {
          running--;
          void pull();
        });
        hand(mapped.then((value) => ({ done: false, value })));
      }
    } catch (error) {
      ended = true;
      hand(Promise.reject(error));
    } finally {
      pulling = false;
    }
  };
  const iterator: AsyncIterableIterator<R> = {
    next() {
      const result = ready.shift();
      void pull();
      if (result) return result;
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise<IteratorResult<R>>((resolve) => takers.push(resolve)).then((result) => result);
    },
    async return() {
      ended = true;
      ready.length = 0;
      for (const taker of takers.splice(0)) taker(Promise.resolve({ done: true, value: undefined }));
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  void pull();
  return iterator;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as Partial<AsyncIterable<unknown>>)?.[Symbol.asyncIterator] === 'function';
}
