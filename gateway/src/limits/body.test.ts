import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tooLarge, withBodyLimit } from './body';

const LIMIT = 1024;
let server: Server;
let url: string;

beforeAll(async () => {
  // Stands in for the runtime: reads the whole body and says how long it was.
  const echo = (request: IncomingMessage, response: import('node:http').ServerResponse): void => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => response.end(JSON.stringify({ bytes })));
  };
  server = createServer(withBodyLimit(echo, LIMIT));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** POSTs `body` and returns the status, content type and parsed JSON answer. */
async function send(body: BodyInit, init: RequestInit = {}) {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as unknown,
  };
}

describe('withBodyLimit', () => {
  test('passes a body up to the limit to the handler', async () => {
    expect(await send('x'.repeat(LIMIT))).toEqual({ status: 200, type: null, body: { bytes: LIMIT } });
    expect((await fetch(url)).status).toBe(200);
  });

  test('answers a body one byte over the limit with 413 PAYLOAD_TOO_LARGE, unread', async () => {
    expect(await send('x'.repeat(LIMIT + 1))).toEqual({
      status: 413,
      type: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message: 'The request body is 1025 bytes; the limit is 1024.',
            extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1024, measured: 1025 },
          },
        ],
      },
    });
  });

  test('answers a 2 MiB body the same way, and the server still serves afterwards', async () => {
    const answer = await send('x'.repeat(2 * 1024 * 1024));
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'The request body is 2097152 bytes; the limit is 1024.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1024, measured: 2097152 },
        },
      ],
    });
    expect((await send('{}')).body).toEqual({ bytes: 2 });
  });

  test('answers a chunked body, whose length is not declared, with 411 LENGTH_REQUIRED', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
        controller.close();
      },
    });
    expect(await send(stream, { duplex: 'half' } as RequestInit)).toEqual({
      status: 411,
      type: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message: 'A request body must declare its length (Content-Length).',
            extensions: { code: 'LENGTH_REQUIRED', limit: 1024 },
          },
        ],
      },
    });
  });
});

describe('tooLarge', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  test('compares a declared Content-Length with the limit', () => {
    expect(tooLarge(request({ 'content-length': '1025' }), 1024)).toBe(true);
    expect(tooLarge(request({ 'content-length': '1024' }), 1024)).toBe(false);
    expect(tooLarge(request({}), 1024)).toBe(false);
  });
});
