import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  BREAK,
  getOperationAST,
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { addressKey, clientAddress, type LimitContext } from './address';
import { limitError, LimitCode } from './errors';
import { estimateCost, fragmentsOf } from './measure';
import type { LimitOptions } from './options';
import { RateLimiter } from './rate-limiter';
import { httpSubscriptionCapPlugin } from './subscriptions';
import { nulError } from './text';
import { aliasLimitRule, costError, costLimitRule, depthLimitRule } from './rules';

/** What the limit plugins may be given besides the limits. */
export interface LimitPluginOptions {
  /** The rate limiters' clock, in milliseconds (default `Date.now`). */
  now?: () => number;
  /** The start-of-operation checks to use (default: new ones, with rate buckets of their own). */
  operationLimits?: OperationLimits;
}

/** The plugins enforcing `options`; put them after the authentication plugin (the rate reads `identity`). */
export function limitPlugins(options: LimitOptions, extra: LimitPluginOptions = {}): GatewayPlugin[] {
  // Tokens on parsing; depth, aliases and cost on validation; as each operation starts (HTTP or graphql-ws),
  // the rate and the cost with the request's variables.
  return [
    nestingLimitPlugin(options.maxDepth),
    ...(options.maxTokens === undefined ? [] : [tokenLimitPlugin(options.maxTokens)]),
    validationLimitsPlugin(options),
    operationLimitsPlugin(extra.operationLimits ?? new OperationLimits(options, extra.now)),
    httpSubscriptionCapPlugin(options.maxSubscriptionsPerConnection, options.trustProxy),
  ];
}

/** Stops parsing a document of more than `maxTokens` tokens with `TOO_MANY_TOKENS`. */
export function tokenLimitPlugin(maxTokens: number): GatewayPlugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parseFn(source, { ...parseOptions, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(error.message)) {
            throw limitError(LimitCode.TOO_MANY_TOKENS, `The document has more than ${maxTokens} tokens.`, {
              limit: maxTokens,
            });
          }
          throw error;
        }
      });
    },
  };
}

/** How deep brackets may nest in a document, for a depth limit: selections, plus room for nested arguments. */
export function nestingBound(maxDepth: number): number {
  return 2 * maxDepth + 32;
}

/**
 * Refuses, before parsing, a document whose `{`, `[` and `(` nest deeper than `nestingBound(maxDepth)` with
 * `QUERY_TOO_DEEP`. The parser recurses once per level, so a few thousand levels under the token limit would
 * overflow its stack; the depth rule runs only after parsing. The lexer that counts here does not recurse.
 */
export function nestingLimitPlugin(maxDepth: number): GatewayPlugin {
  const bound = nestingBound(maxDepth);
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, parseOptions) => {
        const nesting = nestingOf(typeof source === 'string' ? source : source.body, bound);
        if (nesting > bound) {
          throw limitError(
            LimitCode.QUERY_TOO_DEEP,
            `The document nests brackets deeper than ${bound} levels.`,
            { limit: bound, measured: nesting },
          );
        }
        return parseFn(source, parseOptions);
      });
    },
  };
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** The deepest bracket nesting of `text`, counted up to just past `stopAt`; 0 when it does not lex (parse says why). */
function nestingOf(text: string, stopAt: number): number {
  const lexer = new Lexer(new Source(text));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSING.has(token.kind)) depth--;
      if (deepest > stopAt) return deepest;
    }
  } catch {
    return 0;
  }
  return deepest;
}

/** Adds the depth, alias and cost rules to every validation (results the runtime caches per document). */
export function validationLimitsPlugin(options: LimitOptions): GatewayPlugin {
  const rules = [
    depthLimitRule(options.maxDepth),
    aliasLimitRule(options.maxAliases),
    costLimitRule(options.maxCost),
  ];
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

/**
 * The checks made as each operation starts, with one set of rate buckets: `operation` checks, in order, the
 * rate (one token taken per call), text with U+0000, then the cost with the variables (validation saw none);
 * `rate` checks the rate alone, for a subscription that joins an identical execution already running (its
 * document and variables are those the execution passed with).
 */
export class OperationLimits {
  private readonly bySubject: RateLimiter;
  private readonly byAddress: RateLimiter;

  /** Limits of `options`, their rate buckets on the clock `now` (default `Date.now`). */
  constructor(
    private readonly options: LimitOptions,
    now?: () => number,
  ) {
    this.bySubject = new RateLimiter({ perMinute: options.ratePerMinutePerToken, now });
    this.byAddress = new RateLimiter({ perMinute: options.ratePerMinutePerAddress, now });
  }

  /** Null when the operation may start, else the error refusing it. */
  operation(args: OperationArgs): GraphQLError | null {
    const context = args.contextValue as LimitContext;
    // Over HTTP, answered like the same error found by validation: 400, or 200 to a client accepting only JSON.
    const http = context.request ? { http: { spec: true, status: 400 } } : {};
    return (
      this.rate(context) ??
      nulError(args.document, args.variableValues, http) ??
      variableCostError(args, this.options.maxCost, http)
    );
  }

  /** Takes one operation from the client's rate: null when allowed, else `RATE_LIMITED`. */
  rate(context: LimitContext): GraphQLError | null {
    // An authenticated operation counts against its subject only, so people sharing an office's address do not
    // share one budget; an anonymous one against its address.
    const subject = context.identity?.subject;
    // The address is read only when it counts: a signed-in report (the write path's common case) never needs it.
    const decision = subject
      ? this.bySubject.take(`subject:${subject}`)
      : this.byAddress.take(
          `address:${addressKey(clientAddress(context, this.options.trustProxy) ?? 'unknown')}`,
        );
    if (decision.allowed) return null;
    const limit = subject ? this.options.ratePerMinutePerToken : this.options.ratePerMinutePerAddress;
    const seconds = decision.retryAfterSeconds;
    // Over HTTP the runtime answers 429 with Retry-After and drops `http` from the body; graphql-ws would not.
    const http = context.request
      ? { http: { status: 429, headers: { 'retry-after': String(seconds) } } }
      : {};
    return limitError(
      LimitCode.RATE_LIMITED,
      `Too many operations: the limit is ${limit} a minute; retry in ${seconds} s.`,
      { limit, retryAfterSeconds: seconds, ...http },
    );
  }
}

/** A plugin refusing, as each operation starts (HTTP or graphql-ws), what `limits.operation` refuses. */
export function operationLimitsPlugin(limits: OperationLimits): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = limits.operation(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = limits.operation(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/** What an operation is started with. */
export interface OperationArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Readonly<Record<string, unknown>> | null;
  contextValue?: unknown;
}

// The runtime parses a document text once and hands out the same node: each is walked once.
const READS_VARIABLES = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the cost of some operation of `document` depends on the request's variables: the estimate reads a
 * variable only where it is a `first` argument (see `estimateCost`). Without one the cost is the one validation
 * already checked, and the mutations every report sends (an `input` variable, no `first`) skip the estimate.
 */
export function costReadsVariables(document: DocumentNode): boolean {
  const known = READS_VARIABLES.get(document);
  if (known !== undefined) return known;
  let reads = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' || node.value.kind !== Kind.VARIABLE) return undefined;
      reads = true;
      return BREAK;
    },
  });
  READS_VARIABLES.set(document, reads);
  return reads;
}

/** `QUERY_TOO_COSTLY` (with `extensions`) when the operation, with its variables, costs over `maxCost`. */
function variableCostError(
  args: OperationArgs,
  maxCost: number,
  extensions: Record<string, unknown>,
): GraphQLError | null {
  if (!args.variableValues || !costReadsVariables(args.document)) return null;
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation?.variableDefinitions?.length) return null;
  const fragments = fragmentsOf(args.document.definitions);
  const cost = estimateCost(args.schema, operation, fragments, { variables: args.variableValues });
  return costError(maxCost, cost, operation, extensions);
}
