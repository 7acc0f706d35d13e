import { expandSpans, type SpanCell } from './grid';

const c = (text: string, colSpan = 1, rowSpan = 1): SpanCell => ({ text, colSpan, rowSpan });

describe('expandSpans', () => {
  it('repeats a merge across the whole width in every cell (a heading row)', () => {
    expect(expandSpans([[c('TT'), c('Nội dung'), c('Chủ trì')], [c('I. Phần một', 3)]])).toEqual([
      ['TT', 'Nội dung', 'Chủ trì'],
      ['I. Phần một', 'I. Phần một', 'I. Phần một'],
    ]);
  });

  it('repeats a merge reaching the last column after empty cells only (a heading beside an empty TT)', () => {
    expect(
      expandSpans([
        [c('a'), c('b'), c('c')],
        [c(''), c('Nhóm 2', 2)],
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['', 'Nhóm 2', 'Nhóm 2'],
    ]);
  });

  it('leaves the other cells of a partial horizontal merge empty', () => {
    expect(
      expandSpans([
        [c('a'), c('b'), c('c')],
        [c('I'), c('Nâng cao', 2)],
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['I', 'Nâng cao', ''],
    ]);
  });

  it('repeats a merge down each row it covers, in its own column only', () => {
    expect(
      expandSpans([
        [c('1'), c('Việc một'), c('Sở A', 1, 2), c('2025', 2, 2)],
        [c('2'), c('Việc hai')],
        [c('3'), c('Việc ba'), c('Sở B'), c('x'), c('y')],
      ]),
    ).toEqual([
      ['1', 'Việc một', 'Sở A', '2025', ''],
      ['2', 'Việc hai', 'Sở A', '2025', ''],
      ['3', 'Việc ba', 'Sở B', 'x', 'y'],
    ]);
  });

  it('pads short rows and clamps a row span past the last row', () => {
    expect(expandSpans([[c('a'), c('b', 1, 5)], [c('c')], []])).toEqual([
      ['a', 'b'],
      ['c', 'b'],
      ['', 'b'],
    ]);
  });
});
