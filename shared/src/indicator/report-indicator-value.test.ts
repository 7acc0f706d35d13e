import 'reflect-metadata';
import { checkedIndicatorValue } from './report-indicator-value';
import type { IndicatorValueInput } from './indicator-value.input';

const input = (change: Partial<IndicatorValueInput> = {}): IndicatorValueInput => ({
  indicatorId: '00000000-0000-5000-8000-000000000000',
  year: 2026,
  value: 37.6,
  ...change,
});

describe('checkedIndicatorValue', () => {
  it('keeps a good report, trimming the note and filling the missing evidence field', () => {
    expect(
      checkedIndicatorValue(
        input({ note: '  Ước tính  ', evidence: [{ title: 'Báo cáo', documentNumber: '15/BC-UBND' }] }),
      ),
    ).toEqual({
      year: 2026,
      value: 37.6,
      note: 'Ước tính',
      evidence: [{ title: 'Báo cáo', url: null, documentNumber: '15/BC-UBND' }],
    });
  });

  it.each([
    ['a year before 2020', { year: 2019 }],
    ['a year after 2050', { year: 2051 }],
    ['a year that is not whole', { year: 2026.5 }],
    ['an infinite value', { value: Infinity }],
    ['a value that is not a number', { value: NaN }],
    ['a value too large', { value: 1e16 }],
    ['evidence with neither url nor number', { evidence: [{ title: 'x' }] }],
    ['evidence with both', { evidence: [{ title: 'x', url: 'https://a.vn', documentNumber: '1/QĐ' }] }],
    ['a url that is not http(s)', { evidence: [{ title: 'x', url: 'ftp://a.vn/x' }] }],
  ])('refuses %s with BAD_USER_INPUT', (_case, change) => {
    expect(() => checkedIndicatorValue(input(change))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
