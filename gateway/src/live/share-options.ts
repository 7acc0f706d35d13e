import type { ExecutionArgs, GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { socketIdentity } from './socket-identity';
import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { routedShareKeyOf, shareKeyOf, type OperationParams } from './share-key';
import { routedSubscriptionOf, type RoutedSubscription } from './routed-operation';
import type { Execution, SharedSubscriptions, Subscriber } from './shared-subscriptions';

/**
 * Marks the context of an execution shared by several clients. The authentication plugin then forwards no
 * client's token to the subgraphs (reads need none there), so one client's token lapsing, or its leaving,
 * cannot fail the execution the others still receive.
 */
export const SHARED_EXECUTION = Symbol('nq57.sharedExecution');

/** Who joins a shared execution, as the rate limit reads it: the connection's verified identity and request. */
export interface JoinerContext {
  identity: { subject: string } | null;
  req: IncomingMessage;
}

/**
 * graphql-ws `options` in which identical subscriptions (see shareKeyOf) share one execution held by `shared`,
 * and live subscriptions that differ only in their filter share one unfiltered execution whose events are routed
 * to each subscriber by its filter (routedSubscriptionOf); queries, mutations and anything that does not parse
 * run per client as before. A subscriber joining a running
 * execution is first checked with `admit` (the gateway's start-of-operation limits).
 */
export function shareIdenticalSubscriptions<P extends ConnectionInitMessage['payload']>(
  options: ServerOptions<P, Extra>,
  shared: SharedSubscriptions,
  maxTokens: number | undefined,
  admit: (context: JoinerContext) => GraphQLError | null,
): ServerOptions<P, Extra> {
  const { onSubscribe, subscribe } = options;
  if (!subscribe) throw new Error('shareIdenticalSubscriptions needs the options of a runtime (subscribe)');
  // Which client sent the arguments graphql-ws later hands to `subscribe` (the same object), and who it is.
  const senders = new WeakMap<object, Subscriber & { joiner: JoinerContext }>();
  return {
    ...options,
    async onSubscribe(ctx, id, payload) {
      const args = await onSubscribe?.(ctx, id, payload);
      if (args && !Array.isArray(args)) {
        const joiner = { identity: socketIdentity(ctx.extra.socket), req: ctx.extra.request };
        senders.set(args, { socket: ctx.extra.socket, id, joiner });
      }
      return args;
    },
    subscribe(args: ExecutionArgs) {
      const sender = senders.get(args);
      const params = (args.contextValue as { params?: OperationParams } | undefined)?.params;
      if (!sender || !params) return subscribe(args);
      let routed: RoutedSubscription | null;
      try {
        routed = routedSubscriptionOf(params, maxTokens);
      } catch (error) {
        return { errors: [error as GraphQLError] };
      }
      const key = routed ? routedShareKeyOf(params, routed.variables) : shareKeyOf(params, maxTokens);
      if (key === null) return subscribe(args);
      // A joiner never reaches the runtime's plugins (the execution it joins already passed them), so it is
      // admitted here: counted against its rate like any operation, and refused the same way.
      const refusal = shared.has(key) ? admit(sender.joiner) : null;
      if (refusal) return { errors: [refusal] };
      // The runtime runs what the context's params say (the document in `args` is a placeholder).
      const runParams = routed
        ? { ...params, query: routed.shape.query, variables: routed.variables }
        : params;
      const sharedArgs = {
        ...args,
        contextValue: { ...(args.contextValue as object), params: runParams, [SHARED_EXECUTION]: true },
      };
      const subscriber = { socket: sender.socket, id: sender.id, transport: sender.joiner.req.socket };
      return shared.join(
        key,
        routed ? { ...subscriber, match: routed.match } : subscriber,
        () => subscribe(sharedArgs) as Promise<Execution> | Execution,
        routed?.shape.responseKey ?? null,
      );
    },
  };
}
