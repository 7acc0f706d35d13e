import type { UnifiedGraphHandlerOpts } from '@graphql-mesh/fusion-runtime';
import type { ExecutionRequest, ExecutionResult } from '@graphql-tools/utils';
import { buildSchema, parse, print } from 'graphql';
import { queryPlannerFromEnv, rustPlannerWhereItCan } from './query-planner';
import { DEFAULT_SUBGRAPH_URLS, loadSupergraph } from './supergraph';

describe('NQ57_QUERY_PLANNER', () => {
  it('is the Rust planner unless it says stitching, and nothing else', () => {
    expect(queryPlannerFromEnv({})).toBe('rust');
    expect(queryPlannerFromEnv({ NQ57_QUERY_PLANNER: 'rust' })).toBe('rust');
    expect(queryPlannerFromEnv({ NQ57_QUERY_PLANNER: 'stitching' })).toBe('stitching');
    expect(() => queryPlannerFromEnv({ NQ57_QUERY_PLANNER: 'apollo' })).toThrow(/NQ57_QUERY_PLANNER/);
  });
});

type Answer = (request: ExecutionRequest) => ExecutionResult | AsyncIterable<ExecutionResult>;

/** The handler over the committed supergraph, its subgraphs answered by `answers` and their requests kept. */
async function handlerWith(answers: Partial<Record<string, Answer>>) {
  const sdl = loadSupergraph(DEFAULT_SUBGRAPH_URLS);
  const sent: { subgraph: string; document: string }[] = [];
  const options: UnifiedGraphHandlerOpts = {
    unifiedGraph: buildSchema(sdl, { assumeValidSDL: true }),
    getUnifiedGraphSDL: () => sdl,
    onSubgraphExecute: (subgraph: string, request: ExecutionRequest) => {
      sent.push({ subgraph, document: print(request.document) });
      const answer = answers[subgraph];
      if (!answer) throw new Error(`No answer from ${subgraph}`);
      return answer(request);
    },
  };
  const handled = await rustPlannerWhereItCan(options);
  const execute = (query: string) =>
    handled.executor!({ document: parse(query), context: {} }) as Promise<
      ExecutionResult | AsyncIterable<ExecutionResult>
    >;
  return { execute, sent };
}

describe('the Rust planner where it can, stitching elsewhere', () => {
  it('plans a query with the native planner (it loads inside Jest)', async () => {
    const { execute, sent } = await handlerWith({
      commune: () => ({ data: { communeTask: { content: 'Số hoá hồ sơ' } } }),
    });
    expect(await execute('{ communeTask(id: "t1") { content } }')).toEqual({
      data: { communeTask: { content: 'Số hoá hồ sơ' } },
    });
    // The planner's fetch keeps the literal argument; stitching would have sent it as a variable.
    expect(sent).toEqual([
      { subgraph: 'commune', document: expect.stringContaining('communeTask(id: "t1")') },
    ]);
  });

  it('answers an unreachable subgraph with data null, as execution does, when the root field is not null', async () => {
    const { execute } = await handlerWith({
      central: () => ({ errors: [{ message: 'down' } as never] }),
    });
    expect(await execute('{ directives { number } }')).toEqual({ data: null, errors: [expect.anything()] });
  });

  it('resolves a subscription payload field of another subgraph, per event', async () => {
    const { execute, sent } = await handlerWith({
      events: () =>
        (async function* () {
          yield { data: { taskStatusChanged: { __typename: 'TaskEvent', id: 'e1', task: task('t1') } } };
          yield { data: { taskStatusChanged: { __typename: 'TaskEvent', id: 'e2', task: task('t2') } } };
        })(),
      commune: (request) => ({
        data: {
          _entities: (request.variables?.representations as { id: string }[]).map(({ id }) => ({
            __typename: 'CommuneTask',
            content: `content of ${id}`,
          })),
        },
      }),
    });
    const stream = (await execute(
      'subscription { taskStatusChanged { id task { id content } } }',
    )) as AsyncIterable<ExecutionResult>;
    const payloads: unknown[] = [];
    for await (const result of stream) payloads.push(result.data);
    expect(payloads).toEqual([
      { taskStatusChanged: { id: 'e1', task: { id: 't1', content: 'content of t1' } } },
      { taskStatusChanged: { id: 'e2', task: { id: 't2', content: 'content of t2' } } },
    ]);
    expect(sent.map(({ subgraph }) => subgraph)).toEqual(['events', 'commune', 'commune']);
  });
});

function task(id: string) {
  return { __typename: 'CommuneTask', id };
}
