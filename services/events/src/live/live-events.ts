import { ErrorCode, userError } from '@nq57/shared';
import type { TaskEvent } from '../task-event/task-event.entity';
import { matches, type EventMatch } from '@nq57/shared/core';
import type { FeedListener } from './event-feed';

/** Where live events come from (the process's EventFeed): join to get events after the returned sequence. */
export interface LiveSource {
  add(listener: FeedListener): number;
  remove(listener: FeedListener): void;
}

/** Reads committed events matching a filter with sequence numbers after `afterSeq`, oldest first. */
export type ReplayPage = (match: EventMatch, afterSeq: number, limit: number) => Promise<TaskEvent[]>;

const REPLAY_PAGE = 200;
/** Events a subscriber may fall behind by before it is told to resume from its last cursor. */
export const MAX_BACKLOG = 10_000;

/**
 * The events one subscriber receives: first, when `afterSeq` is given, every matching event committed after
 * it (read from the log page by page), then live ones from the feed; in sequence order, none twice, none
 * skipped. The subscriber joins the feed before replaying, and events already replayed are dropped.
 */
export function liveEvents(
  feed: LiveSource,
  replay: ReplayPage,
  match: EventMatch,
  afterSeq: number | null,
): AsyncIterableIterator<TaskEvent> {
  return new LiveEvents(feed, replay, match, afterSeq);
}

class LiveEvents implements AsyncIterableIterator<TaskEvent>, FeedListener {
  private readonly queue: TaskEvent[] = [];
  private replayed: TaskEvent[] = [];
  private replaying: boolean;
  private delivered: number;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private closed = false;

  constructor(
    private readonly feed: LiveSource,
    private readonly replay: ReplayPage,
    readonly match: EventMatch,
    afterSeq: number | null,
  ) {
    const head = feed.add(this);
    this.delivered = afterSeq ?? head;
    this.replaying = afterSeq !== null;
  }

  deliver(events: readonly TaskEvent[]): void {
    for (const event of events) if (matches(this.match, event)) this.queue.push(event);
    if (this.queue.length > MAX_BACKLOG) {
      this.failure = userError(
        ErrorCode.SLOW_CONSUMER,
        'This subscriber fell too far behind; subscribe again with `after` set to the last cursor received',
      );
      this.feed.remove(this);
      this.queue.length = 0;
    }
    this.wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TaskEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<TaskEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const event = await this.nextEvent();
      if (event) {
        this.delivered = event.seq;
        return { done: false, value: event };
      }
      if (this.failure) throw this.failure;
      // Events may have arrived while this call awaited: wait only when nothing is pending.
      if (this.queue.length > 0 || this.replayed.length > 0 || this.replaying) continue;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  async return(): Promise<IteratorResult<TaskEvent>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<TaskEvent>> {
    this.close();
    throw error;
  }

  private close(): void {
    this.closed = true;
    this.feed.remove(this);
    this.queue.length = 0;
    this.replayed = [];
    this.wake?.();
  }

  /** The next event to hand out, replayed ones first; undefined when there is none yet. */
  private async nextEvent(): Promise<TaskEvent | undefined> {
    if (this.replayed.length === 0 && this.replaying) {
      this.replayed = await this.replay(this.match, this.delivered, REPLAY_PAGE);
      if (this.replayed.length < REPLAY_PAGE) this.replaying = false;
    }
    return this.replayed.shift() ?? this.nextLive();
  }

  private nextLive(): TaskEvent | undefined {
    while (this.queue.length > 0) {
      const event = this.queue.shift() as TaskEvent;
      if (event.seq > this.delivered) return event;
    }
    return undefined;
  }
}
