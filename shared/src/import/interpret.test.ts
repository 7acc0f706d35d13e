import { interpretTaskTable } from './interpret';

const HEADER = ['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm'];

function read(rows: string[][], rootSection?: string) {
  return interpretTaskTable([HEADER, ...rows], { rootSection });
}

describe('interpretTaskTable: headings', () => {
  it('nests numbered headings and joins them with " > "', () => {
    const { tasks, problems } = read([
      ['I. Thông báo kết luận - BCĐTW', '', '', '', '', ''],
      ['I.1 Nhóm 8 - Công tác chỉ đạo', '', '', '', '', ''],
      ['1.', 'Việc một', 'Sở A', '', '', ''],
      ['I.1 Nhóm 2 - Thể chế', '', '', '', '', ''],
      ['2.', 'Việc hai', 'Sở B', '', '', ''],
      ['II. Quyết định 204', '', '', '', '', ''],
      ['3.', 'Việc ba', 'Sở C', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(tasks.map((t) => [t.ordinal, t.section])).toEqual([
      ['1.', 'I. Thông báo kết luận - BCĐTW > I.1 Nhóm 8 - Công tác chỉ đạo'],
      ['2.', 'I. Thông báo kết luận - BCĐTW > I.1 Nhóm 2 - Thể chế'],
      ['3.', 'II. Quyết định 204'],
    ]);
  });

  it('reads an ordinal with only the content cell as a heading, after the root section', () => {
    const { tasks } = read(
      [
        ['I', 'Nâng cao nhận thức', '', '', '', ''],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '', 'Thường xuyên', ''],
        ['A.', '', '', '', '', ''],
      ],
      'Phụ lục II: DANH MỤC CÁC NHIỆM VỤ',
    );
    expect(tasks.map((t) => t.section)).toEqual(['Phụ lục II: DANH MỤC CÁC NHIỆM VỤ > I Nâng cao nhận thức']);
  });

  it('reads a merged cell spanning the row (repeated in each cell) as a heading', () => {
    const heading = 'A. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO';
    const { tasks } = read([Array(6).fill(heading), ['1', 'Việc', 'Sở', '', '', '']]);
    expect(tasks[0].section).toBe(heading);
  });

  it('puts letters over Roman numerals over numbers over sub-numbers', () => {
    const { tasks } = read([
      ['A.', 'PHẦN A', '', '', '', ''],
      ['III.', 'GIẢI PHÁP', '', '', '', ''],
      ['1.', 'Giải pháp về thể chế', '', '', '', ''],
      ['1.1', 'Rà soát', 'Sở', '', '', ''],
      ['2.', 'Giải pháp về hạ tầng', '', '', '', ''],
      ['2.1', 'Đầu tư', 'Sở', '', '', ''],
      ['B.', 'PHẦN B', '', '', '', ''],
      ['1', 'Việc', 'Sở', '', '', ''],
    ]);
    expect(tasks.map((t) => t.section)).toEqual([
      'A. PHẦN A > III. GIẢI PHÁP > 1. Giải pháp về thể chế',
      'A. PHẦN A > III. GIẢI PHÁP > 2. Giải pháp về hạ tầng',
      'B. PHẦN B',
    ]);
  });

  it('reads a numbered row with nothing but content as a heading, not a task', () => {
    const { tasks } = read([
      ['1.', 'Giải pháp về thể chế', '', '', '', ''],
      ['1.1', 'Rà soát', 'Sở', '', '', ''],
    ]);
    expect(tasks.map((t) => [t.ordinal, t.section])).toEqual([['1.1', '1. Giải pháp về thể chế']]);
  });

  it('gives a row under no heading no section', () => {
    expect(read([['1', 'Việc', 'Sở', '', '', '']]).tasks[0].section).toBeNull();
  });
});

describe('interpretTaskTable: cells and rows', () => {
  it('trims cells, joins line-wraps with one space, keeps other spacing and makes text NFC', () => {
    const content = 'Y tế:  Triển khai mô hình\n trạm y tế số';
    const { tasks } = read([[' 1 ', content.normalize('NFD'), 'Sở Y\r\ntế', '', '', '']]);
    expect(tasks[0]).toMatchObject({
      ordinal: '1',
      content: 'Y tế:  Triển khai mô hình trạm y tế số',
      lead: 'Sở Y tế',
    });
    expect(tasks[0].content).toBe(tasks[0].content.normalize('NFC'));
  });

  it('joins a row continued across a page break to the row above, skipping the repeated header', () => {
    const { tasks, problems } = read([
      [
        '1',
        'Phối hợp triển khai Đề án cho doanh nghiệp nhỏ và vừa, hợp',
        'Phòng Kinh tế',
        '',
        'Sau khi có văn bản',
        '',
      ],
      HEADER,
      ['', 'tác xã, hộ kinh doanh.', '', 'Các phòng', '', 'Văn bản'],
      ['2', 'Việc hai', 'Phòng Kinh tế', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(tasks.map((t) => [t.row, t.content, t.cooperating, t.output])).toEqual([
      [
        2,
        'Phối hợp triển khai Đề án cho doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh.',
        'Các phòng',
        'Văn bản',
      ],
      [5, 'Việc hai', null, null],
    ]);
  });

  it('skips a row numbering the columns and blank rows', () => {
    const { tasks } = read([
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [],
      ['', '', '', '', '', ''],
      ['1', 'Việc', 'Sở', '', '', ''],
    ]);
    expect(tasks.map((t) => t.row)).toEqual([5]);
  });

  it('reads the standing-task remark at the end of the content as its notes too', () => {
    const { tasks } = read([
      ['1.', 'Rà soát cơ chế (Nhiệm vụ thường xuyên)', 'Sở', '', '', ''],
      ['2.', 'Bồi dưỡng kỹ năng số. Nhiệm vụ thường xuyên', 'Sở', '', '', ''],
      ['3.', 'Coi đây là nhiệm vụ thường xuyên', 'Sở', '', '', ''],
    ]);
    expect(tasks.map((t) => t.notes)).toEqual(['(Nhiệm vụ thường xuyên)', 'Nhiệm vụ thường xuyên', null]);
  });

  it('keeps cells of unknown columns as extra, by header name', () => {
    const { tasks, problems } = interpretTaskTable([
      ['TT', 'Nội dung', 'Kinh phí', ''],
      ['1', 'Việc', '100 triệu', 'x'],
    ]);
    expect(tasks[0].extra).toEqual({ 'Kinh phí': '100 triệu', '#4': 'x' });
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['UNKNOWN_COLUMN', 1, 'Kinh phí']]);
  });

  it('reads the cited documents and the central deadline', () => {
    const { tasks } = interpretTaskTable([
      ['STT', 'Nhiệm vụ cụ thể', 'Văn bản giao nhiệm vụ', 'Thời hạn hoàn thành (Trung ương giao)'],
      [
        '79.',
        'Tái cấu trúc',
        'Thông báo số 03-TB/BCĐTW ngày 06/3/2025; Nghị quyết số 71/NQ-CP',
        'Ngày 15/12/2025',
      ],
    ]);
    expect(tasks[0]).toMatchObject({
      centralDeadline: 'Ngày 15/12/2025',
      deadline: null,
      citedText: 'Thông báo số 03-TB/BCĐTW ngày 06/3/2025; Nghị quyết số 71/NQ-CP',
      cites: [
        { text: 'Thông báo số 03-TB/BCĐTW ngày 06/3/2025', number: '03-TB/BCĐTW', numberKey: '03-TB/BCĐTW' },
        { text: 'Nghị quyết số 71/NQ-CP', number: '71/NQ-CP', numberKey: '71/NQ-CP' },
      ],
    });
  });
});

describe('interpretTaskTable: problems', () => {
  it('reports a table with no header', () => {
    expect(
      interpretTaskTable([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toEqual({
      tasks: [],
      header: null,
      problems: [expect.objectContaining({ code: 'NO_HEADER', row: null, column: null, severity: 'error' })],
    });
  });

  it('reports a task row with no content, by row and column', () => {
    const { tasks, problems } = read([
      ['1', 'Việc', 'Sở', '', '', ''],
      ['2', '', 'Sở B', '', 'Quý IV/2025', ''],
    ]);
    expect(tasks).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['MISSING_CONTENT', 3, 'Nội dung']]);
  });

  it('reports an ordinal used twice in one section, not across sections', () => {
    const { problems } = read([
      ['I.', 'Phần một', '', '', '', ''],
      ['1.', 'Việc', 'Sở', '', '', ''],
      ['1', 'Việc khác', 'Sở', '', '', ''],
      ['II.', 'Phần hai', '', '', '', ''],
      ['1.', 'Việc', 'Sở', '', '', ''],
    ]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['DUPLICATE_ORDINAL', 4, 'TT']]);
    expect(problems[0].message).toContain('row 3');
  });

  it('reports a deadline that looks like a date but is not one', () => {
    const { tasks, problems } = read([
      ['1', 'Việc', 'Sở', '', 'Trước ngày 31/02/2025', ''],
      ['2', 'Việc', 'Sở', '', 'Quý V/2025', ''],
      ['3', 'Việc', 'Sở', '', '15/8/2025', ''],
      ['4', 'Việc', 'Sở', '', 'Thường xuyên', ''],
      ['5', 'Việc', 'Sở', '', 'Sau khi có văn bản của tỉnh', ''],
    ]);
    expect(tasks).toHaveLength(5);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['INVALID_DATE', 2, 'Thời hạn'],
      ['INVALID_DATE', 3, 'Thời hạn'],
    ]);
  });
});
