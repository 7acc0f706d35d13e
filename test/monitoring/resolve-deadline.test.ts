import { seedIds } from '@nq57/shared';
import { useTestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const hub = useTestHub();

// 004-10 prints "Sau khi có văn bản của tỉnh": no due date, GREY, until the province's document exists.
const RELATIVE = seedIds.task('004-10');
const DATED = seedIds.task('004-1');

const RESOLVE = `
  mutation Resolve($input: ResolveDeadlineInput!) {
    resolveCommuneTaskDeadline(input: $input) {
      ref version
      deadline { text kind dueDate resolvedDueDate resolvedBasis }
    }
  }
`;
const READ = `
  query Read($id: ID!, $early: String, $late: String) {
    communeTask(id: $id) {
      version
      early: state(asOf: $early) { dueDate overdue light daysLeft }
      late: state(asOf: $late) { dueDate overdue light daysLeft }
    }
    commune(code: "24682") { progress(asOf: $early) { total green yellow red grey } }
    searchTasks(filter: { communeCode: "24682", lights: [GREY] }, asOf: $early) { totalCount }
  }
`;
const planner = (): Promise<string> => tokenFor({ role: 'planner', jurisdiction: '24682' });
const input = {
  id: RELATIVE,
  dueDate: '2025-12-31',
  basis: '12/KH-UBND ngày 05/12/2025 của UBND tỉnh Lâm Đồng',
};

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown =>
  result.errors?.[0]?.extensions?.code;

describe('resolving a relative deadline once the higher document exists', () => {
  it('gives the task a due date, its light, and moves the roll-ups and the search with it', async () => {
    const variables = { id: RELATIVE, early: '2025-12-10', late: '2026-01-05' };
    expect(await hub().query(READ, variables)).toEqual({
      data: {
        communeTask: {
          version: 1,
          early: { dueDate: null, overdue: false, light: 'GREY', daysLeft: null },
          late: { dueDate: null, overdue: false, light: 'GREY', daysLeft: null },
        },
        commune: { progress: { total: 20, green: 1, yellow: 12, red: 0, grey: 7 } },
        searchTasks: { totalCount: 7 },
      },
    });
    expect(await hub().query(RESOLVE, { input }, await planner())).toEqual({
      data: {
        resolveCommuneTaskDeadline: {
          ref: '004-10',
          // Not a report: the version (and so the last report) is unchanged.
          version: 1,
          deadline: {
            text: 'Sau khi có văn bản của tỉnh',
            kind: 'RELATIVE',
            dueDate: null,
            resolvedDueDate: '2025-12-31',
            resolvedBasis: input.basis,
          },
        },
      },
    });
    expect(await hub().query(READ, variables)).toEqual({
      data: {
        communeTask: {
          version: 1,
          // 21 days ahead: on track; after 31/12 it is overdue.
          early: { dueDate: '2025-12-31', overdue: false, light: 'GREEN', daysLeft: 21 },
          late: { dueDate: '2025-12-31', overdue: true, light: 'RED', daysLeft: -5 },
        },
        commune: { progress: { total: 20, green: 2, yellow: 12, red: 0, grey: 6 } },
        searchTasks: { totalCount: 6 },
      },
    });
  });

  it('refuses what it cannot do, and writes nothing', async () => {
    const before = await hub().commune.dataSource.query(
      'SELECT id, deadline_resolved_due_date, deadline_resolved_basis FROM commune_task ORDER BY id',
    );
    const attempt = async (changes: Record<string, unknown>, token: string | null) =>
      codeOf(await hub().query(RESOLVE, { input: { ...input, ...changes } }, token));
    // 004-1's deadline is a date, not relative.
    expect(await attempt({ id: DATED }, await planner())).toBe('BAD_USER_INPUT');
    expect(await attempt({ dueDate: '2025-02-30' }, await planner())).toBe('INVALID_DATE');
    expect(await attempt({ basis: '   ' }, await planner())).toBe('BAD_USER_INPUT');
    expect(await attempt({ id: '00000000-0000-4000-8000-000000000000' }, await planner())).toBe(
      'UNKNOWN_TASK',
    );
    expect(await attempt({ central: true }, await planner())).toBe('BAD_USER_INPUT');
    // A reporter reports; setting a date is a planner's, and only a planner of the task's own commune.
    expect(await attempt({}, await tokenFor({ role: 'reporter', jurisdiction: '24682' }))).toBe('FORBIDDEN');
    expect(await attempt({}, await tokenFor({ role: 'planner', jurisdiction: '19' }))).toBe('FORBIDDEN');
    expect(await attempt({}, null)).toBe('UNAUTHENTICATED');
    expect(
      await hub().commune.dataSource.query(
        'SELECT id, deadline_resolved_due_date, deadline_resolved_basis FROM commune_task ORDER BY id',
      ),
    ).toEqual(before);
  });
});
