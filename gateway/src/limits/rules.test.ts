import {
  buildASTSchema,
  buildSchema,
  getIntrospectionQuery,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../supergraph';
import { estimateCost, fragmentsOf, MEASURE_CAP, operationAliases, operationDepth } from './measure';
import { DEFAULT_LIMITS } from './options';
import { aliasLimitRule, costLimitRule, depthLimitRule } from './rules';

const defaultRules = [
  depthLimitRule(DEFAULT_LIMITS.maxDepth),
  aliasLimitRule(DEFAULT_LIMITS.maxAliases),
  costLimitRule(DEFAULT_LIMITS.maxCost),
];

/** The part of the hub's API schema the queries below use. */
const schema = buildSchema(`
  type Query {
    directive(number: String!): Directive
    directives: [Directive!]!
    taskEvents(first: Int! = 100, after: String): TaskEventPage!
  }
  type Directive { number: String! title: String! tasks: [CentralTask!]! }
  type CentralTask {
    id: ID!
    content: String!
    provincialTasks: [ProvincialTask!]!
    communeTasks: [CommuneTask!]!
    history(first: Int! = 20): TaskEventPage!
  }
  type ProvincialTask { id: ID! content: String! centralTasks: [CentralTask!]! communeTasks: [CommuneTask!]! }
  type CommuneTask { id: ID! content: String! centralTasks: [CentralTask!]! provincialTasks: [ProvincialTask!]! }
  type TaskEventPage { events: [TaskEvent!]! hasNextPage: Boolean! }
  type TaskEvent { id: ID! to: String! }
`);

/** The errors `rules` alone find in `query`, as a client would receive them. */
function errorsOf(query: string, rules: ValidationRule[]): unknown[] {
  return validate(schema, parse(query), rules).map((error) => error.toJSON());
}

/** The depth, aliases and cost of the only operation of `query`. */
function measures(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no single operation');
  const fragments = fragmentsOf(document.definitions);
  return {
    depth: operationDepth(operation, fragments),
    aliases: operationAliases(operation, fragments),
    cost: estimateCost(schema, operation, fragments, { variables }),
  };
}

/** directive > tasks > (provincialTasks > communeTasks > provincialTasks > centralTasks) x2 > ... > content. */
const DEEP_TRACE = `query DeepTrace {
  directive(number: "71/NQ-CP") {
    tasks {
      provincialTasks { communeTasks { provincialTasks { centralTasks {
        provincialTasks { communeTasks { provincialTasks { centralTasks {
          provincialTasks { communeTasks { content } }
        } } } }
      } } } }
    }
  }
}`;

describe('depth', () => {
  test('counts every field on the deepest path, the leaf included', () => {
    expect(measures('query Trace { directive(number: "71/NQ-CP") { number tasks { content } } }').depth).toBe(
      3,
    );
  });

  test('refuses the 13-deep trace with QUERY_TOO_DEEP, the limit and the depth', () => {
    expect(errorsOf(DEEP_TRACE, [depthLimitRule(12)])).toEqual([
      {
        message: 'Operation "DeepTrace" is 13 levels deep; the limit is 12.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_DEEP', limit: 12, measured: 13 },
      },
    ]);
    expect(errorsOf(DEEP_TRACE, [depthLimitRule(13)])).toEqual([]);
  });

  test('follows named and inline fragments', () => {
    const query = `query Fragments {
      directives { ...Down }
    }
    fragment Down on Directive { tasks { ... on CentralTask { provincialTasks { ...Up } } } }
    fragment Up on ProvincialTask { centralTasks { communeTasks { content } } }`;
    expect(measures(query).depth).toBe(6);
    expect(errorsOf(query, [depthLimitRule(5)])).toEqual([
      {
        message: 'Operation "Fragments" is 6 levels deep; the limit is 5.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_DEEP', limit: 5, measured: 6 },
      },
    ]);
  });

  test('counts introspection fields', () => {
    const query = `query Spy { __schema { types { fields { type { fields { type { fields { type {
      fields { type { fields { type { name } } } } } } } } } } } } }`;
    expect(errorsOf(query, [depthLimitRule(12)])).toEqual([
      {
        message: 'Operation "Spy" is 13 levels deep; the limit is 12.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_DEEP', limit: 12, measured: 13 },
      },
    ]);
  });

  test('does not count the ofType chain, so the standard introspection query passes the defaults', () => {
    const query = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });
    // Under __schema nothing multiplies: the cost is the number of fields the query names, fragments expanded.
    expect(measures(query)).toEqual({ depth: 6, aliases: 0, cost: 227 });
    expect(errorsOf(query, defaultRules)).toEqual([]);
  });

  test('reports each operation of a document on its own', () => {
    const query = `query Shallow { directives { number } } query Deep { directives { tasks { content } } }`;
    expect(errorsOf(query, [depthLimitRule(2)])).toEqual([
      {
        message: 'Operation "Deep" is 3 levels deep; the limit is 2.',
        locations: [{ line: 1, column: 41 }],
        extensions: { code: 'QUERY_TOO_DEEP', limit: 2, measured: 3 },
      },
    ]);
  });
});

describe('aliases', () => {
  const aliased = (count: number): string =>
    `{ ${Array.from({ length: count }, (_, i) => `d${i}: directive(number: "${i}") { number }`).join(' ')} }`;

  test('allows the limit and refuses one more with TOO_MANY_ALIASES, the limit and the count', () => {
    expect(errorsOf(`query Thirty ${aliased(30)}`, [aliasLimitRule(30)])).toEqual([]);
    expect(errorsOf(`query ThirtyOne ${aliased(31)}`, [aliasLimitRule(30)])).toEqual([
      {
        message: 'Operation "ThirtyOne" has 31 aliases; the limit is 30.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'TOO_MANY_ALIASES', limit: 30, measured: 31 },
      },
    ]);
  });

  test('counts a fragment for each place it is spread, and names an anonymous operation', () => {
    const query = `{ a: directive(number: "1") { ...Named } b: directive(number: "2") { ...Named } }
      fragment Named on Directive { n: number t: title }`;
    expect(measures(query).aliases).toBe(6);
    expect(errorsOf(query, [aliasLimitRule(5)])).toEqual([
      {
        message: 'The anonymous operation has 6 aliases; the limit is 5.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'TOO_MANY_ALIASES', limit: 5, measured: 6 },
      },
    ]);
  });

  test('measures a fragment bomb in linear time and caps the count', () => {
    const levels = 60;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
    ).join('\n');
    const query = `query Bomb { ...F${levels} }\nfragment F0 on Query { x: __typename }\n${fragments}`;
    const started = Date.now();
    expect(errorsOf(query, [aliasLimitRule(30)])).toEqual([
      {
        message: `Operation "Bomb" has ${MEASURE_CAP} aliases; the limit is 30.`,
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'TOO_MANY_ALIASES', limit: 30, measured: MEASURE_CAP },
      },
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('cost', () => {
  test('a field costs 1 and a list multiplies what it selects by 10', () => {
    // directives 1 + 10 x (number 1)
    expect(measures('query Numbers { directives { number } }').cost).toBe(11);
  });

  test('multiplies nested lists', () => {
    // directive 1 + (tasks 1 + 10 x (content 1 + provincialTasks 1 + 10 x (content 1)))
    const query = 'query Two { directive(number: "x") { tasks { content provincialTasks { content } } } }';
    expect(measures(query).cost).toBe(1 + 1 + 10 * (1 + 1 + 10 * 1));
  });

  test('a page multiplies by its first argument, given or by default, and its item list does not multiply again', () => {
    // directive 1 + (tasks 1 + 10 x (history 1 + 50 x (events 1 + 1 x (id 1))))
    const given =
      'query History { directive(number: "x") { tasks { history(first: 50) { events { id } } } } }';
    expect(measures(given).cost).toBe(1 + 1 + 10 * (1 + 50 * 2));
    const byDefault = 'query History { directive(number: "x") { tasks { history { events { id } } } } }';
    expect(measures(byDefault).cost).toBe(1 + 1 + 10 * (1 + 20 * 2));
  });

  test('takes first from the variables when given, else from the variable default, else the argument default', () => {
    const query = 'query Log($n: Int!) { taskEvents(first: $n) { events { id to } } }';
    expect(measures(query).cost).toBe(1 + 100 * 3);
    expect(measures(query, { n: 1000 }).cost).toBe(1 + 1000 * 3);
    expect(measures('query Log($n: Int = 5) { taskEvents(first: $n) { events { id to } } }').cost).toBe(
      1 + 5 * 3,
    );
  });

  test('refuses the deep trace with QUERY_TOO_COSTLY, the limit and the estimate', () => {
    expect(errorsOf(DEEP_TRACE, [costLimitRule(5000)])).toEqual([
      {
        message: 'Operation "DeepTrace" has an estimated cost of 111111111112; the limit is 5000.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 5000, measured: 111111111112 },
      },
    ]);
  });

  test('a costly but shallow query: 3 lists of 10 under a 100-event page', () => {
    const query = `query Wide { taskEvents(first: 100) { events { id } } directives { tasks { provincialTasks { communeTasks { id } } } } }`;
    // taskEvents 1 + 100 x 2, directives 1 + 10 x (1 + 10 x (1 + 10 x (1 + 10 x 1)))
    expect(measures(query).cost).toBe(201 + 1 + 10 * (1 + 10 * (1 + 10 * 11)));
    expect(errorsOf(query, [costLimitRule(5000)])).toEqual([
      {
        message: 'Operation "Wide" has an estimated cost of 11312; the limit is 5000.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 5000, measured: 11312 },
      },
    ]);
  });

  test('does not count __typename, which Apollo Client and urql add to every selection', () => {
    const plain = 'query Two { directive(number: "x") { tasks { content provincialTasks { content } } } }';
    const typed =
      'query Two { __typename directive(number: "x") { __typename tasks { __typename content provincialTasks { __typename content } } } }';
    expect([measures(typed).cost, measures(plain).cost]).toEqual([
      1 + 1 + 10 * (1 + 1 + 10 * 1),
      1 + 1 + 10 * (1 + 1 + 10 * 1),
    ]);
  });

  test('caps the estimate instead of overflowing', () => {
    const nested = (depth: number): string =>
      depth === 0 ? 'content' : `provincialTasks { centralTasks { ${nested(depth - 1)} } }`;
    const query = `query Huge { directives { tasks { ${nested(20)} } } }`;
    expect(measures(query).cost).toBe(MEASURE_CAP);
  });
});

describe("the default limits on the hub's own schema", () => {
  const supergraph = buildASTSchema(parse(readFileSync(SUPERGRAPH_FILE, 'utf8')), { assumeValidSDL: true });
  const check = (query: string) => {
    const document = parse(query);
    const operation = getOperationAST(document);
    if (!operation) throw new Error('no single operation');
    return {
      cost: estimateCost(supergraph, operation, fragmentsOf(document.definitions)),
      errors: validate(supergraph, document, defaultRules).map((error) => error.toJSON()),
    };
  };

  test("admit the heaviest queries the hub's own tests and README send", () => {
    // test/statement-count.test.ts: 1,633 fields on the seed data.
    const deepTrace = `query DeepTrace { directives { number tasks { ref history(first: 2) { events { to progress } }
      provincialTasks { ref plan { number province { name } } centralTasks { ref }
        communeTasks { ref commune { name } history(first: 2) { events { to } } }
        history(first: 2) { events { to progress } } }
      communeTasks { ref plan { number } commune { name province { name } } provincialTasks { ref } } } } }`;
    // test/trace.test.ts: 90 fields.
    const communeUp = `query CommuneUp { commune(code: "24682") { name province { code name } plans { tasks { ref
      centralTasks { ref directive { number } provincialTasks(provinceCode: "19") { ref } } } } } }`;
    // README.md.
    const readme = `query Trace { directive(number: "71/NQ-CP") { number issuedOn tasks { ref content
      deadline { text dueDate } provincialTasks { ordinal plan { number province { name } } }
      communeTasks { ordinal commune { name province { name } } } } } }`;
    expect([deepTrace, communeUp, readme].map(check)).toEqual([
      { cost: 123021, errors: [] },
      { cost: 14216, errors: [] },
      { cost: 1074, errors: [] },
    ]);
  });

  test('refuse six nested lists', () => {
    const fanOut = `query FanOut { directives { tasks { provincialTasks { communeTasks { provincialTasks {
      centralTasks { content } } } } } } }`;
    expect(check(fanOut)).toEqual({
      cost: 1111111,
      errors: [
        {
          message: 'Operation "FanOut" has an estimated cost of 1111111; the limit is 250000.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000, measured: 1111111 },
        },
      ],
    });
  });
});

describe('all three rules with the specified ones', () => {
  test('terminate on a fragment cycle, which the specified rules report', () => {
    const query = `query Loop { directives { tasks { ...Down } } }
      fragment Down on CentralTask { provincialTasks { ...Up } }
      fragment Up on ProvincialTask { centralTasks { ...Down } }`;
    const errors = validate(schema, parse(query), [
      ...specifiedRules,
      depthLimitRule(12),
      aliasLimitRule(30),
      costLimitRule(5000),
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Cannot spread fragment "Down" within itself via "Up".',
    ]);
  });
});
