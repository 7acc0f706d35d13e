import type { ExecutionResult } from 'graphql';
import { ListenerIndex, type IndexedListener, type MatchableEvent } from '@nq57/shared/core';
import { ROUTING_KEY } from './routed-operation';

/** Who a result goes to, and the result as they get it. */
export interface Routed<M> {
  deliver: ExecutionResult;
  recipients: M[];
}

/**
 * The subscribers of one shared execution, filed by their filter, and the routing of its results. Without a
 * response key (an execution that is not routed) every result goes to every subscriber as it is. With one, a
 * result carries its event's routing under ROUTING_KEY (routed-operation.ts): it goes, without it, only to the
 * subscribers whose filter the event passes, found through the index instead of testing each subscriber.
 */
export class EventRouter<M extends IndexedListener> {
  private readonly index = new ListenerIndex<M>();

  constructor(private readonly responseKey: string | null) {}

  /** Files a subscriber (a routed execution only). */
  add(member: M): void {
    if (this.responseKey !== null) this.index.add(member);
  }

  /** Removes a subscriber; removing one never filed changes nothing. */
  remove(member: M): void {
    if (this.responseKey !== null) this.index.remove(member);
  }

  /** Forgets every subscriber. */
  clear(): void {
    this.index.clear();
  }

  /** The recipients of `result` among `members`, and what they receive. */
  route(result: ExecutionResult, members: Iterable<M>): Routed<M> {
    const key = this.responseKey;
    const data = result.data as Record<string, unknown> | null | undefined;
    const root = key === null ? null : data?.[key];
    // Not routed, or an error in place of the event: every subscriber would have received it.
    if (key === null || !data || !root || typeof root !== 'object')
      return { deliver: result, recipients: [...members] };
    const { [ROUTING_KEY]: routing, ...event } = root as Record<string, unknown>;
    const deliver = { ...result, data: { ...data, [key]: event } };
    const matchable = matchableOf(routing);
    // Without its routing an event cannot be placed: only the subscribers of every event may have it.
    if (!matchable) return { deliver, recipients: [...members].filter((member) => wantsEverything(member)) };
    return { deliver, recipients: this.index.matching(matchable) };
  }
}

function matchableOf(routing: unknown): MatchableEvent | null {
  const value = routing as Partial<MatchableEvent> | null | undefined;
  if (!value || typeof value.taskId !== 'string' || typeof value.level !== 'string') return null;
  if (!Array.isArray(value.directiveKeys)) return null;
  return {
    level: value.level,
    taskId: value.taskId,
    provinceCode: value.provinceCode ?? null,
    communeCode: value.communeCode ?? null,
    directiveKeys: value.directiveKeys,
  };
}

function wantsEverything(member: IndexedListener): boolean {
  return Object.values(member.match).every((value) => value === null);
}
