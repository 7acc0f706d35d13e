import type { ExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { ErrorCode, userError, type EventMatch } from '@nq57/shared/core';
import { FrameBatcher, type Transport } from './frame-batcher';
import { EventRouter } from './event-router';

/** What the runtime answers an operation with: a stream of results, or one result (errors before execution). */
export type Execution = AsyncIterable<ExecutionResult> | ExecutionResult;

/** One client subscription: the socket its frames go to and its graphql-ws operation id. */
export interface Subscriber {
  socket: WebSocket;
  id: string;
  /** The TCP connection under `socket`: when given, its frames are written in batches (FrameBatcher). */
  transport?: Transport;
  /** In a routed execution, the events this subscriber wants (none given: every event). */
  match?: EventMatch;
}

/** How much is shared right now. */
export interface ShareStats {
  /** Executions running, one per distinct operation: each holds one upstream subscription. */
  executions: number;
  subscribers: number;
}

/** A socket this far behind is dropped from the shared execution (SLOW_CONSUMER) instead of buffering more. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const FRAME_END = Buffer.from('}');
const EVERY_EVENT: EventMatch = {
  directiveKey: null,
  provinceCode: null,
  communeCode: null,
  level: null,
  taskId: null,
};

/**
 * One execution per distinct subscription, shared by every client that sent the same operation: the runtime
 * executes it once (one upstream subscription, one entity fetch per event), each result is serialized once,
 * and the same bytes are framed for each subscriber's socket. See docs/decisions/0005-live-fan-out.md.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();
  private readonly frames = new FrameBatcher();

  /**
   * Joins `subscriber` to the execution under `key`, started with `start` when none runs. Resolves with a stream
   * for graphql-ws to await (it completes or fails with the shared execution; results reach the socket
   * directly), or with the single result of an execution that ended before streaming, as is. With
   * `routedAt` (the response key of a routed execution's live field), each result goes only to the subscribers
   * whose match its routing passes, without the routing.
   */
  join(
    key: string,
    subscriber: Subscriber,
    start: () => Promise<Execution> | Execution,
    routedAt: string | null = null,
  ): Promise<Execution> {
    let group = this.groups.get(key);
    if (!group) {
      const created = new Group(this.frames, new EventRouter<MemberStream>(routedAt), () => {
        if (this.groups.get(key) === created) this.groups.delete(key);
      });
      this.groups.set(key, created);
      created.start(start);
      group = created;
    }
    return group.add(subscriber);
  }

  /** Whether an execution runs under `key`, so that a subscriber of it would join rather than start it. */
  has(key: string): boolean {
    return this.groups.has(key);
  }

  /** Executions and subscribers now, for health checks and leak tests. */
  stats(): ShareStats {
    let subscribers = 0;
    for (const group of this.groups.values()) subscribers += group.size;
    return { executions: this.groups.size, subscribers };
  }

  /** Ends every execution and releases its upstream; subscribers are completed. */
  dispose(): void {
    for (const group of [...this.groups.values()]) group.close();
    this.frames.flush();
  }
}

/** Subscribers of one operation and the execution they share. */
class Group {
  private readonly members = new Set<MemberStream>();
  private ready: Promise<Execution> = Promise.resolve({});
  private source: AsyncIterator<ExecutionResult> | null = null;
  private released = false;

  constructor(
    readonly frames: FrameBatcher,
    private readonly router: EventRouter<MemberStream>,
    private readonly forget: () => void,
  ) {}

  get size(): number {
    return this.members.size;
  }

  start(start: () => Promise<Execution> | Execution): void {
    this.ready = Promise.resolve()
      .then(start)
      .then(
        (execution) => {
          if (isStream(execution)) this.pump(execution[Symbol.asyncIterator]());
          else this.finish();
          return execution;
        },
        (error: unknown) => {
          this.finish();
          throw error;
        },
      );
  }

  async add(subscriber: Subscriber): Promise<Execution> {
    // Added before the execution is ready, so it gets every result from the first one on.
    const member = new MemberStream(subscriber, this);
    this.members.add(member);
    this.router.add(member);
    const execution = await this.ready.catch((error: unknown) => {
      this.drop(member);
      throw error;
    });
    if (isStream(execution)) return member;
    this.drop(member);
    return execution;
  }

  /** Drops a member; the last one to leave releases the upstream subscription. */
  remove(member: MemberStream): void {
    if (!this.drop(member) || this.members.size > 0) return;
    this.close();
  }

  private drop(member: MemberStream): boolean {
    this.router.remove(member);
    return this.members.delete(member);
  }

  close(): void {
    if (this.released) return;
    this.released = true;
    this.forget();
    for (const member of this.members) member.end();
    this.members.clear();
    this.router.clear();
    void this.source?.return?.();
  }

  private pump(source: AsyncIterator<ExecutionResult>): void {
    this.source = source;
    if (this.released) {
      void source.return?.();
      return;
    }
    // One pull at a time is enough: the runtime already executes events side by side (concurrent-events.ts).
    const loop = async (): Promise<void> => {
      for (;;) {
        const step = await source.next();
        if (step.done || this.released) return this.finish();
        this.broadcast(step.value);
      }
    };
    loop().catch((error: unknown) => this.finish(error));
  }

  private broadcast(result: ExecutionResult): void {
    // Serialized once for every subscriber it goes to; only the frame around it is theirs.
    const { deliver, recipients } = this.router.route(result, this.members);
    if (recipients.length === 0) return;
    const payload = Buffer.from(JSON.stringify(deliver));
    for (const member of recipients) member.send(payload);
  }

  /** The execution ended (done, or failed with `error`): so does every member's stream. */
  private finish(error?: unknown): void {
    if (this.released) return;
    this.released = true;
    this.forget();
    for (const member of this.members) member.end(error);
    this.members.clear();
    this.router.clear();
  }
}

/**
 * A subscriber's stream as graphql-ws sees it: it yields nothing (results go straight to the socket, already
 * framed) and settles when the shared execution ends; graphql-ws then sends `complete`, or `error` on failure.
 */
class MemberStream implements AsyncIterableIterator<never> {
  readonly match: EventMatch;
  private readonly frameStart: Buffer;
  private waiting: { resolve: (result: typeof DONE) => void; reject: (error: unknown) => void } | null = null;
  private outcome: { error?: unknown } | null = null;

  constructor(
    private readonly subscriber: Subscriber,
    private readonly group: Group,
  ) {
    this.frameStart = Buffer.from(`{"id":${JSON.stringify(subscriber.id)},"type":"next","payload":`);
    this.match = subscriber.match ?? EVERY_EVENT;
  }

  /** Writes one serialized result to this subscriber's socket as a graphql-ws `next` message. */
  send(payload: Buffer): void {
    const { socket } = this.subscriber;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.group.remove(this);
      this.end(
        userError(
          ErrorCode.SLOW_CONSUMER,
          'This subscriber fell too far behind; subscribe again with `after` set to the last cursor received',
        ),
      );
      return;
    }
    if (this.subscriber.transport) this.group.frames.hold(this.subscriber.transport);
    socket.send(Buffer.concat([this.frameStart, payload, FRAME_END]), { binary: false });
  }

  /** Settles the stream: done, or failed with `error`; later calls change nothing. */
  end(error?: unknown): void {
    if (this.outcome) return;
    this.outcome = error === undefined ? {} : { error };
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    if (error === undefined) waiting.resolve(DONE);
    else waiting.reject(error);
  }

  next(): Promise<IteratorResult<never>> {
    const outcome = this.outcome;
    if (outcome) {
      // An error is reported once; after it the stream is simply over.
      this.outcome = {};
      return 'error' in outcome ? Promise.reject(outcome.error) : Promise.resolve(DONE);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<never>> {
    this.group.remove(this);
    this.end();
    return Promise.resolve(DONE);
  }

  throw(): Promise<IteratorResult<never>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    return this;
  }
}

function isStream(execution: Execution): execution is AsyncIterable<ExecutionResult> {
  return typeof (execution as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}
