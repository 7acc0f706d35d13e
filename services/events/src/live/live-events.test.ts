import { TaskLevel, TaskStatus } from '@nq57/shared';
import type { TaskEvent } from '../task-event/task-event.entity';
import { compileFilter } from '@nq57/shared/core';
import type { FeedListener } from './event-feed';
import { MAX_BACKLOG, liveEvents, type LiveSource } from './live-events';

function event(seq: number, provinceCode = '19'): TaskEvent {
  return {
    seq,
    provinceCode,
    communeCode: null,
    directiveKeys: [],
    level: TaskLevel.PROVINCIAL,
    taskId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    to: TaskStatus.IN_PROGRESS,
  } as unknown as TaskEvent;
}

/** A feed whose head and deliveries the test controls: the subscriber logic, without a database. */
type FakeFeed = LiveSource & { listeners: Set<FeedListener>; push(...events: TaskEvent[]): void };

function fakeFeed(head: number): FakeFeed {
  const listeners = new Set<FeedListener>();
  return {
    listeners,
    add: (listener) => {
      listeners.add(listener);
      return head;
    },
    remove: (listener) => void listeners.delete(listener),
    push: (...events) => listeners.forEach((listener) => listener.deliver(events)),
  };
}

async function take(iterator: AsyncIterator<TaskEvent>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  while (seqs.length < count) seqs.push(((await iterator.next()).value as TaskEvent).seq);
  return seqs;
}

describe('liveEvents', () => {
  it('replays after the cursor, then goes live, dropping events both paths saw', async () => {
    const log = [1, 2, 3, 4, 5, 6].map((seq) => event(seq));
    const feed = fakeFeed(4);
    const replayed: number[][] = [];
    const stream = liveEvents(
      feed,
      async (_match, after, limit) => {
        // Events 5 and 6 commit while the replay reads: the feed hands them over too.
        feed.push(log[4], log[5]);
        const page = log.filter((e) => e.seq > after).slice(0, limit);
        replayed.push(page.map((e) => e.seq));
        return page;
      },
      compileFilter({}),
      2,
    );
    const first = await take(stream, 4);
    feed.push(event(7));
    expect([first, await take(stream, 1), replayed]).toEqual([[3, 4, 5, 6], [7], [[3, 4, 5, 6]]]);
  });

  it('without a cursor starts at the feed head and skips what does not match', async () => {
    const feed = fakeFeed(10);
    const stream = liveEvents(feed, async () => [], compileFilter({ provinceCode: '19' }), null);
    feed.push(event(9), event(11, '56'), event(12));
    expect(await take(stream, 1)).toEqual([12]);
  });

  it('leaves the feed when the consumer stops', async () => {
    const feed = fakeFeed(0);
    const stream = liveEvents(feed, async () => [], compileFilter({}), null);
    expect(feed.listeners.size).toBe(1);
    await stream.return?.();
    expect([feed.listeners.size, await stream.next()]).toEqual([0, { done: true, value: undefined }]);
  });

  it('ends a subscriber that falls too far behind with SLOW_CONSUMER and leaves the feed', async () => {
    const feed = fakeFeed(0);
    const stream = liveEvents(feed, async () => [], compileFilter({}), null);
    feed.push(...Array.from({ length: MAX_BACKLOG + 1 }, (_v, index) => event(index + 1)));
    expect(feed.listeners.size).toBe(0);
    await expect(stream.next()).rejects.toMatchObject({ extensions: { code: 'SLOW_CONSUMER' } });
  });
});
