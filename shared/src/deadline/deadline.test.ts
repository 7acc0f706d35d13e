import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeadlineKind, dueDateFor, parseDeadline, ParsedDeadline, Recurrence } from './deadline';

const { DATE, MONTH, QUARTER, HALF_YEAR, YEAR, RECURRING, RELATIVE, DONE, UNSPECIFIED } = DeadlineKind;
const { CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY } = Recurrence;

function expected(
  text: string,
  kind: DeadlineKind,
  dueDate: string | null,
  recurrence: Recurrence | null = null,
  dayOfPeriod: number | null = null,
): ParsedDeadline {
  return { text, kind, dueDate, recurrence, dayOfPeriod };
}

// Every deadline phrase printed in the seeds (../shared/seeds/*.txt): the deadline column of each appendix
// table, the "Thời gian thực hiện" / "Thời gian:" lines, 003's "Thời hạn hoàn thành (Trung ương giao)"
// column, 004's Phụ lục I year columns and Phụ lục II deadline column, and the deadline/centralDeadline
// values of data/seeds/plans/*.json and the task deadlines of data/seeds/central.json. Line-wraps joined with one space, otherwise as printed.
const SEED_PHRASES: ReadonlyArray<readonly [string, ParsedDeadline]> = [
  // 000 Lào Cai, appendix column "THỜI GIAN HOÀN THÀNH"
  ['Trước 25/7/2025 (Đã hoàn thành)', expected('Trước 25/7/2025 (Đã hoàn thành)', DONE, '2025-07-25')],
  ['Trước ngày 15/8/2025', expected('Trước ngày 15/8/2025', DATE, '2025-08-15')],
  ['Trước ngày 31/12/2025', expected('Trước ngày 31/12/2025', DATE, '2025-12-31')],
  ['Trước 10/8/2025', expected('Trước 10/8/2025', DATE, '2025-08-10')],
  ['Trong tháng 8/2025', expected('Trong tháng 8/2025', MONTH, '2025-08-31')],
  ['Trước 30/10/2025', expected('Trước 30/10/2025', DATE, '2025-10-30')],
  ['Thường xuyên', expected('Thường xuyên', RECURRING, null, CONTINUOUS)],
  ['Trước ngày 31/8/2025', expected('Trước ngày 31/8/2025', DATE, '2025-08-31')],
  ['Trước ngày 01/9/2025', expected('Trước ngày 01/9/2025', DATE, '2025-09-01')],
  ['31/08/2026', expected('31/08/2026', DATE, '2026-08-31')],
  ['Trong tháng 9/2025', expected('Trong tháng 9/2025', MONTH, '2025-09-30')],
  ['Hằng ngày/hằng tháng', expected('Hằng ngày/hằng tháng', RECURRING, null, DAILY)],
  // 000 Lào Cai, "Thời gian:" lines of section III
  [
    'Hoàn thành trình Ban Thường vụ Tỉnh ủy, HĐND tỉnh trước ngày 31/12/2025.',
    expected('Hoàn thành trình Ban Thường vụ Tỉnh ủy, HĐND tỉnh trước ngày 31/12/2025.', DATE, '2025-12-31'),
  ],
  ['Hoàn thành trước ngày 30/10/2025.', expected('Hoàn thành trước ngày 30/10/2025.', DATE, '2025-10-30')],
  [
    'Có sản phẩm dùng thử dự án (1) trước ngày 01/9/2025; Hoàn thành dự án (2) trước ngày 31/12/2025.',
    expected(
      'Có sản phẩm dùng thử dự án (1) trước ngày 01/9/2025; Hoàn thành dự án (2) trước ngày 31/12/2025.',
      DATE,
      '2025-12-31',
    ),
  ],
  [
    'Hoàn thành rà soát trước 10/8/2025.',
    expected('Hoàn thành rà soát trước 10/8/2025.', DATE, '2025-08-10'),
  ],
  // 000 Lào Cai, the same lines as plans/000-lao-cai.json records them (without the full stop), and the
  // deadline it lifts from the prose of III.2.3
  [
    'Hoàn thành trình Ban Thường vụ Tỉnh ủy, HĐND tỉnh trước ngày 31/12/2025',
    expected('Hoàn thành trình Ban Thường vụ Tỉnh ủy, HĐND tỉnh trước ngày 31/12/2025', DATE, '2025-12-31'),
  ],
  ['Hoàn thành trước ngày 30/10/2025', expected('Hoàn thành trước ngày 30/10/2025', DATE, '2025-10-30')],
  [
    'Có sản phẩm dùng thử dự án (1) trước ngày 01/9/2025; Hoàn thành dự án (2) trước ngày 31/12/2025',
    expected(
      'Có sản phẩm dùng thử dự án (1) trước ngày 01/9/2025; Hoàn thành dự án (2) trước ngày 31/12/2025',
      DATE,
      '2025-12-31',
    ),
  ],
  ['Hoàn thành rà soát trước 10/8/2025', expected('Hoàn thành rà soát trước 10/8/2025', DATE, '2025-08-10')],
  ['trong Quý IV/2025', expected('trong Quý IV/2025', QUARTER, '2025-12-31')],
  // 001 Lai Châu, "+ Thời gian thực hiện:" lines and plan JSON deadlines
  ['Trong năm 2026', expected('Trong năm 2026', YEAR, '2026-12-31')],
  ['Trước ngày 30/6/2026', expected('Trước ngày 30/6/2026', DATE, '2026-06-30')],
  ['định kỳ', expected('định kỳ', RECURRING, null, CONTINUOUS)],
  ['theo đúng lộ trình đã đề ra', expected('theo đúng lộ trình đã đề ra', RELATIVE, null)],
  ['thường xuyên', expected('thường xuyên', RECURRING, null, CONTINUOUS)],
  [
    'định kỳ hằng tháng, 3 tháng, 6 tháng, 9 tháng, 1 năm',
    expected('định kỳ hằng tháng, 3 tháng, 6 tháng, 9 tháng, 1 năm', RECURRING, null, MONTHLY),
  ],
  // 002, appendix column "Thời gian hoàn thành"
  ['Quý IV/2025', expected('Quý IV/2025', QUARTER, '2025-12-31')],
  ['Tháng 10/2025', expected('Tháng 10/2025', MONTH, '2025-10-31')],
  // 003 Thái Nguyên, column "Thời hạn hoàn thành (Trung ương giao)"
  ['Ngày 15/12/2025', expected('Ngày 15/12/2025', DATE, '2025-12-15')],
  ['Ngày 01/01/2026', expected('Ngày 01/01/2026', DATE, '2026-01-01')],
  ['Ngày 31/12/2025', expected('Ngày 31/12/2025', DATE, '2025-12-31')],
  ['Ngày 20/12/2025', expected('Ngày 20/12/2025', DATE, '2025-12-20')],
  ['Ngày 10/12/2025', expected('Ngày 10/12/2025', DATE, '2025-12-10')],
  ['20/12/2025', expected('20/12/2025', DATE, '2025-12-20')],
  ['Ngày 30/11/2025', expected('Ngày 30/11/2025', DATE, '2025-11-30')],
  ['Ngày 20/12/2026', expected('Ngày 20/12/2026', DATE, '2026-12-20')],
  ['Ngày 25/4/2025', expected('Ngày 25/4/2025', DATE, '2025-04-25')],
  ['Ngày 30/6/2028', expected('Ngày 30/6/2028', DATE, '2028-06-30')],
  ['Ngày 30/9/2026', expected('Ngày 30/9/2026', DATE, '2026-09-30')],
  // 004 Thuận An, Phụ lục II column "Thời gian hoàn thành" and plan JSON deadlines
  ['Sau khi có văn bản của tỉnh', expected('Sau khi có văn bản của tỉnh', RELATIVE, null)],
  ['6/2026', expected('6/2026', MONTH, '2026-06-30')],
  [
    'Sau khi có văn bản của cơ quan chuyên môn',
    expected('Sau khi có văn bản của cơ quan chuyên môn', RELATIVE, null),
  ],
  ['hàng năm', expected('hàng năm', RECURRING, null, YEARLY)],
  ['Định kỳ hoặc đột xuất', expected('Định kỳ hoặc đột xuất', RECURRING, null, CONTINUOUS)],
  ['định kỳ hoặc đột xuất', expected('định kỳ hoặc đột xuất', RECURRING, null, CONTINUOUS)],
  ['hàng năm và giai đoạn', expected('hàng năm và giai đoạn', RECURRING, null, YEARLY)],
  // 004 Thuận An, Phụ lục I target columns
  ['Năm 2025', expected('Năm 2025', YEAR, '2025-12-31')],
  ['Năm 2030', expected('Năm 2030', YEAR, '2030-12-31')],
  ['Năm 2035', expected('Năm 2035', YEAR, '2035-12-31')],
  ['Năm 2040', expected('Năm 2040', YEAR, '2040-12-31')],
  ['Năm 2045', expected('Năm 2045', YEAR, '2045-12-31')],
];

// Deadlines and reporting rhythms the seeds print inside prose, outputs and notes rather than in a deadline
// column: a plan encoder may lift any of them into a deadline field.
const SEED_PROSE_PHRASES: ReadonlyArray<readonly [string, ParsedDeadline]> = [
  [
    'Báo cáo kết quả định kỳ hằng tháng trước ngày 20.',
    expected('Báo cáo kết quả định kỳ hằng tháng trước ngày 20.', RECURRING, null, MONTHLY, 20),
  ],
  [
    'báo cáo kết quả triển khai định kỳ hằng ngày/hằng tháng.',
    expected('báo cáo kết quả triển khai định kỳ hằng ngày/hằng tháng.', RECURRING, null, DAILY),
  ],
  [
    'Báo cáo kết quả thực hiện định kỳ hàng tháng hoặc đột xuất theo yêu cầu',
    expected(
      'Báo cáo kết quả thực hiện định kỳ hàng tháng hoặc đột xuất theo yêu cầu',
      RECURRING,
      null,
      MONTHLY,
    ),
  ],
  ['hằng ngày (trước 14h00)', expected('hằng ngày (trước 14h00)', RECURRING, null, DAILY)],
  [
    'hàng tuần (trước 10h ngày Thứ 6)',
    expected('hàng tuần (trước 10h ngày Thứ 6)', RECURRING, null, WEEKLY, 5),
  ],
  ['6 tháng cuối năm 2025', expected('6 tháng cuối năm 2025', HALF_YEAR, '2025-12-31')],
  ['hoàn thành trong Quý I/2026', expected('hoàn thành trong Quý I/2026', QUARTER, '2026-03-31')],
  ['Hoàn thành trong Quý II năm 2026.', expected('Hoàn thành trong Quý II năm 2026.', QUARTER, '2026-06-30')],
  ['Định kỳ hằng quý', expected('Định kỳ hằng quý', RECURRING, null, QUARTERLY)],
  ['quý III/2025', expected('quý III/2025', QUARTER, '2025-09-30')],
  [
    "muộn nhất vào 9h00' sáng ngày thứ Sáu hằng tuần",
    expected("muộn nhất vào 9h00' sáng ngày thứ Sáu hằng tuần", RECURRING, null, WEEKLY, 5),
  ],
  [
    "trước 17h00' ngày thứ Sáu hằng tuần",
    expected("trước 17h00' ngày thứ Sáu hằng tuần", RECURRING, null, WEEKLY, 5),
  ],
  ['trước 16 giờ hằng ngày', expected('trước 16 giờ hằng ngày', RECURRING, null, DAILY)],
  ['trong tháng 12/2025', expected('trong tháng 12/2025', MONTH, '2025-12-31')],
  ['đến tháng 8/2025', expected('đến tháng 8/2025', MONTH, '2025-08-31')],
  ['định kỳ hằng quý hoặc đột xuất', expected('định kỳ hằng quý hoặc đột xuất', RECURRING, null, QUARTERLY)],
  ['định kỳ hằng năm', expected('định kỳ hằng năm', RECURRING, null, YEARLY)],
  ['hằng năm', expected('hằng năm', RECURRING, null, YEARLY)],
  ['(Nhiệm vụ thường xuyên)', expected('(Nhiệm vụ thường xuyên)', RECURRING, null, CONTINUOUS)],
  ['Nhiệm vụ thường xuyên', expected('Nhiệm vụ thường xuyên', RECURRING, null, CONTINUOUS)],
  ['Ngay sau khi các bộ, ngành công bố', expected('Ngay sau khi các bộ, ngành công bố', RELATIVE, null)],
  ['thời kỳ 2021-2030', expected('thời kỳ 2021-2030', YEAR, '2030-12-31')],
];

// Spellings the seeds do not print but other plans do (accents, case, hằng/hàng, quý 4, written dates).
const VARIANTS: ReadonlyArray<readonly [string, ParsedDeadline]> = [
  ['Tháng 12/2025', expected('Tháng 12/2025', MONTH, '2025-12-31')],
  ['Quý III/2025', expected('Quý III/2025', QUARTER, '2025-09-30')],
  ['quý 4/2025', expected('quý 4/2025', QUARTER, '2025-12-31')],
  ['QUÝ IV NĂM 2025', expected('QUÝ IV NĂM 2025', QUARTER, '2025-12-31')],
  ['Truoc ngay 15/8/2025', expected('Truoc ngay 15/8/2025', DATE, '2025-08-15')],
  ['TRƯỚC NGÀY 5/8/2025', expected('TRƯỚC NGÀY 5/8/2025', DATE, '2025-08-05')],
  ['15-8-2025', expected('15-8-2025', DATE, '2025-08-15')],
  ['2025-08-15', expected('2025-08-15', DATE, '2025-08-15')],
  ['ngày 15 tháng 8 năm 2025', expected('ngày 15 tháng 8 năm 2025', DATE, '2025-08-15')],
  ['tháng 8 năm 2025', expected('tháng 8 năm 2025', MONTH, '2025-08-31')],
  ['Tháng 2/2024', expected('Tháng 2/2024', MONTH, '2024-02-29')],
  ['6 tháng đầu năm 2026', expected('6 tháng đầu năm 2026', HALF_YEAR, '2026-06-30')],
  ['năm 2025', expected('năm 2025', YEAR, '2025-12-31')],
  ['2025', expected('2025', YEAR, '2025-12-31')],
  ['2025-2030', expected('2025-2030', YEAR, '2030-12-31')],
  ['Giai đoạn 2025 – 2030', expected('Giai đoạn 2025 – 2030', YEAR, '2030-12-31')],
  ['Từ năm 2025 đến năm 2030', expected('Từ năm 2025 đến năm 2030', YEAR, '2030-12-31')],
  ['Từ 01/8/2025 đến 15/9/2025', expected('Từ 01/8/2025 đến 15/9/2025', DATE, '2025-09-15')],
  ['Hằng ngày', expected('Hằng ngày', RECURRING, null, DAILY)],
  ['Hàng ngày', expected('Hàng ngày', RECURRING, null, DAILY)],
  ['Hằng tuần', expected('Hằng tuần', RECURRING, null, WEEKLY)],
  ['hằng tháng', expected('hằng tháng', RECURRING, null, MONTHLY)],
  ['Hằng quý', expected('Hằng quý', RECURRING, null, QUARTERLY)],
  ['Liên tục', expected('Liên tục', RECURRING, null, CONTINUOUS)],
  ['trước ngày 20 hằng tháng', expected('trước ngày 20 hằng tháng', RECURRING, null, MONTHLY, 20)],
  ['Trước ngày 5 hàng tháng', expected('Trước ngày 5 hàng tháng', RECURRING, null, MONTHLY, 5)],
  ['Thứ Hai hằng tuần', expected('Thứ Hai hằng tuần', RECURRING, null, WEEKLY, 1)],
  ['Chủ nhật hằng tuần', expected('Chủ nhật hằng tuần', RECURRING, null, WEEKLY, 7)],
  ['Tháng 9/2025 và thường xuyên', expected('Tháng 9/2025 và thường xuyên', MONTH, '2025-09-30', CONTINUOUS)],
  [
    'Trước 31/12/2025, báo cáo hằng tháng',
    expected('Trước 31/12/2025, báo cáo hằng tháng', DATE, '2025-12-31', MONTHLY),
  ],
  ['Đã hoàn thành', expected('Đã hoàn thành', DONE, null)],
  ['Khi có yêu cầu', expected('Khi có yêu cầu', RELATIVE, null)],
  ['Theo tiến độ của Trung ương', expected('Theo tiến độ của Trung ương', RELATIVE, null)],
  // Extraction joins wrapped cells with line breaks; text keeps them, matching ignores them.
  ['Trước ngày\n15/8/2025', expected('Trước ngày\n15/8/2025', DATE, '2025-08-15')],
  // Decomposed Unicode (NFD), as some PDF extractors emit it.
  ['Quý IV/2025'.normalize('NFD'), expected('Quý IV/2025'.normalize('NFD'), QUARTER, '2025-12-31')],
];

// Impossible dates and unreadable text: nothing is invented, the phrase is kept and marked UNSPECIFIED.
const UNREADABLE: readonly string[] = [
  '31/02/2025',
  'Ngày 29/02/2025',
  'Trước ngày 31/4/2026',
  '00/12/2025',
  'Ngày 15/13/2025',
  '13/2025',
  'Tháng 0/2026',
  'Quý V/2025',
  'Quý 5/2025',
  'ngày 32 hằng tháng',
  'ngày 0 hằng tháng',
  '2030-2025',
  '2025-02-30',
  'Ngày 31/02/2025 và thường xuyên',
  '15/8/25',
  '-',
  'Theo chỉ tiêu tỉnh giao',
  'Cơ bản đáp ứng tại các khu vực trung tâm của xã',
  '6 tháng đầu năm',
  'trước ngày 20',
];

describe('parseDeadline', () => {
  it.each(SEED_PHRASES)('every deadline phrase printed in the seeds: %j', (phrase, want) => {
    expect(parseDeadline(phrase)).toEqual(want);
  });

  it.each(SEED_PROSE_PHRASES)('deadline printed in seed prose: %j', (phrase, want) => {
    expect(parseDeadline(phrase)).toEqual(want);
  });

  it.each(VARIANTS)('spelling variant %j', (phrase, want) => {
    expect(parseDeadline(phrase)).toEqual(want);
  });

  it.each(UNREADABLE)('keeps %j as UNSPECIFIED without inventing a date', (phrase) => {
    expect(parseDeadline(phrase)).toEqual(expected(phrase, UNSPECIFIED, null));
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDeadline('Ngày 29/02/2024')).toEqual(expected('Ngày 29/02/2024', DATE, '2024-02-29'));
    expect(parseDeadline('Ngày 29/02/2025')?.kind).toBe(UNSPECIFIED);
  });

  it.each([null, undefined, '', '   ', ' \n\t '])('returns null for %j', (blank) => {
    expect(parseDeadline(blank)).toBeNull();
  });

  it('trims the printed text and nothing else', () => {
    expect(parseDeadline('  Quý IV/2025 \n')?.text).toBe('Quý IV/2025');
  });

  it('parses a central deadline beside a local one each on its own', () => {
    const local = parseDeadline('Trước ngày 15/12/2025');
    const central = parseDeadline('Ngày 31/12/2025');
    expect([local?.dueDate, central?.dueDate]).toEqual(['2025-12-15', '2025-12-31']);
  });

  it('never throws on odd text', () => {
    for (const odd of [
      '///',
      '99/99/9999',
      'quý',
      'ngày ngày ngày',
      '\u0000',
      '2025-',
      '1/1/1/2025',
      '🙂 2025',
    ]) {
      expect(() => parseDeadline(odd)).not.toThrow();
    }
  });
});

// Guards against a seed encoder adding a phrase this parser cannot read.
describe('deadlines in data/seeds', () => {
  const dir = join(__dirname, '../../../data/seeds');
  const phrases = [
    ...new Set([...planPhrases(join(dir, 'plans')), ...centralPhrases(join(dir, 'central.json'))]),
  ];

  it('finds the seed data', () => {
    expect(phrases.length).toBeGreaterThan(40);
  });

  it.each(phrases)('reads %j', (phrase) => {
    const parsed = parseDeadline(phrase);
    expect(parsed?.text).toBe(phrase.trim());
    expect(parsed?.kind).not.toBe(UNSPECIFIED);
  });
});

function planPhrases(dir: string): string[] {
  const found = new Set<string>();
  if (!existsSync(dir)) return [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const plan = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      tasks?: Array<{ deadline?: string | null; centralDeadline?: string | null }>;
      indicators?: Array<{ deadline?: string | null }>;
    };
    for (const row of [...(plan.tasks ?? []), ...(plan.indicators ?? [])]) {
      for (const value of [row.deadline, 'centralDeadline' in row ? row.centralDeadline : null]) {
        if (typeof value === 'string' && value.trim() !== '') found.add(value);
      }
    }
  }
  return [...found];
}

function centralPhrases(file: string): string[] {
  if (!existsSync(file)) return [];
  const central = JSON.parse(readFileSync(file, 'utf8')) as {
    directives?: Array<{ tasks?: Array<{ deadline?: string | null }> }>;
  };
  const deadlines = (central.directives ?? []).flatMap((d) => (d.tasks ?? []).map((t) => t.deadline));
  return deadlines.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

describe('dueDateFor', () => {
  const monthly = parseDeadline('hằng tháng')!;
  const by20th = parseDeadline('trước ngày 20 hằng tháng')!;
  const by31st = parseDeadline('trước ngày 31 hằng tháng')!;
  const weekly = parseDeadline('Hằng tuần')!;
  const fridays = parseDeadline('hàng tuần (trước 10h ngày Thứ 6)')!;
  const daily = parseDeadline('Hằng ngày')!;

  it.each([
    ['2025-01-31', '2025-01-31'],
    ['2025-02-01', '2025-02-28'],
    ['2024-02-10', '2024-02-29'],
    ['2025-12-31', '2025-12-31'],
    ['2026-01-01', '2026-01-31'],
  ])('monthly, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(monthly, asOf)).toBe(due);
  });

  it.each([
    ['2025-01-19', '2025-01-20'],
    ['2025-01-20', '2025-01-20'],
    ['2025-01-31', '2025-01-20'],
    ['2025-02-01', '2025-02-20'],
    ['2025-12-31', '2025-12-20'],
  ])('trước ngày 20 hằng tháng, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(by20th, asOf)).toBe(due);
  });

  it.each([
    ['2025-02-14', '2025-02-28'],
    ['2024-02-14', '2024-02-29'],
    ['2025-04-30', '2025-04-30'],
  ])('a day the month lacks falls on its last day, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(by31st, asOf)).toBe(due);
  });

  it.each([
    ['2025-08-31', '2025-08-31'],
    ['2025-09-01', '2025-09-07'],
    ['2025-12-29', '2026-01-04'],
  ])('weekly ends on Sunday, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(weekly, asOf)).toBe(due);
  });

  it.each([
    ['2025-08-31', '2025-08-29'],
    ['2025-09-01', '2025-09-05'],
    ['2025-09-05', '2025-09-05'],
    ['2025-12-29', '2026-01-02'],
  ])('weekly on Thứ 6, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(fridays, asOf)).toBe(due);
  });

  it.each([
    ['2025-01-31', '2025-01-31'],
    ['2025-02-28', '2025-02-28'],
    ['2024-02-29', '2024-02-29'],
    ['2025-12-31', '2025-12-31'],
  ])('daily, as of %s: %s', (asOf, due) => {
    expect(dueDateFor(daily, asOf)).toBe(due);
  });

  it('quarterly and yearly fall on the period end', () => {
    expect(dueDateFor(parseDeadline('Định kỳ hằng quý')!, '2025-08-15')).toBe('2025-09-30');
    expect(dueDateFor(parseDeadline('Định kỳ hằng quý')!, '2025-10-01')).toBe('2025-12-31');
    expect(dueDateFor(parseDeadline('hàng năm')!, '2025-08-15')).toBe('2025-12-31');
  });

  it('returns the fixed due date when the deadline has no period', () => {
    expect(dueDateFor(parseDeadline('Quý IV/2025')!, '2025-08-15')).toBe('2025-12-31');
    expect(dueDateFor(parseDeadline('Tháng 9/2025 và thường xuyên')!, '2025-08-15')).toBe('2025-09-30');
    expect(dueDateFor(parseDeadline('Trước 25/7/2025 (Đã hoàn thành)')!, '2025-08-15')).toBe('2025-07-25');
  });

  it('never runs a rhythm past the fixed due date', () => {
    const both = parseDeadline('Trước 31/12/2025, báo cáo hằng tháng')!;
    expect(dueDateFor(both, '2025-11-10')).toBe('2025-11-30');
    expect(dueDateFor(both, '2026-01-10')).toBe('2025-12-31');
  });

  it('returns null when there is no due date at all', () => {
    expect(dueDateFor(parseDeadline('Thường xuyên')!, '2025-08-15')).toBeNull();
    expect(dueDateFor(parseDeadline('Sau khi có văn bản của tỉnh')!, '2025-08-15')).toBeNull();
    expect(dueDateFor(parseDeadline('31/02/2025')!, '2025-08-15')).toBeNull();
  });

  it.each(['2025-02-30', '2025-13-01', '15/8/2025', '2025-8-15', ''])('rejects asOf %j', (asOf) => {
    expect(() => dueDateFor(daily, asOf)).toThrow(RangeError);
  });
});
