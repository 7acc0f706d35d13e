import { useTestHub } from '../support/hub';
import {
  ROLLUP_COUNTS,
  dataOf,
  rollupOf,
  statementsFor,
  tallyRollup,
  type Rollup,
  type StatedTask,
} from '../support/monitoring';

const hub = useTestHub();

// The same Wednesday as state.test.ts and warnings.test.ts.
const AS_OF = '2025-12-10';
const ROLLUP = `asOf ${ROLLUP_COUNTS}`;

const rollup = (counts: Record<string, number>): Rollup => rollupOf(AS_OF, counts);
const tally = (tasks: StatedTask[]): Rollup => tallyRollup(AS_OF, tasks);
const data = <T>(query: string, variables?: Record<string, unknown>): Promise<T> =>
  dataOf<T>(hub(), query, variables);
const statements = (query: string): Promise<Record<string, number>> => statementsFor(hub(), query);

const STATED = 'id status state(asOf: $asOf) { light overdue }';

const PLACES = `
  query PlaceProgress($asOf: String) {
    provinces {
      code
      progress(asOf: $asOf) { ${ROLLUP} }
      communeProgress(asOf: $asOf) { total }
      plans { ref progress(asOf: $asOf) { ${ROLLUP} } tasks { ${STATED} } }
    }
    commune(code: "24682") {
      progress(asOf: $asOf) { ${ROLLUP} }
      plans { ref progress(asOf: $asOf) { ${ROLLUP} } tasks { ${STATED} } }
    }
  }
`;
type Plan = { ref: string; progress: Rollup; tasks: StatedTask[] };
type Places = {
  provinces: { code: string; progress: Rollup; communeProgress: { total: number }; plans: Plan[] }[];
  commune: { progress: Rollup; plans: Plan[] };
};

describe('roll-ups of the seed plans as of 2025-12-10, before any report', () => {
  it('counts each province, plan and commune exactly, as its tasks’ states add up', async () => {
    const { provinces, commune } = await data<Places>(PLACES, { asOf: AS_OF });
    const withTasks = provinces.filter((province) => province.progress.total !== 0);
    expect(Object.fromEntries(withTasks.map((p) => [p.code, p.progress]))).toEqual({
      // The lights of docs/monitoring.md's table; nothing is reported, so every task is notStarted.
      '12': rollup({ total: 6, notStarted: 6, green: 1, yellow: 3, grey: 2 }),
      '15': rollup({ total: 30, notStarted: 30, overdue: 12, green: 12, yellow: 6, red: 12 }),
      '19': rollup({ total: 85, notStarted: 85, overdue: 3, green: 56, yellow: 26, red: 3 }),
      '56': rollup({ total: 10, notStarted: 10, overdue: 1, green: 1, yellow: 8, red: 1 }),
    });
    expect(commune.progress).toEqual(rollup({ total: 20, notStarted: 20, green: 1, yellow: 12, grey: 7 }));
    // Lâm Đồng (68) has no plan of its own, but Thuận An's 20 tasks are its communes'.
    const communeTotals = provinces.filter((p) => p.communeProgress.total > 0);
    expect(communeTotals.map((p) => [p.code, p.communeProgress.total])).toEqual([['68', 20]]);
    // Each plan's SQL roll-up equals the tally of its tasks' state fields (TypeScript rules).
    const plans = [...provinces.flatMap((p) => p.plans), ...commune.plans];
    expect(plans.map((plan) => plan.ref).sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const plan of plans) expect([plan.ref, plan.progress]).toEqual([plan.ref, tally(plan.tasks)]);
  });

  it('counts each directive’s own tasks', async () => {
    type Directives = { directives: { number: string; progress: Rollup; tasks: StatedTask[] }[] };
    const { directives } = await data<Directives>(
      `query DirectiveProgress($asOf: String) {
        directives { number progress(asOf: $asOf) { ${ROLLUP} } tasks { ${STATED} } }
      }`,
      { asOf: AS_OF },
    );
    expect(directives).toHaveLength(25);
    for (const { number, progress, tasks } of directives)
      expect([number, progress]).toEqual([number, tally(tasks)]);
    const byNumber = Object.fromEntries(directives.map((d) => [d.number, d.progress]));
    expect(byNumber['71/NQ-CP']).toEqual(rollup({ total: 15, notStarted: 15, green: 6, yellow: 2, grey: 7 }));
    expect(byNumber['07-TB/CQTTBCĐ']).toEqual(
      rollup({ total: 10, notStarted: 10, green: 6, yellow: 2, grey: 2 }),
    );
    // All 98 central tasks: the table in docs/monitoring.md.
    const sum = (count: string): number => directives.reduce((n, d) => n + Number(d.progress[count]), 0);
    expect(['total', 'green', 'yellow', 'red', 'grey', 'overdue'].map(sum)).toEqual([98, 58, 27, 4, 9, 4]);
  });

  it('counts by lead agency, a task once under each lead it names', async () => {
    type Lead = { lead: { parties: { name: string; canonicalName: string | null }[] } | null };
    type Agencies = {
      province: {
        agencies: { agency: string | null; kind: string | null; progress: Rollup }[];
        plans: { tasks: (StatedTask & Lead)[] }[];
      };
    };
    const { province } = await data<Agencies>(
      `query AgencyProgress($asOf: String) {
        province(code: "19") {
          agencies(asOf: $asOf) { agency kind progress { ${ROLLUP} } }
          plans { tasks { ${STATED} lead { parties { name canonicalName } } } }
        }
      }`,
      { asOf: AS_OF },
    );
    const tasks = province.plans.flatMap((plan) => plan.tasks);
    const names = (task: Lead): (string | null)[] => {
      const resolved = new Set((task.lead?.parties ?? []).map((p) => p.canonicalName ?? p.name));
      return resolved.size === 0 ? [null] : [...resolved];
    };
    const expected = new Map<string | null, StatedTask[]>();
    for (const task of tasks)
      for (const name of names(task)) expected.set(name, [...(expected.get(name) ?? []), task]);
    expect(new Map(province.agencies.map((a) => [a.agency, a.progress]))).toEqual(
      new Map([...expected].map(([name, group]) => [name, tally(group)])),
    );
    // Largest first: the communes' people's committees lead 27 of 003's rows.
    expect(province.agencies[0]).toEqual({
      agency: 'Ủy ban nhân dân cấp xã',
      kind: 'GROUP',
      progress: tally(expected.get('Ủy ban nhân dân cấp xã') ?? []),
    });
    expect(province.agencies[0].progress.total).toBe(27);
  });

  it('refuses a date that is not one', async () => {
    const result = await hub().query(
      `query BadDate { province(code: "19") { progress(asOf: "2025-02-30") { total } } }`,
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_DATE']);
  });
});

describe('what roll-ups cost', () => {
  const SHAPE = `code
    progress(asOf: "${AS_OF}") { total }
    agencies(asOf: "${AS_OF}") { agency progress { red } }
    communeProgress(asOf: "${AS_OF}") { total }
    communeRanking(asOf: "${AS_OF}") { rank commune { code } }
    plans { progress(asOf: "${AS_OF}") { green } }`;

  it('is the same number of statements for one province as for all 34', async () => {
    const one = await statements(`query OneProvince { province(code: "19") { ${SHAPE} } }`);
    const all = await statements(`query AllProvinces { provinces { ${SHAPE} } }`);
    // Provincial: the province(s), progress, agencies, plans, plans' progress. Commune: communeProgress, the
    // communes of the province(s) and their roll-ups for the ranking.
    expect(one).toEqual({ central: 0, provincial: 5, commune: 3, events: 0 });
    expect(all).toEqual(one);
  });
});
