import { randomUUID } from 'node:crypto';
import { TaskEventKind, TaskLevel, TaskStatus, appendTaskEvent } from '@nq57/shared';
import { useTestHub } from '../../../../test/support/hub';
import type { TaskEvent } from '../task-event/task-event.entity';
import { compileFilter } from '@nq57/shared/core';
import { EventFeed, type FeedListener } from './event-feed';

const hubOf = useTestHub({ seed: false });

/** Appends one event through another data source than the feed's, so the feed's statement count is its own. */
async function append(): Promise<number> {
  const seq = await appendTaskEvent(hubOf().provincial.dataSource.manager, {
    id: randomUUID(),
    actor: 'event-feed-test',
    level: TaskLevel.PROVINCIAL,
    taskId: randomUUID(),
    from: TaskStatus.NOT_STARTED,
    to: TaskStatus.IN_PROGRESS,
    fromProgress: 0,
    progress: 1,
    note: null,
    evidence: [],
    version: 2,
    provinceCode: '19',
    communeCode: null,
    directiveKeys: [],
    kind: TaskEventKind.STATUS,
    changes: [],
  });
  return Number(seq);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('EventFeed', () => {
  it('moves its head without reading while nobody listens, then delivers exactly what follows', async () => {
    const hub = hubOf();
    const feed = new EventFeed(hub.events.dataSource, hub.databaseUrl);
    await feed.start();
    try {
      const statements = hub.events.queries.total;
      const unheard = [await append(), await append(), await append()];
      await until(() => feed.lastSeq === unheard[2], 'the head to reach the last announced event');
      // The hub's own feed (same data source, no listener either) reads nothing as well.
      expect(hub.events.queries.total).toBe(statements);

      const received: number[] = [];
      const listener: FeedListener = {
        match: compileFilter({}),
        deliver: (events: readonly TaskEvent[]) => received.push(...events.map((event) => Number(event.seq))),
      };
      expect(feed.add(listener)).toBe(unheard[2]);
      const heard = [await append(), await append()];
      await until(() => received.length >= 2, 'the listener to receive both events');
      expect(received).toEqual(heard);
    } finally {
      await feed.stop();
    }
  });
});
