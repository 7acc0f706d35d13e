import { routeKeys, type RoutedEvent } from './national-mix';

/**
 * A set of sequence numbers summed three ways: two sets with the same digest are, for the event counts of a
 * run, the same set (a miss and an extra that cancel in count and sum would still differ in the mixed sum).
 */
export interface Digest {
  count: number;
  sum: number;
  mixed: number;
}

/** An empty digest. */
export function emptyDigest(): Digest {
  return { count: 0, sum: 0, mixed: 0 };
}

/** Adds sequence number `seq` to `digest` (in place). */
export function addToDigest(digest: Digest, seq: number): void {
  digest.count++;
  digest.sum += seq;
  digest.mixed += mix(seq);
}

// A 32-bit multiplicative hash: sums of up to 2^21 of them stay exact in a double.
function mix(seq: number): number {
  return Math.imul(seq | 0, 0x9e3779b1) >>> 0;
}

/** What each oracle key's filter selects of `events`, as digests (keys no event reaches are absent). */
export function expectedDigests(events: readonly RoutedEvent[]): Map<string, Digest> {
  const digests = new Map<string, Digest>();
  for (const event of events) {
    for (const key of routeKeys(event)) {
      let digest = digests.get(key);
      if (!digest) digests.set(key, (digest = emptyDigest()));
      addToDigest(digest, event.seq);
    }
  }
  return digests;
}

/** What one subscriber received, beside what it should have. */
export interface Received {
  digest: Digest;
  /** Events received a second time, or after one with a higher sequence number. */
  repeatedOrLate: number;
}

/** How the subscribers' deliveries compare with the log. */
export interface Verdict {
  subscribers: number;
  /** Subscribers that received exactly their events, none twice, in sequence order. */
  exact: number;
  expected: number;
  delivered: number;
  /** Expected deliveries that did not arrive, and arrivals beyond the expected count. */
  missed: number;
  extra: number;
  /** Subscribers with the expected count whose set of events differs from the expected one. */
  wrongSets: number;
  repeatedOrLate: number;
}

/** Compares each subscriber's deliveries with the digest of its key (pure). */
export function verify(
  keys: readonly string[],
  received: readonly Received[],
  expected: ReadonlyMap<string, Digest>,
): Verdict {
  const verdict: Verdict = {
    subscribers: keys.length,
    exact: 0,
    expected: 0,
    delivered: 0,
    missed: 0,
    extra: 0,
    wrongSets: 0,
    repeatedOrLate: 0,
  };
  keys.forEach((key, i) => {
    const want = expected.get(key) ?? emptyDigest();
    const got = received[i];
    verdict.expected += want.count;
    verdict.delivered += got.digest.count;
    verdict.missed += Math.max(0, want.count - got.digest.count);
    verdict.extra += Math.max(0, got.digest.count - want.count);
    verdict.repeatedOrLate += got.repeatedOrLate;
    const same = sameDigest(want, got.digest);
    if (!same && want.count === got.digest.count) verdict.wrongSets++;
    if (same && got.repeatedOrLate === 0) verdict.exact++;
  });
  return verdict;
}

function sameDigest(a: Digest, b: Digest): boolean {
  return a.count === b.count && a.sum === b.sum && a.mixed === b.mixed;
}
