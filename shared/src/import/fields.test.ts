import { detectField } from './fields';

describe('detectField', () => {
  it.each([
    ['TT', 'ordinal'],
    ['STT', 'ordinal'],
    ['Số TT', 'ordinal'],
    ['số thứ tự', 'ordinal'],
    ['Nội dung', 'content'],
    ['Nội dung nhiệm vụ', 'content'],
    ['Nhiệm vụ', 'content'],
    ['Nhiệm vụ cụ thể', 'content'],
    ['Tên nhiệm vụ', 'content'],
    ['Cơ quan chủ trì', 'lead'],
    ['Đơn vị chủ trì', 'lead'],
    ['Chủ trì', 'lead'],
    ['Cơ quan chủ trì /tham mưu', 'lead'],
    ['Cơ quan phối hợp', 'cooperating'],
    ['Đơn vị phối hợp', 'cooperating'],
    ['Phối hợp', 'cooperating'],
    ['Thời hạn', 'deadline'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Tiến độ', 'deadline'],
    ['Thời gian thực hiện nhiệm vụ', 'deadline'],
    ['Thời hạn hoàn thành (Trung ương giao)', 'centralDeadline'],
    ['Sản phẩm', 'output'],
    ['Kết quả', 'output'],
    ['Sản phẩm đầu ra', 'output'],
    ['Văn bản giao nhiệm vụ', 'citedText'],
    ['Ghi chú', 'notes'],
  ])('reads "%s" as %s', (header, field) => {
    expect(detectField(header)).toBe(field);
  });

  it('ignores accents, case, spacing and line-wraps', () => {
    expect(detectField('CƠ QUAN CHỦ TRÌ')).toBe('lead');
    expect(detectField('co quan chu tri')).toBe('lead');
    expect(detectField('  Cơ quan\n\nchủ   trì ')).toBe('lead');
    expect(detectField('ĐƠN VỊ PHỐI HỢP')).toBe('cooperating');
    expect(detectField('Thoi gian hoan thanh')).toBe('deadline');
    // Decomposed (NFD) input, as some tools write it.
    expect(detectField('Nội dung nhiệm vụ'.normalize('NFD'))).toBe('content');
  });

  it('names no field for unknown or sentence-long cells', () => {
    expect(detectField('Kinh phí')).toBeNull();
    expect(detectField('')).toBeNull();
    expect(
      detectField(
        'Tăng cường tuyên truyền về nội dung Nghị quyết theo hướng đa dạng hóa các hình thức và nội dung',
      ),
    ).toBeNull();
  });
});
