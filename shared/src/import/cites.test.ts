import { documentNumberIn, splitCites } from './cites';

describe('documentNumberIn', () => {
  it.each([
    ['Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025', '07-TB/CQTTBCĐ'],
    ['Thông báo số 06 - TB/CQTTBCĐ ngày 27/9/2025', '06 - TB/CQTTBCĐ'],
    ['Thông báo số 42- TB/TGV ngày 22/8/2025', '42- TB/TGV'],
    ['Nghị quyết số 71/NQ-CP', '71/NQ-CP'],
    ['Nghị định 179/2025/NĐ-CP của Chính phủ', '179/2025/NĐ-CP'],
    ['Quyết định số 204', '204'],
    ['Quyết định 204', '204'],
    ['Kế hoạch số 02', '02'],
  ])('reads "%s" as %s', (text, number) => {
    expect(documentNumberIn(text)).toBe(number);
  });

  it('takes no date for a number', () => {
    expect(documentNumberIn('ngày 15/10/2025 của Ban Chỉ đạo')).toBeNull();
    expect(documentNumberIn('Kế hoạch của Ủy ban nhân dân tỉnh')).toBeNull();
  });
});

describe('splitCites', () => {
  it('splits a cell at ";" and folds each number for lookup', () => {
    expect(splitCites('Quyết định 204; Thông báo số 06- TB/BCĐCĐS ngày 18/3/2025')).toEqual([
      { text: 'Quyết định 204', number: '204', numberKey: '204' },
      {
        text: 'Thông báo số 06- TB/BCĐCĐS ngày 18/3/2025',
        number: '06- TB/BCĐCĐS',
        numberKey: '06-TB/BCĐCĐS',
      },
    ]);
  });
});
