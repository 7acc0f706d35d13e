import type { Client } from 'graphql-ws';
import { openSubscriber, seqOfCursor, type Failures } from './live-subscribers';
import { subscriptionDocument, type NationalSubscriber } from './national-mix';
import { addToDigest, emptyDigest, type Received } from './national-oracle';

interface LiveEvent {
  cursor: string;
  at: string;
}

/** Every first delivery of a run, in arrival order: which event, when it arrived, and the event's `at`. */
export interface Deliveries {
  count: number;
  seqs: Float64Array;
  /** Arrival time, epoch ms with a fractional part (performance.timeOrigin + performance.now()). */
  receivedAt: Float64Array;
  /** The event's `at`, epoch ms. */
  at: Float64Array;
  /** Which subscriber (index in the mix) received it. */
  subscriber: Uint32Array;
}

/** What the subscribers received during the measured run. */
export interface NationalRecording {
  /** Events with a sequence number up to this one were committed before the run. */
  fromSeq: number;
  received: Received[];
  lasts: Float64Array;
  /** Events of before the run (probes) that arrived during it. */
  stale: number;
  deliveries: Deliveries;
  /** First deliveries counted in the digests, over every subscriber. */
  delivered: number;
  lastDeliveryAt: number;
}

/** The current time as epoch milliseconds with sub-millisecond resolution. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The national subscribers, each on its own graphql-ws connection to the gateway. */
export class NationalPool {
  private readonly clients: Client[] = [];
  private recording: NationalRecording | null = null;
  private seenAfter = Infinity;
  private seen = new Uint8Array(0);
  private closing = false;
  readonly failures: Failures = new Map();

  constructor(
    private readonly wsUrl: string,
    private readonly mix: readonly NationalSubscriber[],
  ) {}

  /** How many subscribers are open. */
  get size(): number {
    return this.clients.length;
  }

  /** Opens every subscriber of the mix, `batch` at a time; resolves with how many connections were acknowledged. */
  async open(batch: number): Promise<number> {
    let opened = 0;
    for (let start = 0; start < this.mix.length; start += batch) {
      const group = this.mix.slice(start, start + batch).map((_, i) => this.openOne(start + i));
      const results = await Promise.allSettled(group);
      opened += results.filter((result) => result.status === 'fulfilled').length;
      if (opened < start + group.length) break;
    }
    return opened;
  }

  /** Starts marking which subscribers receive any event after sequence `seq` (readiness probes). */
  watchAfter(seq: number): void {
    this.seenAfter = seq;
    this.seen = new Uint8Array(this.clients.length);
  }

  /** Whether subscriber `index` has received an event after the `watchAfter` sequence number. */
  hasSeen(index: number): boolean {
    return this.seen[index] === 1;
  }

  /** Starts recording deliveries of events after `fromSeq`, room for `capacity` of them (more are dropped). */
  record(fromSeq: number, capacity: number): NationalRecording {
    const n = this.clients.length;
    this.recording = {
      fromSeq,
      received: Array.from({ length: n }, () => ({ digest: emptyDigest(), repeatedOrLate: 0 })),
      lasts: new Float64Array(n).fill(fromSeq),
      stale: 0,
      deliveries: {
        count: 0,
        seqs: new Float64Array(capacity),
        receivedAt: new Float64Array(capacity),
        at: new Float64Array(capacity),
        subscriber: new Uint32Array(capacity),
      },
      delivered: 0,
      lastDeliveryAt: 0,
    };
    return this.recording;
  }

  /** Closes every subscriber, `batch` at a time; the pool cannot be used afterwards. */
  async close(batch: number): Promise<void> {
    this.closing = true;
    while (this.clients.length > 0) {
      await Promise.all(this.clients.splice(0, batch).map((client) => client.dispose()));
    }
    this.recording = null;
  }

  private openOne(index: number): Promise<void> {
    const subscriber = this.mix[index];
    const { client, opened } = openSubscriber(
      this.wsUrl,
      { query: subscriptionDocument(subscriber.cross), variables: { filter: subscriber.filter } },
      {
        closing: () => this.closing,
        fail: (reason) => this.fail(reason),
        receive: (event) => this.receive(index, event),
      },
    );
    this.clients[index] = client;
    return opened;
  }

  private receive(index: number, event: LiveEvent): void {
    const receivedAt = nowMs();
    const seq = seqOfCursor(event.cursor);
    if (seq > this.seenAfter) this.seen[index] = 1;
    const recording = this.recording;
    if (!recording) return;
    if (seq <= recording.fromSeq) {
      recording.stale++;
      return;
    }
    const got = recording.received[index];
    if (seq <= recording.lasts[index]) {
      got.repeatedOrLate++;
      return;
    }
    addToDigest(got.digest, seq);
    recording.lasts[index] = seq;
    recording.delivered++;
    recording.lastDeliveryAt = receivedAt;
    const deliveries = recording.deliveries;
    if (deliveries.count < deliveries.seqs.length) {
      deliveries.seqs[deliveries.count] = seq;
      deliveries.receivedAt[deliveries.count] = receivedAt;
      deliveries.at[deliveries.count] = Date.parse(event.at);
      deliveries.subscriber[deliveries.count] = index;
      deliveries.count++;
    }
  }

  private fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }
}
