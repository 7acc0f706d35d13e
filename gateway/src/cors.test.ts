import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { corsFromEnvironment, type CorsSetting } from './cors';
import { loadSupergraph } from './supergraph';

// Nothing listens there: `{ __typename }` is answered by the gateway itself.
const NOWHERE = 'http://127.0.0.1:9/graphql';

/** The CORS headers a gateway with `cors` answers a preflight and a POST from `origin` with. */
async function corsHeaders(cors: CorsSetting, origin: string): Promise<Record<string, string | null>[]> {
  const runtime = createGatewayRuntime({
    supergraph: loadSupergraph({ central: NOWHERE, provincial: NOWHERE, commune: NOWHERE, events: NOWHERE }),
    logging: 'error',
    cors,
  });
  try {
    const preflight = await runtime.fetch('http://gateway/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    const post = await runtime.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Ping { __typename }' }),
    });
    return [preflight, post].map((response) => ({
      origin: response.headers.get('access-control-allow-origin'),
      credentials: response.headers.get('access-control-allow-credentials'),
    }));
  } finally {
    await runtime.dispose();
  }
}

describe('CORS', () => {
  it('lets no other origin read by default', async () => {
    expect([
      corsFromEnvironment({}),
      await corsHeaders(corsFromEnvironment({}), 'https://evil.example'),
    ]).toEqual([
      false,
      [
        { origin: null, credentials: null },
        { origin: null, credentials: null },
      ],
    ]);
  });

  it('allows exactly the origins of NQ57_CORS_ORIGINS, without credentials', async () => {
    const cors = corsFromEnvironment({
      NQ57_CORS_ORIGINS: 'https://portal.laocai.gov.vn, http://localhost:5173/',
    });
    expect({
      listed: await corsHeaders(cors, 'https://portal.laocai.gov.vn'),
      other: await corsHeaders(cors, 'https://evil.example'),
    }).toEqual({
      listed: [
        { origin: 'https://portal.laocai.gov.vn', credentials: null },
        { origin: 'https://portal.laocai.gov.vn', credentials: null },
      ],
      other: [
        { origin: 'null', credentials: null },
        { origin: 'null', credentials: null },
      ],
    });
  });

  it('refuses an allow-list entry that is not an origin, naming it', () => {
    expect(() => corsFromEnvironment({ NQ57_CORS_ORIGINS: 'https://ok.example, *.example' })).toThrow(
      'NQ57_CORS_ORIGINS: "*.example" is not an origin',
    );
  });
});
