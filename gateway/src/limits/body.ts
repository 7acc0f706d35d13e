import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { limitError, LimitCode } from './errors';

/** Whether the request declares (in Content-Length) a body larger than `maxBytes`. */
export function tooLarge(request: IncomingMessage, maxBytes: number): boolean {
  const length = request.headers['content-length'];
  return length !== undefined && /^\d+$/.test(length) && Number(length) > maxBytes;
}

/** Whether the request sends a body of undeclared length (chunked), which no limit can check up front. */
export function lengthUndeclared(request: IncomingMessage): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined && request.headers['content-length'] === undefined
  );
}

/** `handler` behind a body limit: 413 `PAYLOAD_TOO_LARGE` over `maxBytes`, 411 `LENGTH_REQUIRED` chunked. */
export function withBodyLimit(handler: RequestListener, maxBytes: number): RequestListener {
  // Answered before any of the body is read. A chunked body could only be measured by reading it; fetch-based
  // GraphQL clients always declare the length, so one without is refused rather than read.
  return (request, response) => {
    if (tooLarge(request, maxBytes)) {
      const declared = Number(request.headers['content-length']);
      return refuse(
        response,
        413,
        limitError(
          LimitCode.PAYLOAD_TOO_LARGE,
          `The request body is ${declared} bytes; the limit is ${maxBytes}.`,
          { limit: maxBytes, measured: declared },
        ),
      );
    }
    if (lengthUndeclared(request)) {
      return refuse(
        response,
        411,
        limitError(LimitCode.LENGTH_REQUIRED, 'A request body must declare its length (Content-Length).', {
          limit: maxBytes,
        }),
      );
    }
    return handler(request, response);
  };
}

/** Answers `status` with `error` as a GraphQL error response, and closes the connection. */
function refuse(response: ServerResponse, status: number, error: GraphQLError): void {
  const body = JSON.stringify({ errors: [error.toJSON()] });
  response.shouldKeepAlive = false;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}
