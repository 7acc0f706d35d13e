import { foldText, highlightSpans, queryTerms } from './highlight';

describe('folding as search_fold does', () => {
  it.each([
    ['Chuyển đổi số', 'chuyen doi so'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Sở KH&CN', 'so kh&cn'],
    ['trí tuệ nhân tạo'.normalize('NFD'), 'tri tue nhan tao'],
    ['Ứng dụng ưu tiên', 'ung dung uu tien'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('query terms', () => {
  it('keeps the words, folded, without exclusions and `or`', () => {
    expect([...queryTerms('"Chuyển đổi" số -xã or KH&CN')]).toEqual(['chuyen', 'doi', 'so', 'kh', 'cn']);
  });
});

describe('highlight spans', () => {
  const spans = (content: string, query: string): string[] =>
    highlightSpans(content, queryTerms(query)).map(({ start, end }) => content.slice(start, end));

  it('marks whole words whatever their accents', () => {
    // Folded, "sơ" (hồ sơ) is "so" too: accent-insensitive search cannot tell them apart.
    expect(spans('Đẩy mạnh chuyển đổi số; số hóa hồ sơ', 'chuyen doi so')).toEqual([
      'chuyển',
      'đổi',
      'số',
      'số',
      'sơ',
    ]);
    expect(spans('Số liệu, sổ sách', 'so')).toEqual(['Số', 'sổ']);
    expect(spans('sông', 'so')).toEqual([]);
  });

  it('keeps combining marks with their letter in decomposed text', () => {
    const content = 'Ứng dụng trí tuệ'.normalize('NFD');
    expect(spans(content, 'tri tue')).toEqual(['trí'.normalize('NFD'), 'tuệ'.normalize('NFD')]);
  });

  it('marks nothing without terms', () => {
    expect(highlightSpans('chuyển đổi số', new Set())).toEqual([]);
  });
});
