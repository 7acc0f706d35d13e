import { seedIds } from '@nq57/shared';
import { subgraphsOf, useTestHub } from '../support/hub';

const hub = useTestHub();

// The same Wednesday as state.test.ts: no report has been made, so every open task is on staleReports.
const AS_OF = '2025-12-10';

type Ref = { ref: string };
type Lists = { asOf: string; staleReports: Ref[]; dueSoon: Ref[]; overdue: Ref[] };
type Warnings = Record<'thaiNguyen' | 'laoCai' | 'thuanAn', { warnings: Lists }>;

const LISTS = 'asOf staleReports { ref } dueSoon { ref } overdue { ref }';
const WARNINGS = `
  query Warnings($asOf: String, $days: Int) {
    thaiNguyen: province(code: "19") { warnings(asOf: $asOf, dueWithinDays: $days) { ${LISTS} } }
    laoCai: province(code: "15") { warnings(asOf: $asOf, dueWithinDays: $days) { ${LISTS} } }
    thuanAn: commune(code: "24682") { warnings(asOf: $asOf, dueWithinDays: $days) { ${LISTS} } }
  }
`;

const refs = (tasks: Ref[]): string[] => tasks.map((task) => task.ref);

function counts(data: Warnings): Record<string, Record<'staleReports' | 'dueSoon' | 'overdue', number>> {
  return Object.fromEntries(
    Object.entries(data).map(([place, { warnings }]) => [
      place,
      {
        staleReports: warnings.staleReports.length,
        dueSoon: warnings.dueSoon.length,
        overdue: warnings.overdue.length,
      },
    ]),
  );
}

function provincialStatements(): number {
  const provincial = subgraphsOf(hub()).find((subgraph) => subgraph.name === 'provincial');
  if (!provincial) throw new Error('no provincial subgraph');
  return provincial.queries.total;
}

describe('warnings on the seed plans as of 2025-12-10', () => {
  it('counts each list for Thái Nguyên, Lào Cai and Thuận An', async () => {
    const { data, errors } = await hub().query<Warnings>(WARNINGS, { asOf: AS_OF });
    expect(errors).toBeUndefined();
    expect(counts(data as Warnings)).toEqual({
      // 003 (85 tasks, central column only): nothing is closed and nothing reported, so all 85 are stale.
      // Due soon: 3 × "Ngày 10/12/2025" (today, 003-23/70/73), 2 Friday rhythms ("thứ Sáu hằng tuần", next turn
      // 12/12: 003-84/85) and 21 × "Ngày 15/12/2025". Overdue: 2 × "Ngày 30/11/2025" and "Ngày 25/4/2025".
      thaiNguyen: { staleReports: 85, dueSoon: 26, overdue: 3 },
      // 000 (30 tasks): 000-1 "Trước 25/7/2025 (Đã hoàn thành)" is printed done, the other 29 are stale.
      // Due soon: three daily rhythms (due today) and "hàng tuần (trước 10h ngày Thứ 6)" (Friday 12/12); the
      // 12 dates from 10/8 to 30/10/2025 are overdue.
      laoCai: { staleReports: 29, dueSoon: 4, overdue: 12 },
      // 004 (20 tasks): all open and never reported; none falls due by 17/12 ("hàng năm" turns on 31/12,
      // "Thường xuyên" and "Sau khi có văn bản …" have no due date), none is overdue.
      thuanAn: { staleReports: 20, dueSoon: 0, overdue: 0 },
    });
    const { laoCai, thaiNguyen } = data as Warnings;
    expect(laoCai.warnings.asOf).toBe(AS_OF);
    // By due date, then position: today's rhythms first, then Friday's.
    expect(refs(laoCai.warnings.dueSoon)).toEqual(['000-21', '000-28', '000-29', '000-30']);
    expect(refs(thaiNguyen.warnings.dueSoon).slice(0, 6)).toEqual([
      '003-23',
      '003-70',
      '003-73',
      '003-84',
      '003-85',
      '003-1',
    ]);
    expect(refs(laoCai.warnings.staleReports)).not.toContain('000-1');
  });

  it('narrows dueSoon with dueWithinDays', async () => {
    const { data, errors } = await hub().query<Warnings>(WARNINGS, { asOf: AS_OF, days: 2 });
    expect(errors).toBeUndefined();
    // 10/12 and Friday 12/12 are within two days; 15/12 is not.
    expect(refs((data as Warnings).thaiNguyen.warnings.dueSoon)).toEqual([
      '003-23',
      '003-70',
      '003-73',
      '003-84',
      '003-85',
    ]);
  });

  it('loads the tasks of every province in one statement', async () => {
    const before = provincialStatements();
    const { data, errors } = await hub().query<{ provinces: { warnings: Lists }[] }>(
      `query All($asOf: String) { provinces { code warnings(asOf: $asOf) { overdue { id } } } }`,
      { asOf: AS_OF },
    );
    expect(errors).toBeUndefined();
    expect(data?.provinces).toHaveLength(34);
    // One statement for the provinces, one for the tasks of all 34.
    expect(provincialStatements() - before).toBe(2);
  });

  it('takes a task off staleReports once it is reported', async () => {
    const id = seedIds.task('003-1');
    const report = await hub().query(
      `mutation Report($input: TaskStatusInput!) {
        updateProvincialTaskStatus(input: $input) { task { version } }
      }`,
      { input: { id, status: 'IN_PROGRESS', progress: 20, note: 'Đã triển khai', expectedVersion: 1 } },
    );
    expect(report).toEqual({ data: { updateProvincialTaskStatus: { task: { version: 2 } } } });
    const { data } = await hub().query<Warnings>(WARNINGS, { asOf: AS_OF });
    const { thaiNguyen } = data as Warnings;
    expect(refs(thaiNguyen.warnings.staleReports)).not.toContain('003-1');
    expect(thaiNguyen.warnings.staleReports).toHaveLength(84);
    // Still open and due on 15/12, so still due soon.
    expect(refs(thaiNguyen.warnings.dueSoon)).toContain('003-1');
  });

  it.each(['2025-02-30', '10/12/2025'])('refuses asOf %j with INVALID_DATE', async (asOf) => {
    const { errors } = await hub().query(
      `query Bad($asOf: String) { province(code: "19") { warnings(asOf: $asOf) { asOf } } }`,
      { asOf },
    );
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['INVALID_DATE']);
  });

  it.each([0, -1, 367])('refuses dueWithinDays %d with BAD_USER_INPUT', async (days) => {
    const { errors } = await hub().query(
      `query Bad($days: Int) {
        province(code: "19") { warnings(asOf: "${AS_OF}", dueWithinDays: $days) { asOf } }
        commune(code: "24682") { warnings(asOf: "${AS_OF}", dueWithinDays: $days) { asOf } }
      }`,
      { days },
    );
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });
});
