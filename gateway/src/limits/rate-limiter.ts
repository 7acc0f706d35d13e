/** How a rate limiter is set up. */
export interface RateLimiterOptions {
  /** Operations one key may start per minute, and the burst it may start at once. */
  perMinute: number;
  /** Most keys remembered; past it the least recently seen are forgotten (default 100,000). */
  maxKeys?: number;
  /** The clock, in milliseconds (default `Date.now`); tests pass their own. */
  now?: () => number;
}

/** Whether one operation may start and, if not, when to try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE_MS = 60_000;

/** A token bucket per key: `perMinute` at most, refilled continuously, one per operation; bounded memory. */
// A key untouched for a minute has a full bucket, the same as a key never seen, so it is forgotten. The map is
// kept in least-recently-seen order, so forgetting looks at the oldest entries only.
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  /** A limiter of `options.perMinute` operations a minute per key. */
  constructor(private readonly options: RateLimiterOptions) {
    if (!(options.perMinute > 0)) throw new Error('RateLimiter: perMinute must be positive');
    this.perMs = options.perMinute / MINUTE_MS;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes a token for `key`: allowed, or refused with the whole seconds until a token is back. */
  take(key: string): RateDecision {
    const now = this.now();
    this.forget(now, this.buckets.has(key) ? this.maxKeys + 1 : this.maxKeys);
    const bucket = this.refilled(key, now);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    // Whole milliseconds first (less a hair of float error), so 59 s of waiting is not reported as 60.
    const waitMs = Math.ceil((1 - bucket.tokens) / this.perMs - 1e-6);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** The bucket of `key` topped up for the time since it was last seen (a full one for a new key). */
  private refilled(key: string, now: number): Bucket {
    const capacity = this.options.perMinute;
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(capacity, bucket.tokens + elapsed * this.perMs), updatedAt: now };
  }

  /** Forgets keys idle for a minute (full buckets), then the least recently seen until under `room`. */
  private forget(now: number, room: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt < MINUTE_MS && this.buckets.size < room) break;
      this.buckets.delete(key);
    }
  }
}
