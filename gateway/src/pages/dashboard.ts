import { readFile } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import Negotiator from 'negotiator';

/** One file of the built dashboard, in the forms the build wrote (identity, gzip, brotli). */
interface DashboardFile {
  etag: string;
  type: string;
  bodies: Record<Encoding, Buffer>;
}

/** The built dashboard (dashboard/dist), read once: its files by URL path and its client-side route prefixes. */
export interface Dashboard {
  files: Map<string, DashboardFile>;
  routes: Set<string>;
}

type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** negotiator 1.x takes a preference order for ties; its published types (0.6) predate the option. */
interface PreferringNegotiator {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
}
// The page talks only to its own origin (HTTP and the graphql-ws socket); nothing is loaded from elsewhere.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** The directory of the dashboard's package (resolved like any dependency, so it works from any clone). */
export function dashboardRoot(): string {
  return path.dirname(require.resolve('@nq57/dashboard/package.json'));
}

/** Reads the built dashboard under `root`; null when it has not been built (`npm run build` builds it). */
export async function loadDashboard(root = dashboardRoot()): Promise<Dashboard | null> {
  const dist = path.join(root, 'dist');
  let manifest: { files: Record<string, { etag: string }> };
  try {
    manifest = JSON.parse(await readFile(path.join(dist, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return null;
  }
  const { prefixes } = JSON.parse(await readFile(path.join(root, 'routes.json'), 'utf8')) as {
    prefixes: string[];
  };
  const files = new Map<string, DashboardFile>();
  for (const [name, { etag }] of Object.entries(manifest.files)) {
    const file = path.join(dist, name);
    const [identity, gzip, br] = await Promise.all(
      ['', '.gz', '.br'].map((suffix) => readFile(`${file}${suffix}`)),
    );
    files.set(name, {
      etag,
      type: TYPES[path.extname(name)] ?? 'application/octet-stream',
      bodies: { identity, gzip, br },
    });
  }
  return { files, routes: new Set(prefixes) };
}

/**
 * `handler` with the dashboard in front: `/` and the dashboard's own routes (`/chi-thi/…`, `/nhiem-vu/…`) answer
 * its index.html, `/assets/…` its hashed files, compressed as the browser accepts and with an ETag. Everything
 * else (GraphQL and its query page at /graphql, health, WebSocket upgrades) goes to `handler`. The files are read
 * on the first request (`load`, once); when the dashboard is not built, every request goes to `handler`.
 */
export function withDashboard(
  handler: RequestListener,
  load: () => Promise<Dashboard | null> = () => loadDashboard(),
): RequestListener {
  let dashboard: Promise<Dashboard | null> | null = null;
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return handler(request, response);
    const { pathname } = new URL(request.url ?? '/', 'http://gateway');
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) return handler(request, response);
    dashboard ??= load().catch(() => null);
    void dashboard.then((ready) => {
      const file = ready && fileFor(ready, pathname, request);
      if (file) serve(request, response, file, pathname.startsWith('/assets/'));
      else handler(request, response);
    });
  };
}

function fileFor(
  dashboard: Dashboard,
  pathname: string,
  request: IncomingMessage,
): DashboardFile | undefined {
  if (pathname.startsWith('/assets/')) return dashboard.files.get(pathname);
  const [first] = pathname.split('/').filter(Boolean);
  const isRoute = first === undefined || dashboard.routes.has(first);
  // A route is a page: a client asking for JSON gets the runtime's 404; a browser, or a client that does not say
  // (curl), gets the page.
  if (!isRoute || new Negotiator(request).mediaType(['text/html', 'application/json']) !== 'text/html') {
    return undefined;
  }
  return dashboard.files.get('/index.html');
}

function serve(
  request: IncomingMessage,
  response: ServerResponse,
  file: DashboardFile,
  hashed: boolean,
): void {
  const headers = {
    ...PAGE_HEADERS,
    etag: file.etag,
    vary: 'Accept-Encoding',
    // Hashed assets never change under their name; the page is revalidated so a new build is seen at once.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const negotiator = new Negotiator(request) as unknown as PreferringNegotiator;
  const encoding = (negotiator.encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity') as Encoding;
  const body = file.bodies[encoding];
  response.writeHead(200, {
    ...headers,
    'content-type': file.type,
    'content-length': body.length,
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
