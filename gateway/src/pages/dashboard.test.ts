import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { loadDashboard, withDashboard } from './dashboard';

/** A built dashboard in a temporary directory: index.html and one hashed asset, each with its compressed forms. */
async function fakeBuild(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nq57-dashboard-'));
  const files: Record<string, string> = {
    '/index.html': '<!doctype html><title>Bảng theo dõi</title>',
    '/assets/main-ABC.js': 'console.log("xin chào")',
  };
  await mkdir(path.join(root, 'dist/assets'), { recursive: true });
  const manifest: Record<string, { etag: string }> = {};
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(root, 'dist', name);
    await writeFile(file, body);
    await writeFile(`${file}.gz`, gzipSync(body));
    await writeFile(`${file}.br`, brotliCompressSync(body));
    manifest[name] = { etag: `"${name.length}"` };
  }
  await writeFile(path.join(root, 'dist/manifest.json'), JSON.stringify({ files: manifest }));
  await writeFile(path.join(root, 'routes.json'), JSON.stringify({ prefixes: ['chi-thi'] }));
  return root;
}

describe('withDashboard', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const root = await fakeBuild();
    server = createServer(
      withDashboard(
        (_request, response) => {
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('runtime');
        },
        () => loadDashboard(root),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers / and a client route with index.html, revalidated by ETag', async () => {
    for (const route of ['/', '/chi-thi/71/NQ-CP']) {
      const response = await fetch(`${origin}${route}`, { headers: { accept: 'text/html' } });
      expect([response.status, response.headers.get('cache-control'), await response.text()]).toEqual([
        200,
        'no-cache',
        '<!doctype html><title>Bảng theo dõi</title>',
      ]);
    }
    const again = await fetch(`${origin}/`, { headers: { accept: 'text/html', 'if-none-match': '"11"' } });
    expect(again.status).toBe(304);
  });

  it('serves hashed assets compressed and cached for good, and leaves everything else to the runtime', async () => {
    const asset = await fetch(`${origin}/assets/main-ABC.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect([
      asset.headers.get('content-encoding'),
      asset.headers.get('cache-control'),
      await asset.text(),
    ]).toEqual(['br', 'public, max-age=31536000, immutable', 'console.log("xin chào")']);
    const others = await Promise.all(
      ['/graphql', '/nhiem-vu-khac', '/assets/none.js'].map(async (route) => {
        const response = await fetch(`${origin}${route}`, { headers: { accept: 'text/html' } });
        return [route, response.status, await response.text()];
      }),
    );
    expect(others).toEqual([
      ['/graphql', 404, 'runtime'],
      ['/nhiem-vu-khac', 404, 'runtime'],
      ['/assets/none.js', 404, 'runtime'],
    ]);
    // A client asking for JSON at a route gets the runtime's answer, not the page.
    const json = await fetch(`${origin}/chi-thi/71`, { headers: { accept: 'application/json' } });
    expect(await json.text()).toBe('runtime');
    // One that names no type (curl's */*) gets the page, as a person typing the address expects.
    const any = await fetch(`${origin}/`, { headers: { accept: '*/*' } });
    expect([any.status, any.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });
});
