import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../errors';

/** The text a client gets when the database dropped or refused its connection. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database did not answer; try again.';
/** The text a client gets for any other error the hub did not raise on purpose. */
export const UNEXPECTED_MESSAGE = 'Unexpected error.';

// SQLSTATE classes and codes meaning "the connection, not the request, failed": connection exceptions (08),
// operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), too many
// connections (53300).
const CONNECTION_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const CONNECTION_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres raises these as plain Errors, without a code.
const CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** True when `error` (or the driver error TypeORM wraps in it) says the database connection failed. */
export function isConnectionFailure(error: unknown): boolean {
  for (let current: unknown = error, hops = 0; current && hops < 5; hops += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_ERRNO.has(code)))
      return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    current =
      (current as { driverError?: unknown; cause?: unknown }).driverError ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The error a resolver threw, under the GraphQLError that wraps it on its way out. */
function thrownBy(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/**
 * An Apollo Server `formatError`: GraphQL errors (`userError`'s, validation, graphql-js's own) go out as they
 * are; an error of any other kind, thrown by a resolver, is masked: a dropped database connection
 * becomes `DATABASE_UNAVAILABLE`, anything else `INTERNAL_SERVER_ERROR` "Unexpected error.", both without the
 * driver's or the runtime's text, which is logged under a reference the answer carries.
 */
export function maskUnexpectedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const thrown = thrownBy(error);
  if (thrown instanceof GraphQLError) return formatted;
  const reference = randomUUID();
  console.error(`[${reference}]`, thrown);
  const unavailable = isConnectionFailure(thrown);
  return {
    message: unavailable ? DATABASE_UNAVAILABLE_MESSAGE : UNEXPECTED_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: unavailable ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR,
      reference,
    },
  };
}
