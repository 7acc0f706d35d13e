import { seedIds } from '@nq57/shared';
import { useTestHub } from '../support/hub';
import {
  ROLLUP_COUNTS as COUNTS,
  dataOf,
  statementsFor,
  tallyRollup,
  type Rollup,
  type StatedTask,
} from '../support/monitoring';

const hub = useTestHub();

const AS_OF = '2025-12-10';
const CENTRAL = seedIds.centralTask('71/NQ-CP#5');

type Implementation = {
  centralTaskId: string;
  asOf: string;
  provincial: Rollup;
  commune: Rollup;
  total: Rollup;
};
type Stated = StatedTask & { ref: string | null };

const IMPLEMENTATION = `
  query Implementation($id: ID!, $asOf: String) {
    centralTask(id: $id) {
      implementationProgress(asOf: $asOf) {
        centralTaskId asOf
        provincial { asOf ${COUNTS} }
        commune { asOf ${COUNTS} }
        total { asOf ${COUNTS} }
      }
    }
  }
`;

const ok = <T>(query: string, variables?: Record<string, unknown>): Promise<T> =>
  dataOf<T>(hub(), query, variables);
const tally = (tasks: Stated[]): Rollup => tallyRollup(AS_OF, tasks);
const statements = (query: string): Promise<Record<string, number>> => statementsFor(hub(), query);

async function implementation(id = CENTRAL): Promise<Implementation> {
  return (
    await ok<{ centralTask: { implementationProgress: Implementation } }>(IMPLEMENTATION, { id, asOf: AS_OF })
  ).centralTask.implementationProgress;
}

/** Each task's status and state, read through its own level's task field. */
async function stated(level: 'provincialTask' | 'communeTask', ids: string[]): Promise<Stated[]> {
  const fields = ids.map(
    (id, i) => `t${i}: ${level}(id: "${id}") { id ref status state(asOf: "${AS_OF}") { light overdue } }`,
  );
  return Object.values(await ok<Record<string, Stated>>(`query Stated { ${fields.join('\n')} }`));
}

async function link(mutation: 'linkProvincialTask' | 'linkCommuneTask', taskId: string, targets: object[]) {
  await ok(`mutation Link($input: LinkTaskInput!) { ${mutation}(input: $input) { id } }`, {
    input: { taskId, implements: targets, evidence: 'implementation.test.ts' },
  });
}

describe('CentralTask.implementationProgress, through the gateway', () => {
  it('counts the seed implementations of every central task as the trace lists them', async () => {
    type Trace = {
      directives: {
        tasks: {
          id: string;
          provincialTasks: { id: string; communeTasks: { id: string }[] }[];
          communeTasks: { id: string }[];
          implementationProgress: {
            provincial: { total: number };
            commune: { total: number };
            total: { total: number };
          };
        }[];
      }[];
    };
    const { directives } = await ok<Trace>(`
      query TraceAndProgress {
        directives { tasks {
          id
          provincialTasks { id communeTasks { id } }
          communeTasks { id }
          implementationProgress(asOf: "${AS_OF}") { provincial { total } commune { total } total { total } }
        } }
      }`);
    const tasks = directives.flatMap((d) => d.tasks);
    expect(tasks).toHaveLength(98);
    // The seed has no same-level links, so the trace's two hops are the whole implementation.
    for (const task of tasks) {
      const provincial = task.provincialTasks.length;
      const commune = new Set(
        [...task.communeTasks, ...task.provincialTasks.flatMap((p) => p.communeTasks)].map((c) => c.id),
      ).size;
      expect([task.id, task.implementationProgress]).toEqual([
        task.id,
        {
          provincial: { total: provincial },
          commune: { total: commune },
          total: { total: provincial + commune },
        },
      ]);
    }
    // central.json was rebuilt from the plans' citations, so every central task has an implementer.
    const unimplemented = tasks.filter((task) => task.implementationProgress.total.total === 0);
    expect(unimplemented).toEqual([]);
  });

  it('follows links down through provincial and commune tasks, counting each task once', async () => {
    // 71/NQ-CP#5 is carried out by 003-80 (Thái Nguyên) and 004-9 (Thuận An).
    expect(await implementation()).toEqual({
      centralTaskId: CENTRAL,
      asOf: AS_OF,
      ...(await byLevel(ids('003-80'), ids('004-9'))),
    });
    // A provincial plan of Lâm Đồng whose task implements it, and a task of Thái Nguyên implementing 003-80.
    const created = await ok<{ createProvincialPlan: { tasks: { id: string }[] } }>(
      `mutation Plan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { tasks { id } } }`,
      {
        input: {
          provinceCode: '68',
          number: '01-KH/TEST',
          kind: 'PLAN',
          title: 'Kế hoạch thử',
          issuedOn: '2025-11-01',
          tasks: [{ content: 'Triển khai nền tảng số', deadline: 'Ngày 30/11/2025', lead: 'Sở KH&CN' }],
        },
      },
    );
    const lamDong = created.createProvincialPlan.tasks[0].id;
    await link('linkProvincialTask', lamDong, [{ level: 'CENTRAL', id: CENTRAL }]);
    await link('linkProvincialTask', seedIds.task('003-1'), [
      { level: 'PROVINCIAL', id: seedIds.task('003-80') },
    ]);
    // Thuận An tasks: one through the Lâm Đồng task, one through 004-9 (same level), one by two paths at once.
    await link('linkCommuneTask', seedIds.task('004-2'), [{ level: 'PROVINCIAL', id: lamDong }]);
    await link('linkCommuneTask', seedIds.task('004-1'), [{ level: 'COMMUNE', id: seedIds.task('004-9') }]);
    await link('linkCommuneTask', seedIds.task('004-3'), [
      { level: 'CENTRAL', id: CENTRAL },
      { level: 'PROVINCIAL', id: lamDong },
    ]);
    const after = await implementation();
    const expected = await byLevel(
      [...ids('003-80', '003-1'), lamDong],
      ids('004-9', '004-1', '004-2', '004-3'),
    );
    expect(after).toEqual({ centralTaskId: CENTRAL, asOf: AS_OF, ...expected });
    expect([after.provincial.total, after.commune.total, after.total.total]).toEqual([3, 4, 7]);
    // The new Lâm Đồng task fell due on 30/11: red in the provincial part and in the total.
    expect(after.provincial.red).toBe(1);
  });

  it('costs one statement per subgraph, whether one central task is asked for or all 98', async () => {
    const one = await statements(
      `query One { centralTask(id: "${CENTRAL}") { implementationProgress(asOf: "${AS_OF}") { total { total } } } }`,
    );
    const all = await statements(
      `query All { directives { tasks { implementationProgress(asOf: "${AS_OF}") { total { total } } } } }`,
    );
    expect({ provincial: one.provincial, commune: one.commune }).toEqual({ provincial: 1, commune: 1 });
    expect({ provincial: all.provincial, commune: all.commune }).toEqual({ provincial: 1, commune: 1 });
  });

  it('refuses a bad asOf, and a representation that is not one', async () => {
    const result = await hub().query(IMPLEMENTATION, { id: CENTRAL, asOf: '10/12/2025' });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_DATE']);
    // Straight to the commune subgraph, as a caller bypassing the gateway would.
    const response = await fetch(hub().commune.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on ImplementationProgress { commune { total } } } }`,
        variables: {
          r: [
            {
              __typename: 'ImplementationProgress',
              centralTaskId: CENTRAL,
              asOf: AS_OF,
              provincialTaskIds: ["x'; DROP TABLE task_link; --"],
            },
          ],
        },
      }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

const ids = (...refs: string[]): string[] => refs.map((ref) => seedIds.task(ref));

/** What the three parts should be for these provincial and commune task ids, from each task's own fields. */
async function byLevel(
  provincial: string[],
  commune: string[],
): Promise<Omit<Implementation, 'centralTaskId' | 'asOf'>> {
  const provincialTasks = await stated('provincialTask', provincial);
  const communeTasks = await stated('communeTask', commune);
  const p = tally(provincialTasks);
  const c = tally(communeTasks);
  const total = tally([...provincialTasks, ...communeTasks]);
  return { provincial: p, commune: c, total };
}
