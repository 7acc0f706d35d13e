import type { ExecutionArgs, ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';

/** Carries the errors of a refused request to graphql-ws's `error` message (see requestErrorsAsErrorMessages). */
class RequestErrors extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'The request was refused');
  }
}

/**
 * Whether `result` refuses the request before execution (parse, validation, limits, variables): such a result
 * has errors and no `data` entry at all, whereas an execution error comes with `data`, even null.
 */
export function isRequestError(
  result: unknown,
): result is ExecutionResult & { errors: readonly GraphQLError[] } {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return false;
  const { errors } = result as ExecutionResult;
  return !('data' in result) && Array.isArray(errors) && errors.length > 0;
}

/** An error as a client sees it over the socket: HTTP's status and headers are no business of a WebSocket. */
function formatted(error: GraphQLError): GraphQLFormattedError {
  const json = typeof error.toJSON === 'function' ? error.toJSON() : (error as GraphQLFormattedError);
  if (!json.extensions || !('http' in json.extensions)) return json;
  const extensions = { ...json.extensions };
  delete extensions.http;
  return { ...json, extensions };
}

/**
 * graphql-ws `options` answering a request refused before execution with the protocol's `error` message (the
 * runtime answers it as one result, which graphql-ws would send as `next` then `complete`), all its errors kept.
 */
export function requestErrorsAsErrorMessages<P extends ConnectionInitMessage['payload'], E>(
  options: ServerOptions<P, E>,
): ServerOptions<P, E> {
  const { subscribe, execute, onError } = options;
  const refuse = (
    result: ExecutionResult & { errors: readonly GraphQLError[] },
  ): AsyncIterableIterator<never> => {
    const failure = new RequestErrors(result.errors.map(formatted));
    const stream: AsyncIterableIterator<never> = {
      next: () => Promise.reject(failure),
      return: () => Promise.resolve({ done: true, value: undefined }),
      [Symbol.asyncIterator]: () => stream,
    };
    return stream;
  };
  const checked =
    (run: ((args: ExecutionArgs) => unknown) | undefined) =>
    async (args: ExecutionArgs): Promise<never> => {
      if (!run) throw new Error('requestErrorsAsErrorMessages needs the options of a runtime');
      const result = await run(args);
      return (isRequestError(result) ? refuse(result) : result) as never;
    };
  return {
    ...options,
    subscribe: checked(subscribe),
    execute: checked(execute),
    onError(ctx, id, payload, errors) {
      // graphql-ws wraps what the stream threw in one GraphQLError; the original holds every error, formatted.
      const original = errors[0]?.originalError;
      if (original instanceof RequestErrors) return [...original.errors];
      return onError?.(ctx, id, payload, errors);
    },
  };
}
