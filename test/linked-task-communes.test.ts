import { useTestHub } from './support/hub';

const hub = useTestHub();

const COMMUNE_FIELDS = 'id commune { code name province { code name } }';

// The trace's lists: commune tasks read with their plan's commune code (linkedLevelTasks).
const LINKED = `
  query LinkedTaskCommunes {
    directives {
      tasks {
        communeTasks { ${COMMUNE_FIELDS} }
        provincialTasks { communeTasks { ${COMMUNE_FIELDS} } }
      }
    }
  }
`;

// Tasks read by plan: their commune is found through the plan, as before.
const BY_PLAN = `
  query TaskCommunesByPlan {
    commune(code: "24682") { plans { tasks { ${COMMUNE_FIELDS} } } }
  }
`;

type TaskCommune = {
  id: string;
  commune: { code: string; name: string; province: { code: string; name: string } };
};
type Linked = {
  directives: {
    tasks: { communeTasks: TaskCommune[]; provincialTasks: { communeTasks: TaskCommune[] }[] }[];
  }[];
};

/** The same tasks one by one (`communeTask(id)`: taskById, which also reads the plan's commune code). */
function byIdQuery(ids: string[]): string {
  const fields = ids.map((id, index) => `t${index}: communeTask(id: "${id}") { ${COMMUNE_FIELDS} }`);
  return `query TaskCommunesById {\n  ${fields.join('\n  ')}\n}`;
}

/** Sends `query` and returns its data with the statements it cost the commune subgraph. */
async function withStatements<T>(query: string): Promise<{ data: T; statements: number }> {
  const before = hub().commune.queries.total;
  const { data, errors } = await hub().query<T>(query);
  expect(errors).toBeUndefined();
  return { data: data as T, statements: hub().commune.queries.total - before };
}

describe('the commune of a commune task', () => {
  it('is the commune its plan names, read with the task in a list or by id, with no statement of its own', async () => {
    const linked = await withStatements<Linked>(LINKED);
    const listed = new Map<string, TaskCommune>();
    for (const task of linked.data.directives.flatMap((directive) => directive.tasks)) {
      for (const each of [...task.communeTasks, ...task.provincialTasks.flatMap((p) => p.communeTasks)])
        listed.set(each.id, each);
    }
    const ids = [...listed.keys()].sort();
    const byPlan = await withStatements<{ commune: { plans: { tasks: TaskCommune[] }[] } }>(BY_PLAN);
    const throughPlan = new Map(
      byPlan.data.commune.plans.flatMap((plan) => plan.tasks).map((task) => [task.id, task]),
    );
    // The first 25 only: the gateway allows 30 aliases an operation.
    const byId = await withStatements<Record<string, TaskCommune>>(byIdQuery(ids.slice(0, 25)));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.map((id) => listed.get(id))).toEqual(ids.map((id) => throughPlan.get(id)));
    expect(Object.values(byId.data)).toEqual(ids.slice(0, 25).map((id) => throughPlan.get(id)));
    expect(new Set([...throughPlan.values()].map((task) => JSON.stringify(task.commune)))).toEqual(
      new Set([
        JSON.stringify({ code: '24682', name: 'Xã Thuận An', province: { code: '68', name: 'Lâm Đồng' } }),
      ]),
    );
    // The two lists, and the tasks by id: no read of the plans or communes for `commune` (two more each).
    expect([linked.statements, byId.statements]).toEqual([2, 1]);
  });
});
