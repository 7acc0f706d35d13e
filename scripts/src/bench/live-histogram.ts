const MAX_MS = 15 * 60 * 1000;

/** Latencies in whole milliseconds (the resolution of an event's `at`), kept as counts per millisecond. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(MAX_MS + 1);
  private total = 0;
  private highest = 0;

  /** Records one latency; negatives (clock rounding) count as 0, anything past 15 min as 15 min. */
  add(ms: number): void {
    const bucket = Math.min(MAX_MS, Math.max(0, Math.round(ms)));
    this.counts[bucket]++;
    this.total++;
    if (bucket > this.highest) this.highest = bucket;
  }

  /** How many latencies were recorded. */
  get count(): number {
    return this.total;
  }

  /** The largest latency recorded (0 when none). */
  get max(): number {
    return this.highest;
  }

  /** The smallest latency that `fraction` of the recorded ones do not exceed (null when none). */
  percentile(fraction: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * this.total));
    let seen = 0;
    for (let ms = 0; ms <= this.highest; ms++) {
      seen += this.counts[ms];
      if (seen >= rank) return ms;
    }
    return this.highest;
  }
}

/** The `fraction` quantile of some numbers (nearest rank; null when empty). */
export function quantile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}
