import type { LimitOptions } from './options';

/** The `createGatewayRuntime` options that follow from the limits, to spread after `graphiql`. */
// Typed on its own, not as GatewayConfig<…>: spreading it must not change the runtime's inferred context.
export interface RuntimeSecurityConfig {
  /** Present (empty: always) when introspection is off. */
  disableIntrospection?: Record<string, never>;
  /** `false` when the query page is off. */
  graphiql?: false;
}

/** Turns introspection (`__schema`, `__type`; not `__typename`) and the GraphiQL page off as `options` say. */
export function runtimeSecurityConfig(options: LimitOptions): RuntimeSecurityConfig {
  return {
    ...(options.introspection ? {} : { disableIntrospection: {} }),
    ...(options.queryPage ? {} : { graphiql: false as const }),
  };
}
