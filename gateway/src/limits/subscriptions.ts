import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { addressKey, clientAddress, type LimitContext } from './address';
import { limitError, LimitCode } from './errors';

/** `options` refusing a connection's (max+1)-th running operation (`TOO_MANY_SUBSCRIPTIONS`), then its own. */
export function capSubscriptions<P extends ConnectionInitMessage['payload'], E>(
  options: ServerOptions<P, E>,
  max: number,
): ServerOptions<P, E> {
  const { onSubscribe } = options;
  return {
    ...options,
    onSubscribe(ctx, id, payload) {
      // graphql-ws's own table of the connection's operations: it already holds this one, and drops an operation
      // when it completes, fails, is stopped by the client or its socket closes, so a slot is always freed.
      const running = Object.keys(ctx.subscriptions).length;
      if (running > max) {
        return [
          limitError(
            LimitCode.TOO_MANY_SUBSCRIPTIONS,
            `This connection already runs ${running - 1} operations; the limit is ${max}.`,
            { limit: max, measured: running },
          ),
        ];
      }
      return onSubscribe?.(ctx, id, payload);
    },
  };
}

/**
 * A plugin capping the subscriptions one client runs at once over HTTP (server-sent events) at `max`: the
 * (max+1)-th is refused with `TOO_MANY_SUBSCRIPTIONS` (HTTP 429), and a slot is freed when a stream ends or
 * its client goes away. A client is its token's subject, or its address when anonymous, as for the rate limit.
 * Each SSE subscription is a request of its own, so the WebSocket cap of one connection has no HTTP twin;
 * this gives the same number to each client instead. Put it after the other operation limits: a subscription
 * they refuse never takes a slot.
 */
export function httpSubscriptionCapPlugin(max: number, trustProxy: boolean): GatewayPlugin {
  const running = new Map<string, number>();
  const release = (key: string): void => {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  };
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as LimitContext;
      // graphql-ws operations have `req` and no Fetch `request`; capSubscriptions counts those per connection.
      if (!context.request) return undefined;
      const subject = context.identity?.subject;
      const key = subject
        ? `subject:${subject}`
        : `address:${addressKey(clientAddress(context, trustProxy) ?? 'unknown')}`;
      const count = running.get(key) ?? 0;
      if (count >= max) {
        setResultAndStopExecution({
          errors: [
            limitError(
              LimitCode.TOO_MANY_SUBSCRIPTIONS,
              `This client already runs ${count} subscriptions over HTTP; the limit is ${max}.`,
              { limit: max, measured: count + 1, http: { status: 429 } },
            ),
          ],
        });
        return undefined;
      }
      running.set(key, count + 1);
      let released = false;
      const releaseOnce = (): void => {
        if (!released) release(key);
        released = true;
      };
      return {
        // A result that is no stream (an error, or a refusal by a later plugin) ends at once.
        onSubscribeResult: ({ result }) => (isAsyncIterable(result) ? { onEnd: releaseOnce } : releaseOnce()),
      };
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}
