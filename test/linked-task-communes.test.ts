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

type TaskCommune = {
  id: string;
  commune: { code: string; name: string; province: { code: string; name: string } };
};
type Linked = {
  directives: {
    tasks: { communeTasks: TaskCommune[]; provincialTasks: { communeTasks: TaskCommune[] }[] }[];
  }[];
};

/** The same tasks one by one (`communeTask(id)`), whose commune is found through their plan. */
function byIdQuery(ids: string[]): string {
  const fields = ids.map((id, index) => `t${index}: communeTask(id: "${id}") { ${COMMUNE_FIELDS} }`);
  return `query TaskCommunesById {\n  ${fields.join('\n  ')}\n}`;
}

describe('the commune of a commune task in a trace', () => {
  it('is the commune its plan names, as read for the task alone, with no statement of its own', async () => {
    const before = hub().commune.queries.total;
    const { data, errors } = await hub().query<Linked>(LINKED);
    expect(errors).toBeUndefined();
    const linkedStatements = hub().commune.queries.total - before;
    const linked = new Map<string, TaskCommune>();
    for (const task of (data?.directives ?? []).flatMap((directive) => directive.tasks)) {
      for (const each of [...task.communeTasks, ...task.provincialTasks.flatMap((p) => p.communeTasks)])
        linked.set(each.id, each);
    }
    const ids = [...linked.keys()].sort();
    const alone: TaskCommune[] = [];
    // In parts of 25: the gateway allows 30 aliases an operation.
    for (let start = 0; start < ids.length; start += 25) {
      const part = await hub().query<Record<string, TaskCommune>>(byIdQuery(ids.slice(start, start + 25)));
      expect(part.errors).toBeUndefined();
      alone.push(...Object.values(part.data ?? {}));
    }
    expect(ids.length).toBeGreaterThanOrEqual(10);
    // The two lists, and no read of the tasks' plans or communes (those would be two more).
    expect(linkedStatements).toBe(2);
    expect(ids.map((id) => linked.get(id))).toEqual(alone);
    expect(new Set(alone.map((task) => JSON.stringify(task.commune)))).toEqual(
      new Set([
        JSON.stringify({ code: '24682', name: 'Xã Thuận An', province: { code: '68', name: 'Lâm Đồng' } }),
      ]),
    );
  });
});
