import type { Client } from 'pg';
import { EVENT_CHANNEL } from '@nq57/shared';
import type { Deliveries } from './national-subscribers';

/** Percentiles of a set of latencies in ms (null when there are none). */
export interface LatencySummary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** The latencies of the events committed in one window of the run. */
export interface LatencyWindow {
  /** Seconds from the start of the run to the start of the window. */
  fromSecond: number;
  fromCommit: LatencySummary;
  fromAt: LatencySummary;
}

/** Delivery latency of a run, measured from the commit notification and from the event's `at`. */
export interface LatencyReport {
  fromCommit: LatencySummary;
  fromAt: LatencySummary;
  /** Deliveries of events whose commit notification the load generator did not see (not in `fromCommit`). */
  withoutCommitTime: number;
  windows: LatencyWindow[];
}

/**
 * Commit times as this process sees them: it LISTENs on the channel every committed event is announced on
 * (shared/src/events/event-log.ts), and PostgreSQL delivers a NOTIFY only once its transaction has committed.
 */
export class CommitClock {
  readonly committedAt = new Map<number, number>();

  private constructor(private readonly sql: Client) {}

  /** Starts listening on `sql` (a connected client of its own); `now` stamps each notification. */
  static async listen(sql: Client, now: () => number): Promise<CommitClock> {
    const clock = new CommitClock(sql);
    sql.on('notification', (message) => {
      if (message.channel === EVENT_CHANNEL && message.payload) {
        clock.committedAt.set(Number(message.payload), now());
      }
    });
    await sql.query(`LISTEN ${EVENT_CHANNEL}`);
    return clock;
  }

  /** Stops listening and closes the client. */
  async stop(): Promise<void> {
    await this.sql.end();
  }
}

/** Latency from commit of the deliveries to the subscribers `chosen` picks (by index in the mix). Pure. */
export function latencyOf(
  deliveries: Deliveries,
  committedAt: ReadonlyMap<number, number>,
  chosen: (subscriber: number) => boolean,
): LatencySummary {
  const values: number[] = [];
  for (let i = 0; i < deliveries.count; i++) {
    const committed = committedAt.get(deliveries.seqs[i]);
    if (committed !== undefined && chosen(deliveries.subscriber[i])) {
      values.push(deliveries.receivedAt[i] - committed);
    }
  }
  return summary(values);
}

/**
 * Latency of each delivery from its event's commit (`committedAt`) and from its `at`, overall and per window of
 * `windowSeconds` by commit time from `startedAt` (epoch ms). Pure.
 */
export function latencyReport(
  deliveries: Deliveries,
  committedAt: ReadonlyMap<number, number>,
  startedAt: number,
  windowSeconds: number,
): LatencyReport {
  const commit: number[] = [];
  const at: number[] = [];
  const byWindow: { commit: number[]; at: number[] }[] = [];
  let withoutCommitTime = 0;
  for (let i = 0; i < deliveries.count; i++) {
    const committed = committedAt.get(deliveries.seqs[i]);
    const fromAt = deliveries.receivedAt[i] - deliveries.at[i];
    const window = Math.max(
      0,
      Math.floor(((committed ?? deliveries.at[i]) - startedAt) / 1000 / windowSeconds),
    );
    byWindow[window] ??= { commit: [], at: [] };
    at.push(fromAt);
    byWindow[window].at.push(fromAt);
    if (committed === undefined) {
      withoutCommitTime++;
      continue;
    }
    commit.push(deliveries.receivedAt[i] - committed);
    byWindow[window].commit.push(deliveries.receivedAt[i] - committed);
  }
  const windows: LatencyWindow[] = [];
  byWindow.forEach((samples, i) => {
    if (samples) {
      windows.push({
        fromSecond: i * windowSeconds,
        fromCommit: summary(samples.commit),
        fromAt: summary(samples.at),
      });
    }
  });
  return { fromCommit: summary(commit), fromAt: summary(at), withoutCommitTime, windows };
}

/** Nearest-rank percentiles of `values` (sorted in place). */
export function summary(values: number[]): LatencySummary {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  values.sort((a, b) => a - b);
  const at = (fraction: number): number => values[Math.max(0, Math.ceil(fraction * values.length) - 1)];
  return { count: values.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: values[values.length - 1] };
}
