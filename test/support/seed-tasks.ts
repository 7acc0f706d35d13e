import type { TestHub } from './hub';

/** A seeded task as tests address it: by its seed ref ("003-80", "71/NQ-CP#5"). */
export interface SeedTask {
  id: string;
  ref: string;
  version: number;
  typename: 'CentralTask' | 'ProvincialTask' | 'CommuneTask';
}

const SEED_TASKS = `
  query SeedTasks {
    directives { tasks { __typename id ref version } }
    laoCai: province(code: "15") { plans { tasks { __typename id ref version } } }
    laiChau: province(code: "12") { plans { tasks { __typename id ref version } } }
    khanhHoa: province(code: "56") { plans { tasks { __typename id ref version } } }
    thaiNguyen: province(code: "19") { plans { tasks { __typename id ref version } } }
    thuanAn: commune(code: "24682") { plans { tasks { __typename id ref version } } }
  }
`;

type Rows = { __typename: SeedTask['typename']; id: string; ref: string; version: number }[];
type Holder = { tasks: Rows } | { plans: { tasks: Rows }[] };

/** Every seeded task by ref, read through the gateway; `get` throws for a ref the seed does not have. */
export async function seedTasks(hub: TestHub): Promise<{ get(ref: string): SeedTask }> {
  const { data, errors } = await hub.query<Record<string, Holder | Holder[]>>(SEED_TASKS);
  if (errors) throw new Error(JSON.stringify(errors));
  const byRef = new Map<string, SeedTask>();
  for (const holder of Object.values(data ?? {}).flat()) {
    const rows = 'tasks' in holder ? holder.tasks : holder.plans.flatMap((plan) => plan.tasks);
    for (const row of rows) byRef.set(row.ref, { ...row, typename: row.__typename });
  }
  return {
    get: (ref) => {
      const task = byRef.get(ref);
      if (!task) throw new Error(`No seeded task ${ref}`);
      return task;
    },
  };
}

/** The update mutation of each task type. */
export const UPDATE_FIELD = {
  CentralTask: 'updateCentralTaskStatus',
  ProvincialTask: 'updateProvincialTaskStatus',
  CommuneTask: 'updateCommuneTaskStatus',
} as const;

/** A named update mutation for `typename`, selecting the whole report. */
export function updateMutation(typename: SeedTask['typename']): string {
  return `mutation Report($input: TaskStatusInput!) {
    report: ${UPDATE_FIELD[typename]}(input: $input) {
      replayed
      task { id status progress version }
      event { id cursor actor level from to fromProgress progress note evidence { title url documentNumber } version }
    }
  }`;
}
