import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { start, type GatewayHandle } from '../server';

// Nothing listens there: the page and `{ __typename }` are answered by the gateway itself.
const NOWHERE = 'http://127.0.0.1:9/graphql';
let gateway: GatewayHandle;

beforeAll(async () => {
  gateway = await start({
    subgraphs: { central: NOWHERE, provincial: NOWHERE, commune: NOWHERE, events: NOWHERE },
    limits: { queryPage: true, introspection: true },
  });
});

afterAll(() => gateway.stop());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function fetchRaw(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(`http://127.0.0.1:${gateway.port}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('the query page', () => {
  it('is sent compressed as the browser accepts, the same page each way', async () => {
    const [br, gzip, plain] = await Promise.all([
      fetchRaw('/graphql', { ...HTML, 'accept-encoding': 'gzip, deflate, br' }),
      fetchRaw('/graphql', { ...HTML, 'accept-encoding': 'gzip' }),
      fetchRaw('/graphql', HTML),
    ]);
    const pages = [brotliDecompressSync(br.body), gunzipSync(gzip.body), plain.body].map(String);
    expect({
      encodings: [br, gzip, plain].map((answer) => answer.headers['content-encoding'] ?? null),
      types: [br, gzip, plain].map((answer) => answer.headers['content-type']),
      same: pages.every((page) => page === pages[0]),
      graphiql: /<title>nq57-hub<\/title>/.test(pages[0]),
      compressedToAQuarterOrLess:
        br.body.length * 4 < plain.body.length && gzip.body.length * 3 < plain.body.length,
    }).toEqual({
      encodings: ['br', 'gzip', null],
      types: Array(3).fill('text/html; charset=utf-8'),
      same: true,
      graphiql: true,
      compressedToAQuarterOrLess: true,
    });
  });

  it("opens with the README's Trace query", async () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const trace = /```graphql\n(query Trace \{[\s\S]*?\n\})\n```/.exec(readme)?.[1];
    const page = String((await fetchRaw('/graphql', HTML)).body);
    expect([trace?.startsWith('query Trace {'), page.includes(JSON.stringify(trace).slice(1, -1))]).toEqual([
      true,
      true,
    ]);
  });

  it('carries an ETag, and a browser that has the page gets 304 without it', async () => {
    const first = await fetchRaw('/graphql', { ...HTML, 'accept-encoding': 'br' });
    const again = await fetchRaw('/graphql', {
      ...HTML,
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect([
      first.status,
      first.headers['cache-control'],
      again.status,
      again.body.length,
      again.headers.etag,
    ]).toEqual([200, 'no-cache', 304, 0, first.headers.etag]);
  });

  it('leaves operations to the runtime: a GET with a query is answered in JSON', async () => {
    const answer = await fetchRaw('/graphql?query=%7B__typename%7D', { accept: 'application/json' });
    expect([answer.status, JSON.parse(String(answer.body))]).toEqual([
      200,
      { data: { __typename: 'Query' } },
    ]);
  });
});
