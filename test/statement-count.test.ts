import { subgraphsOf, useTestHub } from './support/hub';

/** One deep trace: every directive, its tasks, their provincial and commune tasks, theirs, and their history. */
const DEEP_TRACE = `
  query DeepTrace {
    directives {
      number
      tasks {
        ref
        history(first: 2) { events { to progress } }
        provincialTasks {
          ref
          plan { number province { name } }
          centralTasks { ref }
          communeTasks { ref commune { name } history(first: 2) { events { to } } }
          history(first: 2) { events { to progress } }
        }
        communeTasks { ref plan { number } commune { name province { name } } provincialTasks { ref } }
      }
    }
  }
`;

const hub = useTestHub();

type Cost = { statements: number; bySubgraph: Record<string, number>; rows: number };

function statementsSoFar(): Record<string, number> {
  return Object.fromEntries(subgraphsOf(hub()).map((subgraph) => [subgraph.name, subgraph.queries.total]));
}

async function costOfDeepTrace(): Promise<Cost> {
  const before = statementsSoFar();
  const { data, errors } = await hub().query(DEEP_TRACE);
  expect(errors).toBeUndefined();
  const bySubgraph = Object.fromEntries(
    Object.entries(statementsSoFar()).map(([name, total]) => [name, total - before[name]]),
  );
  return {
    statements: Object.values(bySubgraph).reduce((sum, count) => sum + count, 0),
    bySubgraph,
    rows: JSON.stringify(data).match(/"ref"/g)?.length ?? 0,
  };
}

/** Copies every seed plan of a level `copies` times, with its tasks and their links (test data only). */
async function multiplySeedPlans(schema: 'provincial' | 'commune', copies: number): Promise<void> {
  const source = schema === 'provincial' ? hub().provincial : hub().commune;
  const plan = `${schema}_plan`;
  const task = `${schema}_task`;
  const jurisdiction = schema === 'provincial' ? 'province_code' : 'commune_code';
  await source.dataSource.query(`
    WITH copies AS (SELECT n FROM generate_series(1, ${copies}) AS n),
    new_plans AS (
      INSERT INTO ${plan} (id, number, kind, title, ${jurisdiction}, ref)
      SELECT md5(p.id::text || c.n)::uuid, p.number, p.kind, p.title, p.${jurisdiction}, p.ref || '×' || c.n
      FROM ${plan} p CROSS JOIN copies c WHERE p.ref NOT LIKE '%×%'
      RETURNING id),
    new_tasks AS (
      INSERT INTO ${task} (id, plan_id, position, ordinal, content, ref)
      SELECT md5(t.id::text || c.n)::uuid, md5(t.plan_id::text || c.n)::uuid, t.position, t.ordinal, t.content,
             t.ref || '×' || c.n
      FROM ${task} t CROSS JOIN copies c WHERE t.ref NOT LIKE '%×%'
      RETURNING id)
    INSERT INTO task_link (task_id, target_level, target_id, evidence)
    SELECT md5(l.task_id::text || c.n)::uuid, l.target_level, l.target_id, 'copy for the statement-count test'
    FROM task_link l CROSS JOIN copies c
  `);
}

describe('the SQL a deep trace query costs', () => {
  it('does not grow with the rows it returns (1x and 20x the seed plans)', async () => {
    const once = await costOfDeepTrace();
    await multiplySeedPlans('provincial', 19);
    await multiplySeedPlans('commune', 19);
    const twentyTimes = await costOfDeepTrace();
    // docs/benchmarks.md records these figures; NQ57_REPORT=1 prints them for that page.
    if (process.env.NQ57_REPORT) console.info(JSON.stringify({ once, twentyTimes }));

    expect(Object.keys(once.bySubgraph)).toEqual(
      expect.arrayContaining(['central', 'provincial', 'commune', 'events']),
    );
    expect(once.bySubgraph.events).toBeGreaterThan(0);
    expect(once.statements).toBeGreaterThan(0);
    expect(twentyTimes.rows).toBeGreaterThan(once.rows * 10);
    expect(twentyTimes.statements).toBe(once.statements);
    expect(twentyTimes.bySubgraph).toEqual(once.bySubgraph);
    // A handful of batched statements, not one per row: the seed trace alone returns hundreds of rows.
    expect(once.statements).toBeLessThan(25);
  });
});
