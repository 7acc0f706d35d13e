import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';
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
