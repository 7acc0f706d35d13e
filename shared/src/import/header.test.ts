import { locateHeader } from './header';

describe('locateHeader', () => {
  it('finds the header under title rows', () => {
    const header = locateHeader([
      ['Phụ lục II: DANH MỤC CÁC NHIỆM VỤ', '', ''],
      ['(Kèm theo Kế hoạch số /KH-UBND)', '', ''],
      ['STT', 'Tên nhiệm vụ', 'Cơ quan\nchủ trì'],
      ['1', 'Việc', 'Sở'],
    ]);
    expect(header?.rows).toEqual([3]);
    expect(header?.fields).toEqual({ ordinal: 0, content: 1, lead: 2 });
    expect(header?.columns.map((c) => c.name)).toEqual(['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì']);
  });

  it('joins a header spread over two rows, a merged top cell heading each column under it', () => {
    const header = locateHeader([
      ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời hạn'],
      ['', '', 'Chủ trì', 'Phối hợp', ''],
      ['1', 'Việc', 'Sở A', 'Sở B', '2025'],
    ]);
    expect(header?.rows).toEqual([1, 2]);
    expect(header?.columns.map((c) => c.name)).toEqual([
      'TT',
      'Nội dung',
      'Cơ quan thực hiện Chủ trì',
      'Cơ quan thực hiện Phối hợp',
      'Thời hạn',
    ]);
    expect(header?.fields).toEqual({ ordinal: 0, content: 1, lead: 2, cooperating: 3, deadline: 4 });
  });

  it('joins a header whose cells wrap onto a second row, and a vertically merged cell read once', () => {
    const header = locateHeader([
      ['STT', 'Tên nhiệm vụ', 'Cơ quan', 'Cơ quan phối', 'Thời hạn'],
      ['STT', '', 'chủ trì', 'hợp', 'Trung ương giao'],
    ]);
    expect(header?.rows).toEqual([1, 2]);
    expect(header?.fields).toEqual({ ordinal: 0, content: 1, lead: 2, cooperating: 3, centralDeadline: 4 });
  });

  it('does not take the first task row for the second header row', () => {
    const header = locateHeader([
      ['TT', 'Nội dung', 'Cơ quan thực hiện', 'Thời hạn'],
      ['1', 'Phối hợp triển khai', 'Phối hợp', '2025'],
    ]);
    expect(header?.rows).toEqual([1]);
  });

  it('lets a mapping by index or by header text override detection', () => {
    const header = locateHeader([['TT', 'Việc cần làm', 'Đầu việc', 'Chủ trì', 'Ghi chú']], {
      content: 'viec can lam',
      lead: 2,
    });
    expect(header?.fields).toEqual({ ordinal: 0, content: 1, lead: 2, notes: 4 });
    expect(header?.problems).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_COLUMN', row: 1, column: 'Chủ trì', severity: 'warning' }),
    ]);
  });

  it('takes the first non-blank row for the header when the mapping gives the content column by index', () => {
    const rows = [[], ['Số', 'Việc cần làm', 'Đầu việc'], ['1', 'Rà soát', 'Sở A']];
    expect(locateHeader(rows)).toBeNull();
    const header = locateHeader(rows, { ordinal: 0, content: 1, lead: 2 });
    expect(header?.rows).toEqual([2]);
    expect(header?.fields).toEqual({ ordinal: 0, content: 1, lead: 2 });
    expect(header?.problems).toEqual([]);
  });

  it('reports a mapping that names no column, and unknown columns', () => {
    const header = locateHeader([['STT', 'Nội dung', 'Kinh phí', 'Chủ trì']], { output: 'Sản phẩm' });
    expect(header?.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['MAPPING_NOT_FOUND', 1, 'Sản phẩm'],
      ['UNKNOWN_COLUMN', 1, 'Kinh phí'],
    ]);
  });

  it('finds no header in a table that names no content column', () => {
    expect(
      locateHeader([
        ['STT', 'Chỉ tiêu', 'Đơn vị tính'],
        ['1', 'Tỷ lệ', '%'],
      ]),
    ).toBeNull();
  });
});
