import { ROUTING_KEY, routedShapeOf, routedSubscriptionOf } from './routed-operation';

const LIVE = 'subscription Live($filter: TaskEventFilter) { taskStatusChanged(filter: $filter) { cursor } }';
const ANY = { directiveKey: null, provinceCode: null, communeCode: null, level: null, taskId: null };

describe('routedSubscriptionOf', () => {
  it('runs the live field without its filter, selecting the routing, and keeps the filter for routing', () => {
    const routed = routedSubscriptionOf(
      { query: LIVE, variables: { filter: { directiveNumber: ' 71/nq-cp ', provinceCode: '19' } } },
      undefined,
    );
    expect(routed).toEqual({
      shape: {
        query: `subscription Live {\n  taskStatusChanged {\n    cursor\n    ${ROUTING_KEY}: routing {\n      level\n      taskId\n      provinceCode\n      communeCode\n      directiveKeys\n    }\n  }\n}`,
        responseKey: 'taskStatusChanged',
        filter: 'filter',
        after: null,
      },
      match: { ...ANY, directiveKey: '71/NQ-CP', provinceCode: '19' },
      variables: {},
    });
  });

  it('keeps the variables the selection uses and the alias of the live field', () => {
    const query =
      'subscription Live($f: TaskEventFilter, $after: String, $n: Boolean!) ' +
      '{ live: taskStatusChanged(filter: $f, after: $after) { note @include(if: $n) } }';
    const routed = routedSubscriptionOf({ query, variables: { f: null, after: null, n: true } }, undefined);
    expect([
      routed?.shape.responseKey,
      routed?.shape.query.split('\n')[0],
      routed?.variables,
      routed?.match,
    ]).toEqual(['live', 'subscription Live($n: Boolean!) {', { n: true }, ANY]);
  });

  it.each([
    ['a cursor to replay from', LIVE.replace('filter: $filter', 'filter: $filter, after: "x"'), {}],
    [
      'a cursor in a variable',
      'subscription L($a: String) { taskStatusChanged(after: $a) { cursor } }',
      { a: 'x' },
    ],
    [
      'a filter written inline',
      'subscription { taskStatusChanged(filter: { provinceCode: "19" }) { cursor } }',
      {},
    ],
    [
      'two live fields',
      'subscription L($f: TaskEventFilter) { taskStatusChanged(filter: $f) { task { id } } a: taskStatusChanged(filter: $f) { cursor } }',
      {},
    ],
    [
      'a filter variable used again in the selection',
      'subscription L($f: TaskEventFilter) { taskStatusChanged(filter: $f) { cursor @include(if: $f) } }',
      {},
    ],
    ['a field that is not plain', LIVE, { filter: { provinceCode: 19 } }],
    ['an unknown filter field', LIVE, { filter: { province: '19' } }],
    ['a level that is not one', LIVE, { filter: { level: 'VILLAGE' } }],
    ['a query', 'query { eventLogHead }', {}],
    ['another subscription field', 'subscription { other { id } }', {}],
    [
      'a directive on the live field',
      'subscription L($s: Boolean!) { taskStatusChanged @skip(if: $s) { cursor } }',
      {},
    ],
    ['its own routing alias', `subscription { taskStatusChanged { ${ROUTING_KEY}: cursor } }`, {}],
    ['a document that does not parse', 'subscription {', {}],
  ])('leaves %s to run as it is', (_case, query, variables) => {
    expect(routedSubscriptionOf({ query, variables }, undefined)).toBeNull();
  });

  it.each([
    [{ provinceCode: '99' }, 'INVALID_JURISDICTION'],
    [{ communeCode: '24682; --' }, 'BAD_USER_INPUT'],
    [{ taskId: 'not-a-uuid' }, 'BAD_USER_INPUT'],
  ])('refuses the filter %j with %s, as the events subgraph does', (filter, code) => {
    expect(() => routedSubscriptionOf({ query: LIVE, variables: { filter } }, undefined)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code }) }),
    );
  });

  it('parses a document once', () => {
    const query = `${LIVE} # once`;
    expect(routedShapeOf(query, undefined, undefined)).toBe(routedShapeOf(query, undefined, undefined));
  });
});
