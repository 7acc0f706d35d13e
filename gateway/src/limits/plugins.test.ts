import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { loadSupergraph } from '../supergraph';
import { resolveLimits, type LimitOptions } from './options';
import { parse } from 'graphql';
import { costReadsVariables, limitPlugins } from './plugins';
import { runtimeSecurityConfig } from './runtime-config';

// Nothing listens there: the operations below are refused or answered (`__typename`) by the gateway itself.
const NOWHERE = 'http://127.0.0.1:9/graphql';

/** Stands in for the authentication plugin: the subject named by a test header becomes `context.identity`. */
const testIdentity: GatewayPlugin = {
  onContextBuilding({ context, extendContext }) {
    const subject = context.request?.headers.get('x-test-subject');
    if (subject) {
      extendContext({
        identity: { subject, role: 'viewer', jurisdiction: 'central', agency: null, expiresAt: 0 },
      } as Record<string, unknown>);
    }
  },
};

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

/** An in-process gateway with `overrides` over the default limits (no environment) and a hand-moved clock. */
function gateway(overrides: Partial<LimitOptions>) {
  let now = 1_000_000;
  const limits = resolveLimits(overrides, {});
  const runtime: GatewayRuntime = createGatewayRuntime({
    supergraph: loadSupergraph({ central: NOWHERE, provincial: NOWHERE, commune: NOWHERE, events: NOWHERE }),
    logging: 'error',
    graphiql: { title: 'nq57-hub' },
    ...runtimeSecurityConfig(limits),
    plugins: () => [testIdentity, ...limitPlugins(limits, { now: () => now })],
  });
  /** POSTs an operation as if from `address` (the socket peer), with `headers`. */
  const post = async (
    query: string,
    options: { address?: string; headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
  ): Promise<Answer> => {
    const headers = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...options.headers,
    };
    const response = await runtime.fetch(
      'http://gateway/graphql',
      { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables ?? {} }) },
      { req: { socket: { remoteAddress: options.address ?? '192.0.2.1' }, headers: lowerCase(headers) } },
    );
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };
  return { runtime, post, advance: (ms: number) => (now += ms) };
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

const PING = 'query Ping { __typename }';
const PONG: Answer = { status: 200, retryAfter: null, body: { data: { __typename: 'Query' } } };

/** What a client over HTTP receives when refused by the rate limit. */
function rateLimited(limit: number, seconds: number): Answer {
  return {
    status: 429,
    retryAfter: String(seconds),
    body: {
      errors: [
        {
          message: `Too many operations: the limit is ${limit} a minute; retry in ${seconds} s.`,
          extensions: { code: 'RATE_LIMITED', limit, retryAfterSeconds: seconds },
        },
      ],
    },
  };
}

describe('query limits through the runtime', () => {
  const { runtime, post } = gateway({ maxTokens: 1000, ratePerMinutePerAddress: 1000 });
  afterAll(() => runtime.dispose());

  test('an over-deep trace is refused before any subgraph is asked, with both limits it breaks', async () => {
    const query = `query DeepTrace { directive(number: "71/NQ-CP") { tasks { provincialTasks { communeTasks {
      provincialTasks { centralTasks { provincialTasks { communeTasks { provincialTasks { centralTasks {
      provincialTasks { communeTasks { content } } } } } } } } } } } } }`;
    expect(await post(query)).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'Operation "DeepTrace" is 13 levels deep; the limit is 12.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'QUERY_TOO_DEEP', limit: 12, measured: 13 },
          },
          {
            message: 'Operation "DeepTrace" has an estimated cost of 111111111112; the limit is 250000.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000, measured: 111111111112 },
          },
        ],
      },
    });
  });

  test('31 aliases are refused', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `p${i}: province(code: "${i}") { name }`).join(' ');
    expect(await post(`query Provinces { ${fields} }`)).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'Operation "Provinces" has 31 aliases; the limit is 30.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'TOO_MANY_ALIASES', limit: 30, measured: 31 },
          },
        ],
      },
    });
  });

  test('a page size given in a variable is costed with its value when the operation starts', async () => {
    const query = 'query Log($n: Int!) { taskEvents(first: $n) { events { id to } } }';
    expect(await post(query, { variables: { n: 100000 } })).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'Operation "Log" has an estimated cost of 300001; the limit is 250000.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000, measured: 300001 },
          },
        ],
      },
    });
  });

  test('a page size given in a variable inside a fragment is costed with its value too', async () => {
    const query =
      'query Log($n: Int!) { ...Page } fragment Page on Query { taskEvents(first: $n) { events { id to } } }';
    expect(await post(query, { variables: { n: 100000 } })).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000, measured: 300001 } }] },
    });
  });

  test.each([
    ['a variable', 'query Find($n: String!) { directive(number: $n) { id } }', { n: '57-NQ/TW\u0000' }],
    ['a string literal', 'query Find { directive(number: "57\\u0000") { id } }', {}],
    [
      'a filter nested in an input object',
      'query Log($f: TaskEventFilter) { taskEvents(filter: $f) { events { id } } }',
      { f: { provinceCode: '1\u00009' } },
    ],
  ])('refuses the NUL character in %s before any subgraph is asked', async (_where, query, variables) => {
    expect(await post(query, { variables })).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'Text may not contain the NUL character (U+0000).',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
  });

  test('a client accepting only application/json gets the same errors with 200, as for any validation error', async () => {
    const query = 'query Log($n: Int!) { taskEvents(first: $n) { events { id to } } }';
    const answer = await post(query, { variables: { n: 100000 }, headers: { accept: 'application/json' } });
    expect(answer).toEqual({
      status: 200,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'Operation "Log" has an estimated cost of 300001; the limit is 250000.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000, measured: 300001 },
          },
        ],
      },
    });
  });

  test('a document of more tokens than the limit is not parsed', async () => {
    expect(await post(`query Many { ${'__typename '.repeat(1000)}}`)).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'The document has more than 1000 tokens.',
            extensions: { code: 'TOO_MANY_TOKENS', limit: 1000 },
          },
        ],
      },
    });
  });
});

describe('nesting through the runtime, with the default limits', () => {
  const { runtime, post } = gateway({ ratePerMinutePerAddress: 1000 });
  afterAll(() => runtime.dispose());

  test('a document nested 3,000 levels deep, under the token limit, is refused before it is parsed', async () => {
    // 9,002 tokens: within the default 10,000, and deep enough to overflow the parser's recursion.
    const query = `query Deep ${'{ a '.repeat(3000)}${'}'.repeat(3000)}`;
    expect(await post(query)).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: 'The document nests brackets deeper than 56 levels.',
            extensions: { code: 'QUERY_TOO_DEEP', limit: 56, measured: 57 },
          },
        ],
      },
    });
  });
});

describe('rate limit through the runtime', () => {
  const { runtime, post, advance } = gateway({ ratePerMinutePerAddress: 3, ratePerMinutePerToken: 5 });
  afterAll(() => runtime.dispose());

  test('per address: a burst beyond the rate is refused with 429 and Retry-After until a token is back', async () => {
    const address = '198.51.100.10';
    for (let i = 0; i < 3; i += 1) expect(await post(PING, { address })).toEqual(PONG);
    expect(await post(PING, { address })).toEqual(rateLimited(3, 20));
    // x-forwarded-for is the client's own claim without a trusted proxy.
    expect(await post(PING, { address, headers: { 'x-forwarded-for': '203.0.113.99' } })).toEqual(
      rateLimited(3, 20),
    );
    expect(await post(PING, { address: '198.51.100.11' })).toEqual(PONG);
    advance(15_000);
    expect(await post(PING, { address })).toEqual(rateLimited(3, 5));
    advance(5_000);
    expect(await post(PING, { address })).toEqual(PONG);
    expect(await post(PING, { address })).toEqual(rateLimited(3, 20));
  });

  test('per token subject: an identity has its own rate, whatever its address', async () => {
    const alice = { 'x-test-subject': 'alice' };
    for (let i = 0; i < 5; i += 1)
      expect(await post(PING, { address: `198.51.100.${20 + i}`, headers: alice })).toEqual(PONG);
    expect(await post(PING, { address: '198.51.100.30', headers: alice })).toEqual(rateLimited(5, 12));
    expect(await post(PING, { address: '198.51.100.30', headers: { 'x-test-subject': 'bob' } })).toEqual(
      PONG,
    );
    // Anonymous operations from the same address are counted apart.
    expect(await post(PING, { address: '198.51.100.30' })).toEqual(PONG);
  });

  test('an IPv6 client is counted by its /64, IPv4-mapped addresses as IPv4', async () => {
    for (let i = 1; i <= 3; i += 1) expect(await post(PING, { address: `2001:db8:1:2::${i}` })).toEqual(PONG);
    expect(await post(PING, { address: '2001:db8:1:2:ffff::1' })).toEqual(rateLimited(3, 20));
    for (let i = 0; i < 3; i += 1) expect(await post(PING, { address: '198.51.100.40' })).toEqual(PONG);
    expect(await post(PING, { address: '::ffff:198.51.100.40' })).toEqual(rateLimited(3, 20));
  });
});

describe('rate limit behind a trusted proxy', () => {
  const { runtime, post } = gateway({ ratePerMinutePerAddress: 1, trustProxy: true });
  afterAll(() => runtime.dispose());

  test('counts the address the proxy added to x-forwarded-for', async () => {
    const via = (chain: string) => post(PING, { address: '10.0.0.2', headers: { 'x-forwarded-for': chain } });
    expect(await via('203.0.113.1')).toEqual(PONG);
    expect(await via('203.0.113.2')).toEqual(PONG);
    expect(await via('203.0.113.3, 203.0.113.1')).toEqual(rateLimited(1, 60));
  });
});

describe('introspection and the query page', () => {
  const open = gateway({ introspection: true, queryPage: true });
  const closed = gateway({ introspection: false, queryPage: false });
  afterAll(() => Promise.all([open.runtime.dispose(), closed.runtime.dispose()]));
  const page = async (runtime: GatewayRuntime) => {
    const response = await runtime.fetch('http://gateway/graphql', { headers: { accept: 'text/html' } });
    return { status: response.status, html: /graphiql/i.test(await response.text()) };
  };

  test('are on when the limits say so', async () => {
    expect(await open.post('query Types { __schema { queryType { name } } }')).toEqual({
      status: 200,
      retryAfter: null,
      body: { data: { __schema: { queryType: { name: 'Query' } } } },
    });
    expect(await page(open.runtime)).toEqual({ status: 200, html: true });
  });

  test('are off when the limits say so; __typename still works', async () => {
    expect(await closed.post('query Types { __schema { queryType { name } } }')).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message:
              'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
            locations: [{ line: 1, column: 15 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
          {
            message:
              'GraphQL introspection has been disabled, but the requested query contained the field "queryType".',
            locations: [{ line: 1, column: 26 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
    expect(await closed.post(PING)).toEqual(PONG);
    expect((await page(closed.runtime)).html).toBe(false);
  });
});

describe('runtimeSecurityConfig', () => {
  test('adds nothing when both are on, and the two runtime options when both are off', () => {
    expect(runtimeSecurityConfig(resolveLimits({ introspection: true, queryPage: true }, {}))).toEqual({});
    expect(runtimeSecurityConfig(resolveLimits({ introspection: false, queryPage: false }, {}))).toEqual({
      disableIntrospection: {},
      graphiql: false,
    });
  });
});

describe('costReadsVariables', () => {
  test('is true only when a `first` argument is a variable, in an operation or a fragment', () => {
    const reads = (text: string): boolean => costReadsVariables(parse(text));
    expect(reads('query A($n: Int!) { taskEvents(first: $n) { events { id } } }')).toBe(true);
    expect(
      reads('query A($n: Int!) { ...F } fragment F on Query { taskEvents(first: $n) { events { id } } }'),
    ).toBe(true);
    expect(reads('query A { taskEvents(first: 5) { events { id } } }')).toBe(false);
    expect(
      reads(
        'mutation R($input: TaskStatusInput!) { updateProvincialTaskStatus(input: $input) { task { id } } }',
      ),
    ).toBe(false);
  });
});
