import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { execute } from '@graphql-tools/executor';
import { createSourceEventStream, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** Events of one subscription executed at once, at most (their results still leave in event order). */
export const CONCURRENT_EVENTS = 32;

/**
 * Executes the events of a subscription side by side, in place of the executor's one at a time. An event whose
 * selection needs other subgraphs (`task { content … }`) waits for their fetch; one at a time, a subscription to
 * every event of the country sustains one event per round trip and falls behind. Results are handed out in the
 * order the events came, so cursors stay in order.
 */
export function useConcurrentSubscriptionEvents(limit = CONCURRENT_EVENTS): GatewayPlugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(((args: ExecutionArgs) => subscribeConcurrently(args, limit)) as never);
    },
  };
}

async function subscribeConcurrently(
  args: ExecutionArgs,
  limit: number,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  return orderedMap(source[Symbol.asyncIterator](), limit, (payload) =>
    Promise.resolve(execute({ ...args, rootValue: payload }) as ExecutionResult | Promise<ExecutionResult>),
  );
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
