import type { ExecutionArgs } from 'graphql';
import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { shareKeyOf, type OperationParams } from './share-key';
import type { Execution, SharedSubscriptions, Subscriber } from './shared-subscriptions';

/**
 * Marks the context of an execution shared by several clients. The authentication plugin then forwards no
 * client's token to the subgraphs (reads need none there), so one client's token lapsing, or its leaving,
 * cannot fail the execution the others still receive.
 */
export const SHARED_EXECUTION = Symbol('nq57.sharedExecution');

/**
 * graphql-ws `options` in which identical subscriptions (see shareKeyOf) share one execution held by `shared`;
 * queries, mutations and anything that does not parse run per client as before.
 */
export function shareIdenticalSubscriptions<P extends ConnectionInitMessage['payload']>(
  options: ServerOptions<P, Extra>,
  shared: SharedSubscriptions,
  maxTokens: number | undefined,
): ServerOptions<P, Extra> {
  const { onSubscribe, subscribe } = options;
  if (!subscribe) throw new Error('shareIdenticalSubscriptions needs the options of a runtime (subscribe)');
  // Which client sent the arguments graphql-ws later hands to `subscribe` (the same object).
  const senders = new WeakMap<object, Subscriber>();
  return {
    ...options,
    async onSubscribe(ctx, id, payload) {
      const args = await onSubscribe?.(ctx, id, payload);
      if (args && !Array.isArray(args)) senders.set(args, { socket: ctx.extra.socket, id });
      return args;
    },
    subscribe(args: ExecutionArgs) {
      const sender = senders.get(args);
      const params = (args.contextValue as { params?: OperationParams } | undefined)?.params;
      const key = sender && params ? shareKeyOf(params, maxTokens) : null;
      if (!sender || key === null) return subscribe(args);
      const sharedArgs = {
        ...args,
        contextValue: { ...(args.contextValue as object), [SHARED_EXECUTION]: true },
      };
      return shared.join(key, sender, () => subscribe(sharedArgs) as Promise<Execution> | Execution);
    },
  };
}
