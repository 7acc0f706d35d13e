import { GraphQLError, type ASTNode, type OperationDefinitionNode } from 'graphql';

/** The codes, in `errors[].extensions.code`, of requests refused by a limit. */
export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  LENGTH_REQUIRED: 'LENGTH_REQUIRED',
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/** An error refusing a request over a limit: `extensions` carry the code, the limit and what was measured. */
export function limitError(
  code: LimitCode,
  message: string,
  details: { limit: number; measured?: number } & Record<string, unknown>,
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, ...details } });
}

/** How an operation is named in messages: `Operation "Name"`, or `The anonymous operation`. */
export function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : 'The anonymous operation';
}
