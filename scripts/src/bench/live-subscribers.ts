import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LatencyHistogram } from './live-histogram';

/** The filter a subscriber passes: none, Thái Nguyên's province code, or Xã Thuận An's commune code. */
export type FilterKind = 'all' | 'province19' | 'commune24682';

/** The `filter` argument each kind of subscriber sends. */
export const FILTERS: Record<FilterKind, Record<string, string> | null> = {
  all: null,
  province19: { provinceCode: '19' },
  commune24682: { communeCode: '24682' },
};

/** Which filter subscriber number `index` uses: two in four none, one province 19, one commune 24682. */
export function filterOf(index: number): FilterKind {
  return (['all', 'all', 'province19', 'commune24682'] as const)[index % 4];
}

const SUBSCRIPTION = `subscription Live($filter: TaskEventFilter) {
  taskStatusChanged(filter: $filter) { cursor at to progress task { __typename id } }
}`;

interface LiveEvent {
  cursor: string;
  at: string;
}

/** What the subscribers received during one step: per subscriber, and the latency of every first delivery. */
export interface Recording {
  /** Events with a sequence number up to this one belong to earlier steps. */
  fromSeq: number;
  latencies: LatencyHistogram;
  /** Latencies of events committed before `splitAt` (epoch ms) and after it: a growing backlog shows as a rise. */
  splitAt: number;
  early: LatencyHistogram;
  late: LatencyHistogram;
  /** Per subscriber: events received once, the sum of their sequence numbers, and the last one. */
  counts: Uint32Array;
  sums: Float64Array;
  lasts: Float64Array;
  /** Per subscriber: events received again, or after a later one. */
  duplicates: Uint32Array;
  /** Events from earlier steps that arrived during this one. */
  stale: number;
  /** Deliveries counted in `counts`, over every subscriber. */
  delivered: number;
  /** When (epoch ms) the last of them arrived. */
  lastDeliveryAt: number;
}

/** Why a subscription or connection ended early, with how many times it happened. */
export type Failures = Map<string, number>;

/**
 * Subscribers to `taskStatusChanged` through the gateway, each on its own graphql-ws connection. Every
 * event is counted against the recording of the current step.
 */
export class SubscriberPool {
  private readonly clients: Client[] = [];
  private readonly kinds: FilterKind[] = [];
  private recording: Recording | null = null;
  private closing = false;
  readonly failures: Failures = new Map();

  /** `kindOf` picks each subscriber's filter by its index (default: the mix of `filterOf`). */
  constructor(
    private readonly wsUrl: string,
    private readonly kindOf: (index: number) => FilterKind = filterOf,
  ) {}

  /** How many subscribers are open. */
  get size(): number {
    return this.clients.length;
  }

  /** The filter kind of each subscriber, by index. */
  get filterKinds(): readonly FilterKind[] {
    return this.kinds;
  }

  /** Opens `count` more subscribers, `batch` at a time; resolves with how many were acknowledged. */
  async open(count: number, batch: number): Promise<number> {
    let opened = 0;
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      const results = await Promise.allSettled(Array.from({ length: size }, () => this.openOne()));
      opened += results.filter((result) => result.status === 'fulfilled').length;
      if (opened < start + size) break;
    }
    return opened;
  }

  /** Starts counting deliveries afresh for a step whose events follow sequence number `fromSeq`. */
  record(fromSeq: number, splitAt: number): Recording {
    const n = this.clients.length;
    this.recording = {
      fromSeq,
      latencies: new LatencyHistogram(),
      splitAt,
      early: new LatencyHistogram(),
      late: new LatencyHistogram(),
      counts: new Uint32Array(n),
      sums: new Float64Array(n),
      lasts: new Float64Array(n).fill(fromSeq),
      duplicates: new Uint32Array(n),
      stale: 0,
      delivered: 0,
      lastDeliveryAt: 0,
    };
    return this.recording;
  }

  /** Closes every subscriber, `batch` connections at a time; the pool cannot be used afterwards. */
  async close(batch: number): Promise<void> {
    this.closing = true;
    while (this.clients.length > 0) {
      const group = this.clients.splice(0, batch);
      await Promise.all(group.map((client) => client.dispose()));
    }
    this.kinds.length = 0;
    this.recording = null;
    // `closing` stays set: close events arrive after dispose() returns, and the pool is not reused.
  }

  private openOne(): Promise<void> {
    const index = this.clients.length;
    const kind = this.kindOf(index);
    const { client, opened } = openSubscriber(
      this.wsUrl,
      { query: SUBSCRIPTION, variables: { filter: FILTERS[kind] } },
      {
        closing: () => this.closing,
        fail: (reason) => this.fail(reason),
        receive: (event) => this.receive(index, event),
      },
    );
    this.clients.push(client);
    this.kinds.push(kind);
    return opened;
  }

  private receive(index: number, event: LiveEvent): void {
    const receivedAt = Date.now();
    const recording = this.recording;
    if (!recording) return;
    const seq = seqOfCursor(event.cursor);
    if (seq <= recording.fromSeq) {
      recording.stale++;
    } else if (seq <= recording.lasts[index]) {
      recording.duplicates[index]++;
    } else {
      recording.counts[index]++;
      recording.sums[index] += seq;
      recording.lasts[index] = seq;
      recording.delivered++;
      recording.lastDeliveryAt = receivedAt;
      const committedAt = Date.parse(event.at);
      recording.latencies.add(receivedAt - committedAt);
      (committedAt < recording.splitAt ? recording.early : recording.late).add(receivedAt - committedAt);
    }
  }

  private fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }
}

/** What a benchmark subscriber reports to the pool that holds it. */
export interface SubscriberHooks {
  /** Whether the pool is closing its clients (a close is then expected, not a failure). */
  closing(): boolean;
  fail(reason: string): void;
  receive(event: LiveEvent): void;
}

/**
 * One graphql-ws client with one `taskStatusChanged` subscription; `opened` resolves when the connection is
 * acknowledged. Errors, unexpected completion and unexpected closes are reported through `hooks.fail`.
 */
export function openSubscriber(
  wsUrl: string,
  payload: { query: string; variables: Record<string, unknown> },
  hooks: SubscriberHooks,
): { client: Client; opened: Promise<void> } {
  // A lazy client closes its socket itself once its only subscription has ended: not a failure of its own.
  let ended = false;
  let markOpen: () => void = () => undefined;
  let markClosed: (error: Error) => void = () => undefined;
  const opened = new Promise<void>((resolve, reject) => {
    markOpen = resolve;
    markClosed = reject;
  });
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    on: {
      connected: () => markOpen(),
      closed: (event) => {
        if (!hooks.closing() && !ended) hooks.fail(`connection closed: ${describeClose(event)}`);
        markClosed(new Error(describeClose(event)));
      },
    },
  });
  client.subscribe<{ taskStatusChanged: LiveEvent }>(payload, {
    next: (result) => {
      if (result.errors) hooks.fail(`errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
      if (result.data) hooks.receive(result.data.taskStatusChanged);
    },
    error: (error) => {
      ended = true;
      hooks.fail(`subscription error: ${describeError(error)}`);
    },
    complete: () => {
      ended = true;
      if (!hooks.closing()) hooks.fail('subscription completed by the server');
    },
  });
  return { client, opened };
}

/**
 * The sequence number behind an event cursor. Cursors are opaque to clients; the benchmark reads them
 * (base64url of `seq:<n>`, services/events/src/task-event/cursor.ts) to match deliveries to the log.
 */
export function seqOfCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('seq:')) throw new Error(`Unexpected cursor ${cursor}`);
  return Number(text.slice(4));
}

/** A WebSocket close event as `code N (reason)`. */
export function describeClose(event: unknown): string {
  const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
  return `code ${code ?? '?'}${reason ? ` (${reason})` : ''}`;
}

/** A subscription error (an Error, GraphQL errors or a close event) as one short line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return JSON.stringify(error).slice(0, 200);
  return describeClose(error);
}
