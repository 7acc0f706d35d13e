import { start, type GatewayHandle } from './server';

// Nothing listens there: every subgraph of this gateway is down.
const NOWHERE = 'http://127.0.0.1:9/graphql';
let gateway: GatewayHandle;

beforeAll(async () => {
  gateway = await start({
    subgraphs: { central: NOWHERE, provincial: NOWHERE, commune: NOWHERE, events: NOWHERE },
  });
});

afterAll(() => gateway.stop());

async function post(query: string): Promise<[number, unknown]> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return [response.status, await response.json()];
}

describe('a subgraph that is down', () => {
  it('is answered UPSTREAM_UNAVAILABLE with its name, and no address or socket text', async () => {
    expect(await post('query Directives { directives { number } }')).toEqual([
      200,
      {
        data: null,
        errors: [
          {
            message: 'The central service cannot be reached just now; try again shortly.',
            path: ['directives'],
            extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'central' },
          },
        ],
      },
    ]);
  });

  it('names the subgraph that the failed field needed', async () => {
    expect(await post('query Provinces { provinces { code } }')).toEqual([
      200,
      {
        data: null,
        errors: [
          {
            message: 'The provincial service cannot be reached just now; try again shortly.',
            path: ['provinces'],
            extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'provincial' },
          },
        ],
      },
    ]);
  });
});
