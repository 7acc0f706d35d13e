import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  getOperationAST,
  GraphQLError,
  type ASTVisitor,
  type DocumentNode,
  type ExecutionResult,
  type ValidationContext,
} from 'graphql';
import { isRequestError } from './live/request-errors';

/**
 * Refuses a document in which the requested operation cannot be found (an unknown `operationName`, or several
 * operations and no name) with `OPERATION_RESOLUTION_FAILURE`, over graphql-ws as over HTTP. The runtime checks
 * this only for HTTP requests; over a socket the same request failed inside execution, masked as an unexpected
 * error with stack traces in the log.
 */
export function useOperationResolution(): GatewayPlugin {
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (!isDocument(result)) return;
        const name = (context as { params?: { operationName?: string | null } }).params?.operationName;
        if (getOperationAST(result, name ?? undefined)) return;
        throw new GraphQLError('Could not determine what operation to execute.', {
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
        });
      };
    },
  };
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'Document';
}

/**
 * Refuses a Float literal too large for a double (`1e400`) with `BAD_USER_INPUT`. graphql-js parses it as
 * Infinity without complaint, and the Rust query planner then prints it as `inf` in the subgraph's operation,
 * which the subgraph refuses as invalid GraphQL; a variable of the same value is refused by coercion already.
 */
export function useFiniteFloatLiterals(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(finiteFloatLiterals);
    },
  };
}

function finiteFloatLiterals(context: ValidationContext): ASTVisitor {
  return {
    FloatValue(node) {
      if (Number.isFinite(Number(node.value))) return;
      context.reportError(
        new GraphQLError(`Float cannot represent a non-finite value: ${node.value}`, {
          nodes: node,
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      );
    },
  };
}

/**
 * Gives `BAD_USER_INPUT` to the errors execution raises before it starts and leaves uncoded: variables that do
 * not coerce (a bad enum value, a float for an Int, an unknown input field). Every error a client gets has a code.
 */
export function useCodedRequestErrors(): GatewayPlugin {
  return recodingPlugin((error, result) => (isRequestError(result) ? withCode(error) : error));
}

/**
 * A plugin passing each error of an operation's own result (not a stream's events) through `recode`, and
 * replacing the result only when an error changed.
 */
function recodingPlugin(
  recode: (error: GraphQLError, result: ExecutionResult) => GraphQLError,
): GatewayPlugin {
  const apply = ({
    result,
    setResult,
  }: {
    result: unknown;
    setResult: (result: ExecutionResult) => void;
  }): void => {
    const single = result as ExecutionResult | null;
    const errors = single?.errors;
    if (!single || !errors?.length) return;
    const recoded = errors.map((error) => recode(error, single));
    if (recoded.some((error, index) => error !== errors[index])) setResult({ ...single, errors: recoded });
  };
  return {
    onExecute: () => ({ onExecuteDone: apply }),
    onSubscribe: () => ({ onSubscribeResult: apply }),
  };
}

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

// Named in the answer only when it is one of the hub's own subgraphs: never an address or a URL.
const SUBGRAPHS = new Set(['central', 'provincial', 'commune', 'events']);

/**
 * Answers a subgraph that cannot be reached (refused, reset, timed out, or answering with an HTTP error) with
 * `UPSTREAM_UNAVAILABLE` and the subgraph's name, in place of the runtime's error, whose message is the
 * socket's ("connect ECONNREFUSED 127.0.0.1:4001") and which the runtime then masks as an unexpected error.
 */
export function useUpstreamUnavailable(): GatewayPlugin {
  return recodingPlugin((error) => (isUnreachable(error) ? unavailable(error) : error));
}

function isUnreachable(error: GraphQLError): boolean {
  return error.extensions?.code === 'SUBREQUEST_HTTP_ERROR';
}

function unavailable(error: GraphQLError): GraphQLError {
  const name = String(error.extensions?.serviceName);
  const service = SUBGRAPHS.has(name) ? name : null;
  const message = service
    ? `The ${service} service cannot be reached just now; try again shortly.`
    : 'A service of the hub cannot be reached just now; try again shortly.';
  return new GraphQLError(message, {
    path: error.path,
    extensions: { code: 'UPSTREAM_UNAVAILABLE', ...(service ? { serviceName: service } : {}) },
  });
}
