import { useTestHub } from './support/hub';

const hub = useTestHub({ seed: false });

function urlOn(serviceUrl: string, path: string): string {
  return new URL(path, serviceUrl).toString();
}

describe('health endpoints', () => {
  it.each(['central', 'provincial', 'commune'] as const)(
    'the %s subgraph reports itself and its database healthy at GET /health',
    async (name) => {
      const response = await fetch(urlOn(hub()[name].url, '/health'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({ status: 'ok', service: name, database: 'ok' });
    },
  );

  it('a subgraph answers an unknown path with 404 and where to go instead', async () => {
    const response = await fetch(urlOn(hub().central.url, '/nowhere'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'Not found: use /graphql or /health' }] });
  });

  it.each(['/healthcheck', '/readiness'])('the gateway answers GET %s with 200', async (path) => {
    const response = await fetch(urlOn(hub().gateway.url, path));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('the query page', () => {
  let html: string;
  let contentType: string | null;

  beforeAll(async () => {
    const response = await fetch(hub().gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    contentType = response.headers.get('content-type');
    html = await response.text();
  });

  it('is GraphiQL, as HTML, titled for the hub', () => {
    expect(contentType).toMatch(/^text\/html/);
    expect(html).toMatch(/<!doctype html>/i);
    expect(html).toContain('<title>nq57-hub</title>');
    expect(html).toMatch(/graphiql/i);
  });

  it('loads no script or stylesheet from another host, so it works offline', () => {
    const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    // A src or href that is absolute (http:, https:) or protocol-relative (//) would need the network.
    const external = tags.filter((tag) => /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(tag));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i);
    const cdnHosts = ['unpkg.com', 'jsdelivr.net', 'cdnjs.cloudflare.com', 'esm.sh', 'fonts.googleapis.com'];
    expect(cdnHosts.filter((host) => html.includes(host))).toEqual([]);
  });
});
