import type { Client } from 'graphql-ws';
import { start, type GatewayHandle } from '@nq57/gateway';
import { useTestHub } from '../support/hub';
import { collect, wsClient } from '../support/live';
import { seedTasks, updateMutation } from '../support/seed-tasks';
import { tokenFor } from '../support/tokens';

/**
 * The abuse limits through a running gateway over the real subgraphs: two gateways of the hub's subgraphs, one
 * with the default limits but a small body limit, two subscriptions per connection and no practical rate
 * limit, one with a rate of 3 operations a minute per address and 2 per token.
 */
const hub = useTestHub();
let gateway: GatewayHandle;
let throttled: GatewayHandle;
const clients: Client[] = [];

const BODY_LIMIT = 64 * 1024;

beforeAll(async () => {
  const { central, provincial, commune, events } = hub();
  const subgraphs = {
    central: central.url,
    provincial: provincial.url,
    commune: commune.url,
    events: events.url,
  };
  gateway = await start({
    subgraphs,
    limits: { maxBodyBytes: BODY_LIMIT, maxSubscriptionsPerConnection: 2, ratePerMinutePerAddress: 100000 },
  });
  throttled = await start({ subgraphs, limits: { ratePerMinutePerAddress: 3, ratePerMinutePerToken: 2 } });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await Promise.all([gateway?.stop(), throttled?.stop()]);
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

/** POSTs an operation as a GraphQL-over-HTTP client does (preferring application/graphql-response+json). */
async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Answer> {
  return send(url, JSON.stringify({ query, variables }), token);
}

/** POSTs a raw JSON body, with a bearer token when given. */
async function send(url: string, body: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

/** The refusal of an operation at line 1, column 1 (where the operations below begin). */
function refused(code: string, message: string, limit: number, measured: number): Answer {
  return {
    status: 400,
    retryAfter: null,
    body: {
      errors: [{ message, locations: [{ line: 1, column: 1 }], extensions: { code, limit, measured } }],
    },
  };
}

describe('query limits', () => {
  test('a real trace within the limits is answered', async () => {
    const answer = await post(
      gateway.url,
      `query Trace { directive(number: "71/NQ-CP") { number tasks { ref content deadline { text dueDate }
        provincialTasks { ordinal plan { number province { name } } }
        communeTasks { ordinal commune { name province { name } } } } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { directive: { number: '71/NQ-CP' } } });
    expect(answer.body).not.toHaveProperty('errors');
  });

  test('a trace down and up the levels 13 deep is refused as too deep and too costly', async () => {
    const query = `query DeepTrace { directive(number: "71/NQ-CP") { tasks { provincialTasks { communeTasks {
      provincialTasks { centralTasks { provincialTasks { communeTasks { provincialTasks { centralTasks {
      provincialTasks { communeTasks { content } } } } } } } } } } } } }`;
    expect(await post(gateway.url, query)).toEqual({
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

  test('a fan-out of six nested lists over every directive, 7 deep, is refused as too costly', async () => {
    // directives 1 + 10 x (tasks 1 + 10 x (... centralTasks 1 + 10 x content 1)): 1,111,111.
    const query = `query FanOut { directives { tasks { provincialTasks { communeTasks { provincialTasks {
      centralTasks { content } } } } } } }`;
    expect(await post(gateway.url, query)).toEqual(
      refused(
        'QUERY_TOO_COSTLY',
        'Operation "FanOut" has an estimated cost of 1111111; the limit is 250000.',
        250000,
        1111111,
      ),
    );
  });

  test('a page size from a variable is costed with its value', async () => {
    const query = `query Log($first: Int!) { taskEvents(first: $first) { events { id to } } }`;
    expect(await post(gateway.url, query, { first: 100000 })).toEqual(
      refused(
        'QUERY_TOO_COSTLY',
        'Operation "Log" has an estimated cost of 300001; the limit is 250000.',
        250000,
        300001,
      ),
    );
  });

  test('31 aliases are refused', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `p${i}: province(code: "${i + 1}") { name }`).join(
      ' ',
    );
    expect(await post(gateway.url, `query Provinces { ${fields} }`)).toEqual(
      refused('TOO_MANY_ALIASES', 'Operation "Provinces" has 31 aliases; the limit is 30.', 30, 31),
    );
  });
});

describe('body limit', () => {
  const body = (bytes: number): string => {
    const empty = JSON.stringify({ query: 'query Padded { __typename }', variables: { pad: '' } });
    return JSON.stringify({
      query: 'query Padded { __typename }',
      variables: { pad: 'x'.repeat(bytes - empty.length) },
    });
  };

  test('a body at the limit is served', async () => {
    expect(await send(gateway.url, body(BODY_LIMIT))).toEqual({
      status: 200,
      retryAfter: null,
      body: { data: { __typename: 'Query' } },
    });
  });

  test('a body one byte over the limit is refused with 413 before the gateway reads it', async () => {
    expect(await send(gateway.url, body(BODY_LIMIT + 1))).toEqual({
      status: 413,
      retryAfter: null,
      body: {
        errors: [
          {
            message: `The request body is ${BODY_LIMIT + 1} bytes; the limit is ${BODY_LIMIT}.`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', limit: BODY_LIMIT, measured: BODY_LIMIT + 1 },
          },
        ],
      },
    });
  });
});

describe('rate limit', () => {
  const served = { status: 200, retryAfter: null, body: { data: { __typename: 'Query' } } };
  const limited = (limit: number, seconds: number) => ({
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
  });

  test('a burst beyond the rate from one address is refused with 429, over HTTP and over graphql-ws', async () => {
    const burst: Answer[] = [];
    for (let i = 0; i < 4; i += 1) burst.push(await post(throttled.url, 'query Burst { __typename }'));
    expect(burst).toEqual([served, served, served, limited(3, 20)]);
    // A subscription from the same address counts against the same bucket.
    const client = wsClient(throttled.wsUrl);
    clients.push(client);
    const live = collect(client, 'taskStatusChanged', 'subscription Live { taskStatusChanged { cursor } }');
    await live.ended;
    expect(live.items).toEqual([]);
    // Refused before execution: graphql-ws's `error` message, which carries the list of errors.
    expect(live.errors).toEqual([
      [
        {
          message: 'Too many operations: the limit is 3 a minute; retry in 20 s.',
          extensions: { code: 'RATE_LIMITED', limit: 3, retryAfterSeconds: 20 },
        },
      ],
    ]);
  });

  test('a token has a rate of its own, whatever its address has used', async () => {
    const [first, second] = await Promise.all([
      tokenFor({ role: 'viewer', jurisdiction: 'central', subject: 'rate-first' }),
      tokenFor({ role: 'viewer', jurisdiction: 'central', subject: 'rate-second' }),
    ]);
    const burst: Answer[] = [];
    for (let i = 0; i < 3; i += 1)
      burst.push(await post(throttled.url, 'query Burst { __typename }', {}, first));
    // This address is out of anonymous operations (above); the tokens are counted apart from it.
    expect(burst).toEqual([served, served, limited(2, 30)]);
    expect(await post(throttled.url, 'query Burst { __typename }', {}, second)).toEqual(served);
  });

  test('a subscription joining an identical one already running counts against its rate like any other', async () => {
    const token = await tokenFor({ role: 'viewer', jurisdiction: 'central', subject: 'rate-joiner' });
    const client = wsClient(throttled.wsUrl, 0, token);
    clients.push(client);
    const query = 'subscription Joined { taskStatusChanged { cursor } }';
    const first = collect(client, 'taskStatusChanged', query);
    await waitUntil(() => throttled.liveStats().subscribers === 1);
    const second = collect(client, 'taskStatusChanged', query);
    await waitUntil(() => throttled.liveStats().subscribers === 2);
    const third = collect(client, 'taskStatusChanged', query);
    await third.ended;
    expect({ stats: throttled.liveStats().subscribers, errors: third.errors }).toEqual({
      stats: 2,
      errors: [
        [
          {
            message: 'Too many operations: the limit is 2 a minute; retry in 30 s.',
            extensions: { code: 'RATE_LIMITED', limit: 2, retryAfterSeconds: 30 },
          },
        ],
      ],
    });
    first.stop();
    second.stop();
  });
});

/** Resolves once `condition` holds, checking every 10 ms for up to 5 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5000; !condition();) {
    if (Date.now() > deadline) throw new Error('waitUntil: still false after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A subscription over server-sent events: the response as soon as its headers came, and a way to end it. */
async function sseSubscription(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ response: Response; end: () => void }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  return {
    response,
    end: () => {
      controller.abort();
      void response.body?.cancel().catch(() => undefined);
    },
  };
}

/** The `data` payloads of a finished event stream, parsed. */
async function eventData(response: Response): Promise<unknown[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data:') && line.length > 'data:'.length)
    .map((line) => JSON.parse(line.slice('data:'.length)));
}

/** The first subscription `open` starts that is still streaming 300 ms later, trying for up to `ms`. */
async function acceptedWithin(
  ms: number,
  open: () => Promise<{ response: Response; end: () => void }>,
): Promise<{ response: Response; end: () => void }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const subscription = await open();
    const ended = eventData(subscription.response).then((data) => data);
    const outcome = await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 300, 'open'))]);
    if (outcome === 'open') return subscription;
    if (Date.now() > deadline) throw new Error(`still refused: ${JSON.stringify(outcome)}`);
  }
}

describe('subscriptions per connection', () => {
  const LIVE = `subscription Live($filter: TaskEventFilter, $after: String) {
    taskStatusChanged(filter: $filter, after: $after) { cursor to progress task { id } }
  }`;

  test('over HTTP (server-sent events) a client gets the same cap: its third is refused until one ends', async () => {
    const { get } = await seedTasks(hub());
    const variables = { filter: { taskId: get('003-80').id } };
    const first = await sseSubscription(gateway.url, LIVE, variables);
    const second = await sseSubscription(gateway.url, LIVE, variables);
    const third = await sseSubscription(gateway.url, LIVE, variables);
    expect({ status: third.response.status, data: await eventData(third.response) }).toEqual({
      status: 429,
      data: [
        {
          errors: [
            {
              message: 'This client already runs 2 subscriptions over HTTP; the limit is 2.',
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2, measured: 3 },
            },
          ],
        },
      ],
    });
    first.end();
    // The slot is freed when the gateway sees the stream end, a moment after the client went away.
    const fourth = await acceptedWithin(2000, () => sseSubscription(gateway.url, LIVE, variables));
    expect(fourth.response.status).toBe(200);
    second.end();
    fourth.end();
  });

  test('the third subscription on one connection is refused; stopping one frees its slot', async () => {
    const { get } = await seedTasks(hub());
    const task = get('003-80');
    const client = wsClient(gateway.wsUrl);
    clients.push(client);
    const filter = { taskId: task.id };
    const first = collect(client, 'taskStatusChanged', LIVE, { filter });
    const second = collect(client, 'taskStatusChanged', LIVE, { filter });
    const third = collect(client, 'taskStatusChanged', LIVE, { filter });
    await third.ended;
    expect(third.errors).toEqual([
      [
        {
          message: 'This connection already runs 2 operations; the limit is 2.',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2, measured: 3 },
        },
      ],
    ]);
    first.stop();
    // Two reports of the task: a subscription resuming after the first one replays the second.
    const cursors: string[] = [];
    for (const [version, progress] of [
      [task.version, 10],
      [task.version + 1, 20],
    ]) {
      const report = await hub().query<{ report: { event: { cursor: string } } }>(
        updateMutation(task.typename),
        {
          input: { id: task.id, status: 'IN_PROGRESS', progress, expectedVersion: version },
        },
      );
      if (report.errors) throw new Error(JSON.stringify(report.errors));
      cursors.push(report.data!.report.event.cursor);
    }
    const fourth = collect<{ cursor: string; progress: number }>(client, 'taskStatusChanged', LIVE, {
      filter,
      after: cursors[0],
    });
    expect((await fourth.waitFor(1)).map(({ cursor, progress }) => ({ cursor, progress }))).toEqual([
      { cursor: cursors[1], progress: 20 },
    ]);
    expect(fourth.errors).toEqual([]);
    second.stop();
    fourth.stop();
  });
});
