import { parse } from 'graphql';
import { orderedMap, variablesBeyondRootArguments } from './concurrent-events';

/** A source of `count` numbers, each available at once, that records whether it was returned. */
function numbers(count: number): AsyncIterator<number> & { returned: boolean } {
  let next = 0;
  const source = {
    returned: false,
    next: async (): Promise<IteratorResult<number>> =>
      next < count ? { done: false, value: next++ } : { done: true, value: undefined },
    return: async (): Promise<IteratorResult<number>> => {
      source.returned = true;
      return { done: true, value: undefined };
    },
  };
  return source;
}

describe('orderedMap', () => {
  it('maps up to the limit at once and hands results out in source order', async () => {
    let running = 0;
    let most = 0;
    // Later values finish first: only order-keeping puts them back in source order.
    const mapped = orderedMap(numbers(20), 8, async (value) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 40 - 2 * value));
      running--;
      return value * 10;
    });
    const results: number[] = [];
    for await (const value of mapped) results.push(value);
    expect([results, most]).toEqual([Array.from({ length: 20 }, (_unused, index) => index * 10), 8]);
  });

  it('passes on a failed map in its place, and returns the source when the reader leaves', async () => {
    const source = numbers(10);
    const mapped = orderedMap(source, 4, async (value) => {
      if (value === 2) throw new Error('fetch failed');
      return value;
    });
    const first = [await mapped.next(), await mapped.next()];
    const failed = await mapped.next().then(
      () => 'no error',
      (error: Error) => error.message,
    );
    await mapped.return?.();
    expect([first, failed, source.returned, await mapped.next()]).toEqual([
      [
        { done: false, value: 0 },
        { done: false, value: 1 },
      ],
      'fetch failed',
      true,
      { done: true, value: undefined },
    ]);
  });
});

describe('variablesBeyondRootArguments', () => {
  it('leaves out the variables of the root field arguments, and keeps those used anywhere else', () => {
    const document = parse(`
      subscription Live($filter: TaskEventFilter, $after: String, $withNote: Boolean!, $first: Int) {
        taskStatusChanged(filter: $filter, after: $after) {
          cursor
          note @include(if: $withNote)
          task { ...History }
        }
      }
      fragment History on CentralTask { history(first: $first) { endCursor } }
    `);
    expect([
      variablesBeyondRootArguments(document, 'Live'),
      variablesBeyondRootArguments(document, 'Nope'),
    ]).toEqual([['first', 'withNote'], null]);
  });
});
