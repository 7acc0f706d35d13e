import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EVENT_CHANNEL } from '@nq57/shared';
import { TaskEvent } from '../task-event/task-event.entity';
import { ListenerIndex, type EventMatch } from '@nq57/shared/core';

/** Someone the feed hands the committed events that pass its filter, in sequence order. */
export interface FeedListener {
  readonly match: EventMatch;
  deliver(events: readonly TaskEvent[]): void;
}

const BATCH = 500;
const MAX_RETRY_MS = 5000;

/**
 * One LISTEN connection per process, shared by every subscriber: a notification wakes one read of the
 * events after the last one seen, which is then handed to each listener. Reads resume from the last sequence
 * seen after a lost connection, so a dropped notification delays events but never loses them. With no
 * listener a notification moves the head without reading: nobody would receive what a read returns.
 */
export class EventFeed {
  private readonly listeners = new ListenerIndex<FeedListener>();
  private client: Client | null = null;
  private head = 0;
  private headKnown = false;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
  ) {}

  /** Starts listening; resolves once notifications are flowing and the head is known. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The last sequence number handed to listeners. */
  get lastSeq(): number {
    return this.head;
  }

  /** Adds a listener; it gets every event after the returned sequence number that passes its filter. */
  add(listener: FeedListener): number {
    this.listeners.add(listener);
    return this.head;
  }

  /** Removes a listener; it gets nothing more. */
  remove(listener: FeedListener): void {
    this.listeners.remove(listener);
  }

  /** What the feed holds now, for health checks and leak tests. */
  stats(): { listeners: number; listening: boolean; lastSeq: number } {
    return { listeners: this.listeners.size, listening: this.client !== null, lastSeq: this.head };
  }

  /** Stops listening and drops every listener. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.reading;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'nq57-events-listen' });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    client.on('notification', (message) => this.announced(message.payload));
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.client = client;
    // Listening before reading the head: an event committed in between is announced, not missed.
    if (this.headKnown) return this.read();
    this.head = await this.maxSeq();
    this.headKnown = true;
  }

  private reconnect(client: Client, delayMs = 100): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    const attempt = (): void => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.connect().catch(() => {
        this.retryTimer = setTimeout(attempt, Math.min(delayMs * 2, MAX_RETRY_MS));
      });
    };
    this.retryTimer = setTimeout(attempt, delayMs);
  }

  /**
   * A committed event was announced with its sequence number. With no listener and no read under way there is
   * nothing to deliver, so the head moves to that number instead of reading: every event up to it has
   * committed (the append lock orders commits by number, see appendTaskEvent), so a listener that joins next
   * gets exactly the events after it, as after a read. Under write load with no subscriber this saves the
   * events subgraph and PostgreSQL one read per report (docs/decisions/0006-write-path.md).
   */
  private announced(payload: string | undefined): void {
    const seq = Number(payload);
    if (this.listeners.size === 0 && !this.reading && this.headKnown && Number.isSafeInteger(seq)) {
      if (seq > this.head) this.head = seq;
      return;
    }
    this.read();
  }

  private read(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readAll()
      .catch((error: unknown) => console.error('[events] reading the event log failed:', error))
      .finally(() => {
        this.reading = null;
        if (this.readAgain && !this.stopped) {
          this.readAgain = false;
          this.read();
        }
      });
  }

  private async readAll(): Promise<void> {
    for (;;) {
      const events = await this.dataSource
        .getRepository(TaskEvent)
        .createQueryBuilder('e')
        .where('e.seq > :head', { head: this.head })
        .orderBy('e.seq', 'ASC')
        .limit(BATCH)
        .getMany();
      if (events.length === 0 || this.stopped) return;
      this.head = events[events.length - 1].seq;
      this.deliver(events);
      if (events.length < BATCH) return;
    }
  }

  /** Hands each listener, in one call, the events of the batch that pass its filter, found by the index. */
  private deliver(events: readonly TaskEvent[]): void {
    const batches = new Map<FeedListener, TaskEvent[]>();
    for (const event of events) {
      for (const listener of this.listeners.matching(event)) {
        const batch = batches.get(listener);
        if (batch) batch.push(event);
        else batches.set(listener, [event]);
      }
    }
    for (const [listener, batch] of batches) listener.deliver(batch);
  }

  private async maxSeq(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT coalesce(max(seq), 0) AS seq FROM task_event')) as {
      seq: string;
    }[];
    return Number(row.seq);
  }
}
