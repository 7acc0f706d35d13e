import { useEffect, useRef, useState } from 'preact/hooks';
import { read } from './api';
import { followEvents, type ConnectionState, type EventFilter, type LiveEvent } from './live';

const EVENT_LOG_HEAD = 'query EventLogHead { eventLogHead }';

/**
 * A view's data as loaded: null until the first answer; `error` in plain Vietnamese when it failed. `head` is
 * the cursor of the newest event committed before the data was read: following the feed from it misses nothing.
 */
export interface Loaded<T> {
  data: T | null;
  head: string | null;
  error: string | null;
  set(update: (data: T) => T): void;
  reload(): void;
}

/** Loads a view's data when `key` changes, and again on `reload()`; answers of an older key are dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [head, setHead] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // A new key blanks the old view's data; a reload of the same key keeps it on screen until the answer.
  useEffect(() => (setData(null), setHead(null)), [key]);
  useEffect(() => {
    let current = true;
    // The head first, then the data: an event committed between the two is replayed, never lost.
    const loading = read<{ eventLogHead: string }>(EVENT_LOG_HEAD, {}).then(async ({ eventLogHead }) => ({
      eventLogHead,
      value: await load(),
    }));
    loading.then(
      ({ eventLogHead, value }) =>
        current && (setData(value), setHead((known) => known ?? eventLogHead), setError(null)),
      (failure: Error) => current && setError(`Không tải được dữ liệu: ${failure.message}`),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; the key says when it reads something else.
  }, [key, round]);
  return {
    data,
    head,
    error,
    set: (update) => setData((previous) => (previous === null ? previous : update(previous))),
    reload: () => setRound((value) => value + 1),
  };
}

/** Follows the live feed for `filter` while the view shows `key`; the handlers may change between renders. */
export function useFollow(
  key: string,
  filter: EventFilter | null,
  handlers: { onEvent(event: LiveEvent): void; onResync(): void; after?: string | null },
  ready = true,
): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!ready) return undefined;
    return followEvents({
      filter,
      after: latest.current.after,
      onEvent: (event) => latest.current.onEvent(event),
      onResync: () => latest.current.onResync(),
      onState: setState,
    });
    // The filter is part of the key.
  }, [key, ready]);
  return state;
}

/**
 * A function that runs `task` at most once per `ms`, however often it is called: many events in a burst cost one
 * re-read of the counts they touched, which keeps a national dashboard inside the gateway's rate limits.
 */
export function useCoalesced<T>(ms: number, task: (pending: Set<T>) => void): (item: T) => void {
  const pending = useRef(new Set<T>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(task);
  latest.current = task;
  useEffect(() => () => clearTimeout(timer.current), []);
  return (item) => {
    pending.current.add(item);
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const items = pending.current;
      pending.current = new Set();
      latest.current(items);
    }, ms);
  };
}
