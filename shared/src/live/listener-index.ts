import { matches, type EventMatch, type MatchableEvent } from './event-match';

/** Something listening for events that pass its filter. */
export interface IndexedListener {
  readonly match: EventMatch;
}

/**
 * Listeners filed by the most selective part of their filter (task, commune, province, directive, level, or
 * none), so an event is tested only against listeners that file under one of its own values, not against every
 * listener: the cost of an event grows with the listeners it may match, not with all of them.
 */
export class ListenerIndex<L extends IndexedListener> {
  private readonly buckets = new Map<string, Set<L>>();
  private count = 0;

  /** How many listeners are filed. */
  get size(): number {
    return this.count;
  }

  /** Files `listener` (once: filing it again changes nothing). */
  add(listener: L): void {
    const key = bucketOf(listener.match);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Set()));
    if (bucket.has(listener)) return;
    bucket.add(listener);
    this.count++;
  }

  /** Removes `listener`; removing one that is not filed changes nothing. */
  remove(listener: L): void {
    const key = bucketOf(listener.match);
    const bucket = this.buckets.get(key);
    if (!bucket?.delete(listener)) return;
    this.count--;
    if (bucket.size === 0) this.buckets.delete(key);
  }

  /** Every filed listener whose whole filter `event` passes, each once. */
  matching(event: MatchableEvent): L[] {
    const found: L[] = [];
    for (const key of probesOf(event)) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (const listener of bucket) if (matches(listener.match, event)) found.push(listener);
    }
    return found;
  }

  /** Drops every listener. */
  clear(): void {
    this.buckets.clear();
    this.count = 0;
  }
}

/** The one bucket a filter files under: its most selective field. */
export function bucketOf(match: EventMatch): string {
  if (match.taskId !== null) return `t:${match.taskId}`;
  if (match.communeCode !== null) return `c:${match.communeCode}`;
  if (match.provinceCode !== null) return `p:${match.provinceCode}`;
  if (match.directiveKey !== null) return `d:${match.directiveKey}`;
  if (match.level !== null) return `l:${match.level}`;
  return '*';
}

/** The buckets whose listeners an event may pass: one per value it carries (its directive keys are distinct). */
function probesOf(event: MatchableEvent): string[] {
  const probes = [`t:${event.taskId}`, `l:${event.level}`, '*'];
  if (event.communeCode !== null) probes.push(`c:${event.communeCode}`);
  if (event.provinceCode !== null) probes.push(`p:${event.provinceCode}`);
  for (const key of new Set(event.directiveKeys)) probes.push(`d:${key}`);
  return probes;
}
