/** A span of a task's content, in UTF-16 code units as JavaScript strings count them: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

/** One character folded as search_fold folds Vietnamese: marks dropped, đ → d, lower case. */
export function foldChar(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Text folded like search_fold folds it (for Vietnamese and other Latin text). */
export function foldText(text: string): string {
  return [...text].map(foldChar).join('');
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The words a query asks to find, folded: what `websearch_to_tsquery` keeps of it, minus the words it excludes
 * (-word) and the operator `or`.
 */
export function queryTerms(query: string): Set<string> {
  const terms = new Set<string>();
  for (const part of query.split(/\s+/)) {
    if (part.startsWith('-')) continue;
    for (const word of foldText(part).split(/[^\p{L}\p{N}]+/u)) {
      if (word !== '' && word !== 'or') terms.add(word);
    }
  }
  return terms;
}

/**
 * Where the words of `content` that equal a query term are: whole words, compared folded, so "chuyen doi so"
 * marks "chuyển", "đổi" and "số". Computed from the row already read: no SQL.
 */
export function highlightSpans(content: string, terms: ReadonlySet<string>): TextSpan[] {
  if (terms.size === 0) return [];
  const spans: TextSpan[] = [];
  let word = '';
  let start = 0;
  let index = 0;
  const close = (end: number): void => {
    if (word !== '' && terms.has(word)) spans.push({ start, end });
    word = '';
  };
  for (const char of content) {
    const folded = foldChar(char);
    if (folded !== '' && WORD.test(folded)) {
      if (word === '') start = index;
      word += folded;
    } else if (folded !== '' || !/\p{M}/u.test(char)) {
      // A combining mark (decomposed text) belongs to the letter before it; anything else ends the word.
      close(index);
    }
    index += char.length;
  }
  close(index);
  return spans;
}
