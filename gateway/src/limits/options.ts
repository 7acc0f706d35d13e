/** The abuse limits the gateway enforces; every field has an environment variable (see `LIMIT_ENV`). */
export interface LimitOptions {
  /** Deepest field nesting an operation may have (a root field is depth 1; fragments are followed). */
  maxDepth: number;
  /** Highest estimated cost an operation may have (see `estimateCost`). */
  maxCost: number;
  /** Most aliased fields an operation may have (fragments counted where they are spread). */
  maxAliases: number;
  /** Most lexical tokens a document may have before parsing stops; no limit when absent. */
  maxTokens?: number;
  /** Largest HTTP request body, and largest WebSocket message, in bytes. */
  maxBodyBytes: number;
  /** Operations per minute for one authenticated subject (`context.identity.subject`). */
  ratePerMinutePerToken: number;
  /** Operations per minute for one client address, for operations without an identity. */
  ratePerMinutePerAddress: number;
  /** Concurrent operations on one graphql-ws connection, and SSE subscriptions of one client over HTTP. */
  maxSubscriptionsPerConnection: number;
  /** Whether `__schema` and `__type` may be queried. */
  introspection: boolean;
  /** Whether GET /graphql from a browser serves the GraphiQL query page. */
  queryPage: boolean;
  /** Whether the client address is the last `x-forwarded-for` entry (only behind a proxy that sets it). */
  trustProxy: boolean;
}

/** The limits no environment variable overrides (introspection and the query page: outside production). */
// maxCost admits the heaviest query the hub's own tests send (every directive down to commune tasks with their
// histories: estimated 123,021, 1,633 fields returned) with a margin, and refuses six nested lists (1,111,111).
export const DEFAULT_LIMITS: Omit<LimitOptions, 'introspection' | 'queryPage'> = {
  maxDepth: 12,
  maxCost: 250_000,
  maxAliases: 30,
  maxTokens: 10000,
  maxBodyBytes: 1024 * 1024,
  ratePerMinutePerToken: 600,
  ratePerMinutePerAddress: 300,
  maxSubscriptionsPerConnection: 20,
  trustProxy: false,
};

/** The environment variable that sets each limit. */
export const LIMIT_ENV: Record<keyof LimitOptions, string> = {
  maxDepth: 'NQ57_MAX_DEPTH',
  maxCost: 'NQ57_MAX_COST',
  maxAliases: 'NQ57_MAX_ALIASES',
  maxTokens: 'NQ57_MAX_TOKENS',
  maxBodyBytes: 'NQ57_MAX_BODY_BYTES',
  ratePerMinutePerToken: 'NQ57_RATE_PER_MINUTE_PER_TOKEN',
  ratePerMinutePerAddress: 'NQ57_RATE_PER_MINUTE_PER_ADDRESS',
  maxSubscriptionsPerConnection: 'NQ57_MAX_SUBSCRIPTIONS_PER_CONNECTION',
  introspection: 'NQ57_INTROSPECTION',
  queryPage: 'NQ57_QUERY_PAGE',
  trustProxy: 'NQ57_TRUST_PROXY',
};

/** Reads the limits from `env`; throws naming the variable when one is set to something that is not valid. */
export function limitOptionsFromEnv(env: NodeJS.ProcessEnv): LimitOptions {
  const production = env.NODE_ENV === 'production';
  const count = (key: CountKey): number => positiveInteger(env, key) ?? DEFAULT_LIMITS[key];
  return {
    maxDepth: count('maxDepth'),
    maxCost: count('maxCost'),
    maxAliases: count('maxAliases'),
    maxTokens: positiveInteger(env, 'maxTokens') ?? DEFAULT_LIMITS.maxTokens,
    maxBodyBytes: count('maxBodyBytes'),
    ratePerMinutePerToken: count('ratePerMinutePerToken'),
    ratePerMinutePerAddress: count('ratePerMinutePerAddress'),
    maxSubscriptionsPerConnection: count('maxSubscriptionsPerConnection'),
    introspection: flag(env, 'introspection') ?? !production,
    queryPage: flag(env, 'queryPage') ?? !production,
    trustProxy: flag(env, 'trustProxy') ?? DEFAULT_LIMITS.trustProxy,
  };
}

/** The limits from `env` with each defined field of `overrides` in place of its value. */
export function resolveLimits(
  overrides: Partial<LimitOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): LimitOptions {
  const limits = limitOptionsFromEnv(env);
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...limits, ...(Object.fromEntries(defined) as Partial<LimitOptions>) };
}

type CountKey = Exclude<
  {
    [K in keyof LimitOptions]-?: LimitOptions[K] extends number | undefined ? K : never;
  }[keyof LimitOptions],
  'maxTokens'
>;

/** The positive integer in the variable of `key`, undefined when unset or empty; throws on anything else. */
function positiveInteger(env: NodeJS.ProcessEnv, key: keyof LimitOptions): number | undefined {
  const name = LIMIT_ENV[key];
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got "${env[name]}"`);
  }
  return value;
}

/** The boolean (true/false/1/0) in the variable of `key`, undefined when unset or empty; throws on others. */
function flag(env: NodeJS.ProcessEnv, key: keyof LimitOptions): boolean | undefined {
  const name = LIMIT_ENV[key];
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}
