import { definition as communeDefinition } from '@nq57/commune';
import { definition as provincialDefinition } from '@nq57/provincial';
import { seedIds, seedIndicatorId } from '@nq57/shared';
import { useTestHub, type GraphQLResult } from '../support/hub';
import { tokenFor } from '../support/tokens';

const hub = useTestHub();

const LAI_CHAU_PLAN = seedIds.plan('001');
const THUAN_AN_PLAN = seedIds.plan('004');

/** A reporter of Lai Châu (province 12). */
const laiChauReporter = (): Promise<string> =>
  tokenFor({ role: 'reporter', jurisdiction: '12', subject: 'so-khcn.laichau' });

/** A reporter of Thuận An commune (24682, Lâm Đồng). */
const thuanAnReporter = (): Promise<string> =>
  tokenFor({ role: 'reporter', jurisdiction: '24682', subject: 'ubnd.thuanan' });

const REPORT_PROVINCIAL = `
  mutation ReportProvincialIndicatorValue($input: IndicatorValueInput!) {
    report: reportProvincialIndicatorValue(input: $input) {
      indicator { ref status2026: status(year: 2026) values { year value note } }
      value { id year value note evidence { title url documentNumber } reportedAt actor }
    }
  }
`;

const REPORT_COMMUNE = `
  mutation ReportCommuneIndicatorValue($input: IndicatorValueInput!) {
    report: reportCommuneIndicatorValue(input: $input) {
      indicator { ref }
      value { year value actor }
    }
  }
`;

const STATUS = `
  query IndicatorStatus($provincial: ID!, $commune: ID!) {
    provincialIndicator(id: $provincial) {
      ref
      y2025: status(year: 2025)
      y2026: status(year: 2026)
      y2030: status(year: 2030)
    }
    communeIndicator(id: $commune) {
      ref
      y2025: status(year: 2025)
      y2026: status(year: 2026)
      y2030: status(year: 2030)
    }
  }
`;

function codesOf(result: GraphQLResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Every reported value in both plan levels, read straight from the databases. */
async function storedValues(): Promise<{ provincial: number; commune: number }> {
  const count = async (service: 'provincial' | 'commune') => {
    const [{ count: rows }] = await hub()[service].dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM indicator_value',
    );
    return rows;
  };
  return { provincial: await count('provincial'), commune: await count('commune') };
}

async function reportOk(mutation: string, input: Record<string, unknown>, token: string): Promise<void> {
  const result = await hub().query(mutation, { input }, token);
  expect(result.errors).toBeUndefined();
}

describe('indicators loaded from the seed', () => {
  it('gives Lai Châu’s plan its 23 indicators and Thuận An’s its 16, in document order', async () => {
    const result = await hub().query<{
      provincialPlan: { number: string; indicators: { ref: string; position: number }[] };
      communePlan: { indicators: { ref: string; position: number }[] };
    }>(
      `query PlanIndicators($laiChau: ID!, $thuanAn: ID!) {
        provincialPlan(id: $laiChau) { number indicators { ref position } }
        communePlan(id: $thuanAn) { indicators { ref position } }
      }`,
      { laiChau: LAI_CHAU_PLAN, thuanAn: THUAN_AN_PLAN },
    );
    expect(result.errors).toBeUndefined();
    const { provincialPlan, communePlan } = result.data!;
    expect([provincialPlan.number, provincialPlan.indicators.length, communePlan.indicators.length]).toEqual([
      '32-KH/TU',
      23,
      16,
    ]);
    expect(provincialPlan.indicators.map((row) => row.ref)).toEqual(
      Array.from({ length: 23 }, (_, index) => `001-I${index + 1}`),
    );
    expect(communePlan.indicators.map((row) => row.position)).toEqual(
      Array.from({ length: 16 }, (_, index) => index + 1),
    );
  });

  it('keeps a provincial indicator as printed, with the number read from its target', async () => {
    const result = await hub().query(
      `query LaiChauIndicator($id: ID!) {
        provincialIndicator(id: $id) {
          __typename ref position ordinal section name unit unitDerived
          lead { text } cooperating { text } deadline { text dueDate } notes
          targets { year text value direction }
          values { value }
          plan { number province { name } }
        }
      }`,
      { id: seedIndicatorId('001-I2') },
    );
    expect(result).toEqual({
      data: {
        provincialIndicator: {
          __typename: 'ProvincialIndicator',
          ref: '001-I2',
          position: 2,
          ordinal: null,
          section: 'II- NỘI DUNG > 2. Mục tiêu cụ thể > 2.1. Chỉ tiêu kết quả, đóng góp tăng trưởng',
          name: 'Tỷ lệ đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ≥ 37,6%.',
          unit: '%',
          unitDerived: true,
          lead: { text: 'Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo thực hiện' },
          cooperating: null,
          deadline: { text: 'Trong năm 2026', dueDate: '2026-12-31' },
          notes: null,
          targets: [{ year: 2026, text: '≥ 37,6%', value: 37.6, direction: 'AT_LEAST' }],
          values: [],
          plan: { number: '32-KH/TU', province: { name: 'Lai Châu' } },
        },
      },
    });
  });

  it('keeps a commune indicator’s targets for every year as printed, numbers only where printed', async () => {
    const result = await hub().query(
      `query ThuanAnIndicator($id: ID!) {
        communeIndicator(id: $id) {
          __typename ref ordinal section name unit unitDerived lead { text } deadline { text } notes
          targets { year text value direction }
          plan { commune { name } }
        }
      }`,
      { id: seedIndicatorId('004-I1') },
    );
    expect(result).toEqual({
      data: {
        communeIndicator: {
          __typename: 'CommuneIndicator',
          ref: '004-I1',
          ordinal: '1',
          section: 'Phụ lục I: DANH MỤC CÁC CHỈ TIÊU CỤ THỂ > I Phát triển hạ tầng',
          name: 'Tỷ lệ phủ sóng mạng băng rộng di động',
          unit: '%',
          unitDerived: true,
          lead: { text: 'Phòng VH-XH; các đơn vị liên quan' },
          deadline: null,
          notes: null,
          targets: [
            { year: 2025, text: 'Theo chỉ tiêu tỉnh giao (5G)', value: null, direction: null },
            { year: 2030, text: '100% (5G)', value: 100, direction: 'AT_LEAST' },
            { year: 2035, text: 'Theo chỉ tiêu tỉnh giao (6G)', value: null, direction: null },
            { year: 2040, text: '80% (6G)', value: 80, direction: 'AT_LEAST' },
            { year: 2045, text: '100% (6G)', value: 100, direction: 'AT_LEAST' },
          ],
          plan: { commune: { name: 'Xã Thuận An' } },
        },
      },
    });
  });

  it('adds nothing when the seed runs again', async () => {
    const counts = async () => ({
      provincial: await hub().provincial.dataSource.query(
        `SELECT (SELECT count(*)::int FROM provincial_indicator) AS indicators,
                (SELECT count(*)::int FROM indicator_target) AS targets`,
      ),
      commune: await hub().commune.dataSource.query(
        `SELECT (SELECT count(*)::int FROM commune_indicator) AS indicators,
                (SELECT count(*)::int FROM indicator_target) AS targets`,
      ),
    });
    const before = await counts();
    const urls = { centralUrl: 'http://unused', provincialUrl: 'http://unused' };
    await provincialDefinition(urls).seed!(hub().provincial.dataSource);
    await communeDefinition(urls).seed!(hub().commune.dataSource);
    expect(await counts()).toEqual(before);
    // 23 targets for 001 (one year each); 16 × 5 years for 004.
    expect(before).toEqual({
      provincial: [{ indicators: 23, targets: 23 }],
      commune: [{ indicators: 16, targets: 80 }],
    });
  });

  it('costs one statement per relation, not one per plan or indicator', async () => {
    const before = hub().provincial.queries.total;
    const result = await hub().query(`
      query AllProvincialIndicators {
        provinces { plans { indicators { ref targets { year } values { value } status(year: 2026) } } }
      }
    `);
    expect(result.errors).toBeUndefined();
    // provinces, plans, indicators, targets, values.
    expect(hub().provincial.queries.total - before).toBe(5);
  });
});

describe('reporting an indicator value', () => {
  it('appends the value, newest first, and judges the year against its target', async () => {
    const id = seedIndicatorId('001-I2');
    const token = await laiChauReporter();
    const first = await hub().query(
      REPORT_PROVINCIAL,
      {
        input: {
          indicatorId: id,
          year: 2026,
          value: 36.9,
          note: 'Ước tính của Cục Thống kê tỉnh, 9 tháng',
          evidence: [{ title: 'Báo cáo 9 tháng', url: 'https://laichau.gov.vn/bc-9-thang' }],
        },
      },
      token,
    );
    expect(first).toEqual({
      data: {
        report: {
          indicator: {
            ref: '001-I2',
            status2026: 'NOT_MET',
            values: [{ year: 2026, value: 36.9, note: 'Ước tính của Cục Thống kê tỉnh, 9 tháng' }],
          },
          value: {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            year: 2026,
            value: 36.9,
            note: 'Ước tính của Cục Thống kê tỉnh, 9 tháng',
            evidence: [
              { title: 'Báo cáo 9 tháng', url: 'https://laichau.gov.vn/bc-9-thang', documentNumber: null },
            ],
            reportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            actor: 'so-khcn.laichau',
          },
        },
      },
    });
    const second = await hub().query(
      REPORT_PROVINCIAL,
      {
        input: {
          indicatorId: id,
          year: 2026,
          value: 38.2,
          evidence: [{ title: 'Báo cáo năm', documentNumber: '15/BC-UBND' }],
        },
      },
      token,
    );
    expect(second.data).toEqual({
      report: expect.objectContaining({
        indicator: {
          ref: '001-I2',
          status2026: 'MET',
          values: [
            { year: 2026, value: 38.2, note: null },
            { year: 2026, value: 36.9, note: 'Ước tính của Cục Thống kê tỉnh, 9 tháng' },
          ],
        },
      }),
    });
  });

  it('answers MET, NOT_MET and NO_DATA by year, reading "Trên" as strictly above', async () => {
    const provincial = await laiChauReporter();
    const commune = await thuanAnReporter();
    // 001-I4 "Trên 70%" (2026 only): exactly 70 is not above 70.
    await reportOk(
      REPORT_PROVINCIAL,
      { indicatorId: seedIndicatorId('001-I4'), year: 2026, value: 70 },
      provincial,
    );
    // 004-I3 "≥ 1,0%" in 2025, "≥ 1,5%" in 2030.
    const budget = seedIndicatorId('004-I3');
    await reportOk(REPORT_COMMUNE, { indicatorId: budget, year: 2025, value: 1.2 }, commune);
    await reportOk(REPORT_COMMUNE, { indicatorId: budget, year: 2026, value: 1.3 }, commune);
    const result = await hub().query(STATUS, { provincial: seedIndicatorId('001-I4'), commune: budget });
    expect(result).toEqual({
      data: {
        // 2025 and 2030: no target in 001 (and no value).
        provincialIndicator: { ref: '001-I4', y2025: 'NO_DATA', y2026: 'NOT_MET', y2030: 'NO_DATA' },
        // 2026: a value but no target printed for that year; 2030: a target but no value yet.
        communeIndicator: { ref: '004-I3', y2025: 'MET', y2026: 'NO_DATA', y2030: 'NO_DATA' },
      },
    });
    await reportOk(REPORT_COMMUNE, { indicatorId: budget, year: 2030, value: 1.4 }, commune);
    const after = await hub().query(STATUS, { provincial: seedIndicatorId('001-I4'), commune: budget });
    expect(after.data).toEqual({
      provincialIndicator: expect.anything(),
      communeIndicator: { ref: '004-I3', y2025: 'MET', y2026: 'NO_DATA', y2030: 'NOT_MET' },
    });
  });

  it('answers NO_DATA for a year whose target prints no number, whatever is reported', async () => {
    const id = seedIndicatorId('004-I1');
    const report = await hub().query(
      REPORT_COMMUNE,
      { input: { indicatorId: id, year: 2025, value: 95 } },
      await thuanAnReporter(),
    );
    expect(report).toEqual({
      data: {
        report: { indicator: { ref: '004-I1' }, value: { year: 2025, value: 95, actor: 'ubnd.thuanan' } },
      },
    });
    const result = await hub().query(
      `query NoNumber($id: ID!) { communeIndicator(id: $id) { y2025: status(year: 2025) values(year: 2025) { value } } }`,
      { id },
    );
    expect(result).toEqual({ data: { communeIndicator: { y2025: 'NO_DATA', values: [{ value: 95 }] } } });
  });
});

describe('who may report an indicator value', () => {
  const otherProvince = () => tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'reporter@19' });
  const cases: [string, () => Promise<string | null>, string, string, string][] = [
    ['a reporter of another province', otherProvince, REPORT_PROVINCIAL, '001-I3', 'FORBIDDEN'],
    [
      'a viewer of Lai Châu',
      () => tokenFor({ role: 'viewer', jurisdiction: '12' }),
      REPORT_PROVINCIAL,
      '001-I3',
      'FORBIDDEN',
    ],
    [
      'a reporter of Thuận An on a provincial indicator',
      thuanAnReporter,
      REPORT_PROVINCIAL,
      '001-I3',
      'FORBIDDEN',
    ],
    [
      'a reporter of Lâm Đồng on its commune’s indicator',
      () => tokenFor({ role: 'reporter', jurisdiction: '68' }),
      REPORT_COMMUNE,
      '004-I4',
      'FORBIDDEN',
    ],
    [
      'a reporter of another commune',
      () => tokenFor({ role: 'reporter', jurisdiction: '24685' }),
      REPORT_COMMUNE,
      '004-I4',
      'FORBIDDEN',
    ],
    ['a caller without a token', () => Promise.resolve(null), REPORT_PROVINCIAL, '001-I3', 'UNAUTHENTICATED'],
  ];

  it.each(cases)('refuses %s, and writes nothing', async (_case, token, mutation, ref, code) => {
    const before = await storedValues();
    const result = await hub().query(
      mutation,
      { input: { indicatorId: seedIndicatorId(ref), year: 2026, value: 100 } },
      await token(),
    );
    expect([result.data ?? null, codesOf(result)]).toEqual([null, [code]]);
    expect(await storedValues()).toEqual(before);
  });

  it('tells a refused reporter whose the indicator is', async () => {
    const result = await hub().query(
      REPORT_PROVINCIAL,
      { input: { indicatorId: seedIndicatorId('001-I3'), year: 2026, value: 100 } },
      await otherProvince(),
    );
    expect(result.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'FORBIDDEN', jurisdiction: '19', required: '12' }),
    );
    const rows = await hub().provincial.dataSource.query(
      'SELECT count(*)::int AS count FROM indicator_value WHERE indicator_id = $1',
      [seedIndicatorId('001-I3')],
    );
    expect(rows).toEqual([{ count: 0 }]);
  });
});

describe('bad input', () => {
  const id = seedIndicatorId('001-I5');
  it.each([
    ['a year before 2020', { year: 2019 }, 'BAD_USER_INPUT'],
    ['a year after 2050', { year: 2051 }, 'BAD_USER_INPUT'],
    [
      'an evidence url that is not http(s)',
      { evidence: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'BAD_USER_INPUT',
    ],
    [
      'evidence with both a url and a number',
      { evidence: [{ title: 'x', url: 'https://a.vn', documentNumber: '1/QĐ' }] },
      'BAD_USER_INPUT',
    ],
    ['evidence with neither a url nor a number', { evidence: [{ title: 'x' }] }, 'BAD_USER_INPUT'],
    ['an empty note', { note: '' }, 'BAD_USER_INPUT'],
    ['a value too large', { value: 1e16 }, 'BAD_USER_INPUT'],
    ['an id that is not one', { indicatorId: 'DROP TABLE' }, 'BAD_USER_INPUT'],
    ['an unknown indicator', { indicatorId: seedIndicatorId('001-I99') }, 'NOT_FOUND'],
  ])('refuses %s, and writes nothing', async (_case, change, code) => {
    const before = await storedValues();
    const result = await hub().query(
      REPORT_PROVINCIAL,
      { input: { indicatorId: id, year: 2026, value: 100, ...change } },
      await laiChauReporter(),
    );
    expect([result.data ?? null, codesOf(result)]).toEqual([null, [code]]);
    expect(await storedValues()).toEqual(before);
  });

  it('refuses a value that is not finite, and writes nothing', async () => {
    const before = await storedValues();
    const result = await hub().query(
      `mutation InfiniteValue($id: ID!) {
        reportProvincialIndicatorValue(input: { indicatorId: $id, year: 2026, value: 1e400 }) { value { value } }
      }`,
      { id },
      await laiChauReporter(),
    );
    expect([result.data ?? null, codesOf(result)]).toEqual([null, ['BAD_USER_INPUT']]);
    expect(await storedValues()).toEqual(before);
  });

  it('keeps stored values from being changed, even by SQL', async () => {
    // The statement counter logs failed SQL; this failure is the point of the test.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        hub().provincial.dataSource.query('UPDATE indicator_value SET value = value + 1'),
      ).rejects.toThrow(/appended, never changed/);
    } finally {
      logged.mockRestore();
    }
  });
});
