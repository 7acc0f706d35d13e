import { GraphQLError } from 'graphql';

/** The machine-readable codes clients can rely on in `errors[].extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNKNOWN_TASK = 'UNKNOWN_TASK',
  WRONG_LEVEL = 'WRONG_LEVEL',
  DUPLICATE_LINK = 'DUPLICATE_LINK',
  CYCLE = 'CYCLE',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_JURISDICTION = 'INVALID_JURISDICTION',
  DUPLICATE = 'DUPLICATE',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INVALID_CURSOR = 'INVALID_CURSOR',
  SLOW_CONSUMER = 'SLOW_CONSUMER',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  NOT_LINKED = 'NOT_LINKED',
  TASK_REMOVED = 'TASK_REMOVED',
}

/** A GraphQL error with a code and optional details, safe to show to the caller. */
export function userError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
