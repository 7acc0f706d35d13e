import { statementsSoFar, useTestHub } from './support/hub';
import { adminToken } from './support/tokens';

const hub = useTestHub();

const PLAN_TASK_COUNTS = `
  query PlanTaskCounts {
    laoCai: province(code: "15") { plans { ref number tasks { id } } }
    laiChau: province(code: "12") { plans { ref number tasks { id } } }
    khanhHoa: province(code: "56") { plans { ref number provinceInferred tasks { id } } }
    thaiNguyen: province(code: "19") { plans { ref number tasks { id } } }
    thuanAn: commune(code: "24682") { plans { ref number tasks { id } } }
  }
`;

type PlanCounts = Record<string, { plans: { ref: string; number: string | null; tasks: unknown[] }[] }>;

describe('the five seed plans, loaded by start-up', () => {
  it('carries every task row of every plan', async () => {
    const { data, errors } = await hub().query<PlanCounts>(PLAN_TASK_COUNTS);
    expect(errors).toBeUndefined();
    const counts = Object.fromEntries(
      Object.values(data ?? {}).flatMap(({ plans }) =>
        plans.map((plan) => [plan.ref, [plan.number, plan.tasks.length]]),
      ),
    );
    expect(counts).toEqual({
      '000': [null, 30],
      '001': ['32-KH/TU', 6],
      '002': ['02-KH/BCĐ', 10],
      '003': ['44/KH-UBND', 85],
      '004': ['/KH-UBND', 20],
    });
  });

  it('records the inferred province of 002 as inferred, with its evidence', async () => {
    const { data } = await hub().query<{
      province: { plans: { provinceInferred: boolean; provinceEvidence: string }[] };
    }>(`query InferredProvince { province(code: "56") { plans { provinceInferred provinceEvidence } } }`);
    const [plan] = data?.province.plans ?? [];
    expect(plan.provinceInferred).toBe(true);
    expect(plan.provinceEvidence).toContain('Hồ Xuân Trường');
    expect(plan.provinceEvidence).toContain('đặc khu');
  });
});

describe('tracing a central task down the levels', () => {
  it('follows one 07-TB/CQTTBCĐ task to the tasks of two provincial plans in two provinces', async () => {
    const { data, errors } = await hub().query(`
      query CentralToProvinces {
        directive(number: "07-TB/CQTTBCĐ") {
          number
          tasks {
            ref
            deadline { text kind dueDate }
            provincialTasks { ref plan { number province { code name } } }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const tasks = (data as { directive: { tasks: { ref: string; provincialTasks: unknown[] }[] } }).directive
      .tasks;
    expect(tasks.find((task) => task.ref === '07-TB/CQTTBCĐ#3')).toEqual({
      ref: '07-TB/CQTTBCĐ#3',
      deadline: { text: 'Ngày 15/12/2025', kind: 'DATE', dueDate: '2025-12-15' },
      provincialTasks: [
        { ref: '002-3', plan: { number: '02-KH/BCĐ', province: { code: '56', name: 'Khánh Hòa' } } },
        { ref: '003-3', plan: { number: '44/KH-UBND', province: { code: '19', name: 'Thái Nguyên' } } },
      ],
    });
    const carriedByTwoPlans = tasks.filter((task) => task.provincialTasks.length >= 2);
    expect(carriedByTwoPlans.length).toBeGreaterThanOrEqual(1);
  });

  it('walks from Thuận An commune up to the 71/NQ-CP tasks it carries out, and across to Thái Nguyên', async () => {
    const { data, errors } = await hub().query(`
      query CommuneUp {
        commune(code: "24682") {
          name
          province { code name }
          plans {
            tasks {
              ref
              centralTasks { ref directive { number } provincialTasks(provinceCode: "19") { ref } }
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const commune = (data as { commune: { plans: { tasks: { ref: string; centralTasks: unknown[] }[] }[] } })
      .commune;
    expect(commune).toMatchObject({ name: 'Xã Thuận An', province: { code: '68', name: 'Lâm Đồng' } });
    const task = commune.plans[0].tasks.find((candidate) => candidate.ref === '004-9');
    expect(task).toEqual({
      ref: '004-9',
      centralTasks: [
        { ref: '71/NQ-CP#5', directive: { number: '71/NQ-CP' }, provincialTasks: [{ ref: '003-80' }] },
      ],
    });
  });

  it('lists the commune tasks on the central task, filtered by province and commune', async () => {
    const query = `
      query CentralToCommunes($province: String, $commune: String) {
        directive(number: "71/NQ-CP") {
          tasks { ref communeTasks(provinceCode: $province, communeCode: $commune) { ref commune { code } } }
        }
      }
    `;
    type Result = { directive: { tasks: { ref: string; communeTasks: { ref: string }[] }[] } };
    const pick = (result: Result | undefined) =>
      result?.directive.tasks.find((task) => task.ref === '71/NQ-CP#5');
    expect(pick((await hub().query<Result>(query, { province: '68' })).data)).toEqual({
      ref: '71/NQ-CP#5',
      communeTasks: [{ ref: '004-9', commune: { code: '24682' } }],
    });
    expect(pick((await hub().query<Result>(query, { province: '19' })).data)).toEqual({
      ref: '71/NQ-CP#5',
      communeTasks: [],
    });
  });
});

describe('identical traces sent at once', () => {
  const TRACE = `
    query SameTraceTwice {
      directive(number: "71/NQ-CP") {
        tasks { ref provincialTasks { ref communeTasks { ref commune { name } } } communeTasks { ref } }
      }
    }
  `;

  it('answers each whole, each from its own subgraph requests (no merging of in-flight queries)', async () => {
    // One token for all three, so that the requests the gateway sends down are byte for byte the same.
    const token = await adminToken();
    const before = statementsSoFar(hub());
    const alone = await hub().query(TRACE, {}, token);
    const one = statementsSoFar(hub()) - before;
    const [first, second] = await Promise.all([hub().query(TRACE, {}, token), hub().query(TRACE, {}, token)]);
    const two = statementsSoFar(hub()) - before - one;

    expect(alone.errors).toBeUndefined();
    expect(first).toEqual(alone);
    expect(second).toEqual(alone);
    // With merging on (gateway/src/server.ts, SUBGRAPH_HTTP_OPTIONS), the pair would cost what one trace does.
    expect(two).toBe(2 * one);
  });
});
