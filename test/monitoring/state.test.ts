import { seedIds } from '@nq57/shared';
import { statementsSoFar, useTestHub } from '../support/hub';

const hub = useTestHub();

// A Wednesday when 003's central deadlines of 10 and 15 December are due soon and 30 November's have passed.
const AS_OF = '2025-12-10';

const STATE = 'state(asOf: $asOf) { light overdue }';
/** Every seeded task of every level, selecting `fields` of each (which may use $asOf). */
const allSeedTasks = (fields: string): string => `
  query Lights${fields.includes('$asOf') ? '($asOf: String)' : ''} {
    directives { tasks { ${fields} } }
    laoCai: province(code: "15") { plans { ref tasks { ${fields} } } }
    laiChau: province(code: "12") { plans { ref tasks { ${fields} } } }
    khanhHoa: province(code: "56") { plans { ref tasks { ${fields} } } }
    thaiNguyen: province(code: "19") { plans { ref tasks { ${fields} } } }
    thuanAn: commune(code: "24682") { plans { ref tasks { ${fields} } } }
  }
`;

const WHOLE_STATE = 'state(asOf: $asOf) { asOf dueDate overdue completedLate light daysLeft }';

type Light = 'GREEN' | 'YELLOW' | 'RED' | 'GREY';
type Tasks = { tasks: { state: { light: Light; overdue: boolean } }[] };
type Lights = {
  directives: Tasks[];
} & Record<
  'laoCai' | 'laiChau' | 'khanhHoa' | 'thaiNguyen' | 'thuanAn',
  { plans: (Tasks & { ref: string })[] }
>;

function tally({ tasks }: Tasks): Record<Light | 'overdue', number> {
  const counts = { GREEN: 0, YELLOW: 0, RED: 0, GREY: 0, overdue: 0 };
  for (const { state } of tasks) {
    counts[state.light] += 1;
    if (state.overdue) counts.overdue += 1;
  }
  return counts;
}

describe('state on the seed plans as of 2025-12-10', () => {
  it('counts lights and overdue tasks per seed plan', async () => {
    const { data, errors } = await hub().query<Lights>(allSeedTasks(STATE), { asOf: AS_OF });
    expect(errors).toBeUndefined();
    const { directives, ...levels } = data as Lights;
    const perPlan = Object.fromEntries(
      Object.values(levels).flatMap(({ plans }) => plans.map((plan) => [plan.ref, tally(plan)])),
    );
    expect({ central: tally({ tasks: directives.flatMap((d) => d.tasks) }), ...perPlan }).toEqual({
      // 98 central tasks: 24 "Ngày 15/12/2025" and 3 "Ngày 10/12/2025" are due within 7 days;
      // 2 "Ngày 25/4/2025" and 2 "Ngày 30/11/2025" have passed; 9 print no deadline; 58 are 20/12/2025 or
      // later.
      central: { GREEN: 58, YELLOW: 27, RED: 4, GREY: 9, overdue: 4 },
      // 000 Lào Cai (30): 12 dates from 10/8 to 30/10/2025 have passed ("Trước ngày 15/8/2025" four times,
      // "Trong tháng 9/2025" ended 30/9, ...); 6 rhythms ("Thường xuyên" twice, three daily, one weekly on
      // Friday) were never reported; "Trước 25/7/2025 (Đã hoàn thành)" is done; 11 dates are 31/12/2025 or
      // later.
      '000': { GREEN: 12, YELLOW: 6, RED: 12, GREY: 0, overdue: 12 },
      // 001 Lai Châu (6): "Trong năm 2026"; three rhythms never reported; "theo đúng lộ trình" and one blank.
      '001': { GREEN: 1, YELLOW: 3, RED: 0, GREY: 2, overdue: 0 },
      // 002 (10): eight "Thường xuyên" never reported; "Quý IV/2025" ends 31/12; "Tháng 10/2025" ended 31/10.
      '002': { GREEN: 1, YELLOW: 8, RED: 1, GREY: 0, overdue: 1 },
      // 003 Thái Nguyên (85), central column only: 21 × 15/12 + 3 × 10/12 due soon and 2 Friday rhythms never
      // reported; 2 × 30/11/2025 and 25/4/2025 passed; 56 fall on 20/12/2025 or later.
      '003': { GREEN: 56, YELLOW: 26, RED: 3, GREY: 0, overdue: 3 },
      // 004 Thuận An (20): 12 rhythms never reported ("Thường xuyên" × 8, "hàng năm" and "hàng năm và giai
      // đoạn", "định kỳ hoặc đột xuất" × 2); 7 wait for a document ("Sau khi có văn bản của ..."); "6/2026".
      '004': { GREEN: 1, YELLOW: 12, RED: 0, GREY: 7, overdue: 0 },
    });
  });

  it('costs no SQL statement beyond those of the tasks themselves', async () => {
    const cost = async (fields: string): Promise<number> => {
      const before = statementsSoFar(hub());
      const { errors } = await hub().query(allSeedTasks(fields), { asOf: AS_OF });
      expect(errors).toBeUndefined();
      return statementsSoFar(hub()) - before;
    };
    const plain = await cost('id __typename');
    expect(plain).toBeGreaterThan(0);
    expect(await cost(`id ${STATE}`)).toBe(plain);
  });

  it('shows a dated task past its deadline as quá hạn, RED', async () => {
    // 000-2: "Trước ngày 15/8/2025", 117 days before 10 December (16 + 30 + 31 + 30 + 10).
    const result = await hub().query(
      `query Dated($id: ID!, $asOf: String) {
        provincialTask(id: $id) { ref deadline { text } ${WHOLE_STATE} }
      }`,
      { id: seedIds.task('000-2'), asOf: AS_OF },
    );
    expect(result).toEqual({
      data: {
        provincialTask: {
          ref: '000-2',
          deadline: { text: 'Trước ngày 15/8/2025' },
          state: {
            asOf: AS_OF,
            dueDate: '2025-08-15',
            overdue: true,
            completedLate: false,
            light: 'RED',
            daysLeft: -117,
          },
        },
      },
    });
  });

  it('shows a central task with its own deadline', async () => {
    const { data } = await hub().query<{ directive: { tasks: { ref: string; state: unknown }[] } }>(
      `query Central($asOf: String) { directive(number: "71/NQ-CP") { tasks { ref ${WHOLE_STATE} } } }`,
      { asOf: AS_OF },
    );
    // The README's trace: 71/NQ-CP#5 is due "Ngày 20/12/2025", ten days on.
    expect(data?.directive.tasks.find((task) => task.ref === '71/NQ-CP#5')).toEqual({
      ref: '71/NQ-CP#5',
      state: {
        asOf: AS_OF,
        dueDate: '2025-12-20',
        overdue: false,
        completedLate: false,
        light: 'GREEN',
        daysLeft: 10,
      },
    });
  });

  it('greys out a commune task waiting for a provincial document', async () => {
    const result = await hub().query(
      `query Relative($id: ID!, $asOf: String) {
        communeTask(id: $id) { deadline { text kind } ${WHOLE_STATE} }
      }`,
      { id: seedIds.task('004-10'), asOf: AS_OF },
    );
    expect(result).toEqual({
      data: {
        communeTask: {
          deadline: { text: 'Sau khi có văn bản của tỉnh', kind: 'RELATIVE' },
          state: {
            asOf: AS_OF,
            dueDate: null,
            overdue: false,
            completedLate: false,
            light: 'GREY',
            daysLeft: null,
          },
        },
      },
    });
  });

  it('shows a weekly task YELLOW until reported, then GREEN, as of today in Vietnam by default', async () => {
    // 000-30: "hàng tuần (trước 10h ngày Thứ 6)": Friday 12 December is two days after Wednesday 10 December.
    const id = seedIds.task('000-30');
    const read = `query Weekly($id: ID!, $asOf: String) { provincialTask(id: $id) { ${WHOLE_STATE} } }`;
    expect(await hub().query(read, { id, asOf: AS_OF })).toEqual({
      data: {
        provincialTask: {
          state: {
            asOf: AS_OF,
            dueDate: '2025-12-12',
            overdue: false,
            completedLate: false,
            light: 'YELLOW',
            daysLeft: 2,
          },
        },
      },
    });
    const report = await hub().query(
      `mutation Report($input: TaskStatusInput!) {
        updateProvincialTaskStatus(input: $input) { task { version } }
      }`,
      { input: { id, status: 'IN_PROGRESS', progress: 10, note: 'Đã gửi báo cáo tuần', expectedVersion: 1 } },
    );
    expect(report).toEqual({ data: { updateProvincialTaskStatus: { task: { version: 2 } } } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    // The next Friday on or after today (getUTCDay: Friday is 5).
    const daysToFriday = (5 - new Date(`${today}T00:00:00Z`).getUTCDay() + 7) % 7;
    const friday = new Date(Date.parse(`${today}T00:00:00Z`) + daysToFriday * 86_400_000).toISOString();
    expect(await hub().query(read, { id })).toEqual({
      data: {
        provincialTask: {
          state: {
            asOf: today,
            dueDate: friday.slice(0, 10),
            overdue: false,
            completedLate: false,
            light: 'GREEN',
            daysLeft: daysToFriday,
          },
        },
      },
    });
  });

  it('marks a task reported COMPLETED_LATE as hoàn thành quá hạn, no longer overdue', async () => {
    // 000-7: "Trong tháng 8/2025", due 31 August, RED until this report.
    const result = await hub().query(
      `mutation Late($input: TaskStatusInput!, $asOf: String) {
        updateProvincialTaskStatus(input: $input) { task { ref status ${WHOLE_STATE} } }
      }`,
      {
        input: { id: seedIds.task('000-7'), status: 'COMPLETED_LATE', expectedVersion: 1 },
        asOf: AS_OF,
      },
    );
    expect(result).toEqual({
      data: {
        updateProvincialTaskStatus: {
          task: {
            ref: '000-7',
            status: 'COMPLETED_LATE',
            state: {
              asOf: AS_OF,
              dueDate: '2025-08-31',
              overdue: false,
              completedLate: true,
              light: 'GREEN',
              daysLeft: null,
            },
          },
        },
      },
    });
  });

  it.each(['2025-02-30', '10/12/2025', 'today'])('refuses asOf %j with INVALID_DATE', async (asOf) => {
    const { errors } = await hub().query(
      `query Bad($id: ID!, $asOf: String) { provincialTask(id: $id) { state(asOf: $asOf) { light } } }`,
      { id: seedIds.task('000-2'), asOf },
    );
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['INVALID_DATE']);
  });
});
