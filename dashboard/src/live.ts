import { onEnd, pipe, subscribe } from 'wonka';
import { client, socket } from './api';
import type { Level, Light, TaskStatus } from './labels';

/** Shown on every view: whether the page is receiving status changes now. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

/** The subscription's filter (TaskEventFilter); null follows every level of the whole country. */
export interface EventFilter {
  directiveNumber?: string;
  provinceCode?: string;
  communeCode?: string;
  taskId?: string;
}

/** What an event of the log is: a status report, or an amendment of the task's document. */
export type EventKind = 'STATUS' | 'AMENDED' | 'REMOVED' | 'UNLINKED';

/** One field an amendment changed, as printed before and after. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One status change as the views use it: the event and the task as it stands after it. */
export interface LiveEvent {
  cursor: string;
  kind: EventKind;
  changes: FieldChange[];
  at: string;
  actor: string;
  level: Level;
  from: TaskStatus;
  to: TaskStatus;
  progress: number;
  note: string | null;
  evidence: { title: string; url: string | null; documentNumber: string | null }[];
  task: {
    __typename: 'CentralTask' | 'ProvincialTask' | 'CommuneTask';
    id: string;
    ordinal: string | null;
    content: string;
    status: TaskStatus;
    progress: number;
    version: number;
    state: { light: Light; overdue: boolean };
    plan?: { province: { code: string; name: string } };
    commune?: { code: string; name: string; province: { code: string; name: string } };
  };
}

// The task's state and place are selected in the payload, so a row updates in place with no further request.
const LIVE = `
  subscription LiveStatus($filter: TaskEventFilter, $after: String) {
    taskStatusChanged(filter: $filter, after: $after) {
      cursor
      kind
      changes { field from to }
      at
      actor
      level
      from
      to
      progress
      note
      evidence { title url documentNumber }
      task {
        __typename
        id
        ordinal
        content
        status
        progress
        version
        state { light overdue }
        ... on ProvincialTask { plan { province { code name } } }
        ... on CommuneTask { commune { code name province { code name } } }
      }
    }
  }
`;

/** What a view does with the feed. */
export interface FollowOptions {
  filter: EventFilter | null;
  /** Resume after this cursor (e.g. the newest of a task's history) instead of from now. */
  after?: string | null;
  onEvent(event: LiveEvent): void;
  onState(state: ConnectionState): void;
  /**
   * What the view shows must be read again: the connection came back with no cursor to resume from, or an
   * amendment changed a task's printed fields, removed it from its plan (roll-ups change) or its links.
   */
  onResync(): void;
}

const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * Follows taskStatusChanged for a view until the returned function is called. It keeps the last cursor and, after
 * a lost connection, subscribes again with `after` set to it: the server first replays every matching event
 * committed since, so counts and rows catch up with nothing missed and nothing applied twice.
 */
export function followEvents(options: FollowOptions): () => void {
  let cursor = options.after ?? null;
  let stopped = false;
  let lost = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { unsubscribe(): void } | undefined;
  const listeners = [
    socket.on('connecting', () => options.onState(lost ? 'reconnecting' : 'connecting')),
    socket.on('connected', () => {
      attempt = 0;
      options.onState('live');
      if (lost && cursor === null) options.onResync();
      lost = false;
    }),
  ];

  let opened = 0;
  const retry = (generation: number): void => {
    // An error result and the end of the stream come together: one retry per subscription.
    if (stopped || generation !== opened) return;
    opened += 1;
    current?.unsubscribe();
    current = undefined;
    lost = true;
    options.onState('reconnecting');
    timer = setTimeout(open, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    attempt += 1;
  };

  function open(): void {
    const variables = { filter: options.filter, after: cursor };
    const generation = opened;
    current = pipe(
      client.subscription<{ taskStatusChanged: LiveEvent }>(LIVE, variables),
      // The server may end a subscription (shutting down) without an error: that is a lost feed too.
      onEnd(() => retry(generation)),
      subscribe((result) => {
        if (result.error) return retry(generation);
        const event = result.data?.taskStatusChanged;
        if (!event) return;
        cursor = event.cursor;
        if (event.kind === 'STATUS') options.onEvent(event);
        else options.onResync();
      }),
    );
  }

  options.onState('connecting');
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    current?.unsubscribe();
    for (const unlisten of listeners) unlisten();
  };
}
