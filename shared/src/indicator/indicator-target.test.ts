import { IndicatorStatus, TargetDirection, judgeTarget, parseTarget } from './indicator-target';

const { AT_LEAST, ABOVE, AT_MOST, BELOW } = TargetDirection;
const { MET, NOT_MET, NO_DATA } = IndicatorStatus;

describe('parseTarget', () => {
  it.each([
    // Every numeric form the seed plans print (001 Lai Châu, 004 Thuận An).
    ['7%', 7, AT_LEAST],
    ['≥ 37,6%', 37.6, AT_LEAST],
    ['100%', 100, AT_LEAST],
    ['Trên 70%', 70, ABOVE],
    ['trên 90%', 90, ABOVE],
    ['ít nhất  01', 1, AT_LEAST],
    ['ít nhất 01', 1, AT_LEAST],
    ['Tối thiểu 90%', 90, AT_LEAST],
    ['80%', 80, AT_LEAST],
    ['100% (5G)', 100, AT_LEAST],
    ['80% (6G)', 80, AT_LEAST],
    ['≥ 1,0%', 1, AT_LEAST],
    ['≥ 3%', 3, AT_LEAST],
    ['Phấn đấu 100%', 100, AT_LEAST],
    ['Phấn đấu 80%', 80, AT_LEAST],
    ['Đạt 40%', 40, AT_LEAST],
    // Forms the seeds do not print, read by the same rules.
    ['≤ 5%', 5, AT_MOST],
    ['Tối đa 10 ngày', 10, AT_MOST],
    ['Không quá 3', 3, AT_MOST],
    ['không vượt quá 2,5%', 2.5, AT_MOST],
    ['Dưới 5%', 5, BELOW],
    ['< 1%', 1, BELOW],
    ['> 50', 50, ABOVE],
    ['Không dưới 60%', 60, AT_LEAST],
    ['Phấn đấu đạt trên 95%', 95, ABOVE],
    ['1.000 doanh nghiệp', 1000, AT_LEAST],
    ['1.250,5', 1250.5, AT_LEAST],
    ['2.5', 2.5, AT_LEAST],
    ['20% trở lên', 20, AT_LEAST],
    ['5% trở xuống', 5, AT_MOST],
    ['  ≥  80 %  ', 80, AT_LEAST],
  ])('reads %j as %d %s', (text, value, direction) => {
    expect(parseTarget(text)).toEqual({ value, direction });
  });

  it.each([
    ['Theo chỉ tiêu tỉnh giao (5G)'],
    ['Theo chỉ tiêu tỉnh giao (6G)'],
    ['Cơ bản đáp ứng tại các khu vực trung tâm của xã'],
    ['-'],
    ['Thuộc nhóm giữa của tỉnh'],
    ['Duy trì thuộc nhóm khá của tỉnh'],
    ['tối thiểu mục tiêu Chính phủ giao hằng năm'],
    ['5G'],
    ['70%; trong đó 30% có đồng tài trợ'],
    ['Khoảng 80%'],
    [''],
    [null],
    [undefined],
  ])('finds no number in %j', (text) => {
    expect(parseTarget(text)).toBeNull();
  });
});

describe('judgeTarget', () => {
  const target = (value: number, direction: TargetDirection) => ({ value, direction });

  it.each([
    [target(37.6, AT_LEAST), 37.6, MET],
    [target(37.6, AT_LEAST), 37.5, NOT_MET],
    [target(70, ABOVE), 70, NOT_MET],
    [target(70, ABOVE), 70.1, MET],
    [target(5, AT_MOST), 5, MET],
    [target(5, AT_MOST), 5.1, NOT_MET],
    [target(5, BELOW), 5, NOT_MET],
    [target(5, BELOW), 4.9, MET],
  ])('judges %j against %d as %s', (given, value, status) => {
    expect(judgeTarget(given, value)).toBe(status);
  });

  it.each([
    ['no value', target(80, AT_LEAST), null],
    ['an undefined value', target(80, AT_LEAST), undefined],
    ['no target', null, 80],
    ['a target without a number', { value: null, direction: null }, 80],
  ])('answers NO_DATA for %s', (_case, given, value) => {
    expect(judgeTarget(given, value)).toBe(NO_DATA);
  });
});
