import { seedIds } from '@nq57/shared';
import { useTestHub } from '../support/hub';

const hub = useTestHub();

const AS_OF = '2025-12-10';

type Rank = { rank: number | null; code: string; onTimeShare: number | null; judged: number; done: number };
type RankRow = {
  rank: number | null;
  onTimeShare: number | null;
  judged: number;
  progress: { total: number; completedOnTime: number; completedLate: number; overdue: number };
};

const COUNTS = 'rank onTimeShare judged progress { total completedOnTime completedLate overdue }';
const RANKINGS = `
  query Rankings($asOf: String) {
    provinceRanking(asOf: $asOf) { province { code } ${COUNTS} }
    province(code: "68") { communeRanking(asOf: $asOf) { commune { code } ${COUNTS} } }
  }
`;
type Rankings = {
  provinceRanking: (RankRow & { province: { code: string } })[];
  province: { communeRanking: (RankRow & { commune: { code: string } })[] };
};

const flat = (row: RankRow, code: string): Rank => ({
  rank: row.rank,
  code,
  onTimeShare: row.onTimeShare,
  judged: row.judged,
  done: row.progress.completedOnTime,
});

async function rankings(): Promise<{ provinces: Rank[]; communes: Rank[] }> {
  const result = await hub().query<Rankings>(RANKINGS, { asOf: AS_OF });
  expect(result.errors).toBeUndefined();
  const data = result.data as Rankings;
  for (const row of [...data.provinceRanking, ...data.province.communeRanking]) {
    // The counts behind each rank: judged is done plus overdue.
    const { completedOnTime, completedLate, overdue } = row.progress;
    expect(row.judged).toBe(completedOnTime + completedLate + overdue);
  }
  return {
    provinces: data.provinceRanking.map((row) => flat(row, row.province.code)),
    communes: data.province.communeRanking.map((row) => flat(row, row.commune.code)),
  };
}

async function complete(mutation: string, ref: string, status: 'COMPLETED_ON_TIME' | 'COMPLETED_LATE') {
  const result = await hub().query(
    `mutation Complete($input: TaskStatusInput!) { ${mutation}(input: $input) { task { status } } }`,
    { input: { id: seedIds.task(ref), status, progress: 100, note: 'Đã hoàn thành', expectedVersion: 1 } },
  );
  expect(result).toEqual({ data: { [mutation]: { task: { status } } } });
}

describe('rankings by share of tasks completed on time', () => {
  it('ranks the seed provinces before any report: all at nought, Lai Châu with nothing due yet', async () => {
    expect(await rankings()).toEqual({
      // Equal shares share rank 1, more judged tasks first; Lai Châu's 6 tasks have none done or overdue.
      provinces: [
        { rank: 1, code: '15', onTimeShare: 0, judged: 12, done: 0 },
        { rank: 1, code: '19', onTimeShare: 0, judged: 3, done: 0 },
        { rank: 1, code: '56', onTimeShare: 0, judged: 1, done: 0 },
        { rank: null, code: '12', onTimeShare: null, judged: 0, done: 0 },
      ],
      // Of Lâm Đồng's communes only Thuận An has a plan; nothing of it is due or done.
      communes: [{ rank: null, code: '24682', onTimeShare: null, judged: 0, done: 0 }],
    });
  });

  it('moves units as they report work done on time or late', async () => {
    await complete('updateProvincialTaskStatus', '001-1', 'COMPLETED_ON_TIME');
    await complete('updateProvincialTaskStatus', '003-80', 'COMPLETED_ON_TIME');
    await complete('updateProvincialTaskStatus', '000-2', 'COMPLETED_LATE');
    await complete('updateCommuneTaskStatus', '004-9', 'COMPLETED_ON_TIME');
    expect(await rankings()).toEqual({
      provinces: [
        // Lai Châu 1 of 1; Thái Nguyên 1 of 4 (3 overdue); Lào Cai's late one still counts against it.
        { rank: 1, code: '12', onTimeShare: 1, judged: 1, done: 1 },
        { rank: 2, code: '19', onTimeShare: 0.25, judged: 4, done: 1 },
        { rank: 3, code: '15', onTimeShare: 0, judged: 12, done: 0 },
        { rank: 3, code: '56', onTimeShare: 0, judged: 1, done: 0 },
      ],
      communes: [{ rank: 1, code: '24682', onTimeShare: 1, judged: 1, done: 1 }],
    });
  });
});
