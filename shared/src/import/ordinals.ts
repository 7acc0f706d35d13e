/** A heading's number and how deep it sits: a smaller rank holds the larger ranks after it. */
export interface HeadingOrdinal {
  ordinal: string;
  rank: number;
}

// Vietnamese plans number their parts A. > I. > 1. > 1.1 (or I.1) > (1) > a); an unnumbered heading
// ("PHỤ LỤC", "Nhóm 1: ...") nests under whatever numbered headings are open.
const RANK = { letter: 1, roman: 2, arabic: 3, parenthesised: 5, lowerLetter: 6, unnumbered: 9 } as const;

// Roman numerals are only I, V, X: plans never reach L (50), and "C." / "D." are the letters of 000's A–E.
const ORDINAL = /^(\()?([IVX]+|[A-ZĐ]|\d{1,3}|[a-zđ])((?:\.(?:[IVX]+|\d{1,3}))*)([.):-])?(?=\s|$)/u;

/** The number a heading starts with ("I.", "I.1", "A.", "2.3.", "(4)", "a)", "II-") and its rank, or null. */
export function headingOrdinal(text: string): HeadingOrdinal | null {
  const m = ORDINAL.exec(text.trim());
  if (m === null) return null;
  const [whole, open, head, dotted, close] = m;
  const letter = /^[A-Za-zĐđ]$/u.test(head) && !/^[IVX]$/.test(head);
  // A bare letter is a word ("A" is not a heading number) unless punctuation follows it.
  if (letter && close === undefined) return null;
  const depth = dotted === '' ? 0 : dotted.split('.').length - 1;
  return { ordinal: whole, rank: baseRank(head, open !== undefined || close === ')') + depth };
}

/** The rank of a heading with no number: deeper than any numbered one. */
export const UNNUMBERED_RANK: number = RANK.unnumbered;

function baseRank(head: string, parenthesised: boolean): number {
  if (/^[a-zđ]$/u.test(head)) return RANK.lowerLetter;
  if (parenthesised) return RANK.parenthesised;
  if (/^\d+$/.test(head)) return RANK.arabic;
  return /^[IVX]+$/.test(head) ? RANK.roman : RANK.letter;
}

/** An ordinal folded for comparing rows: "3." and "3" are one number, "I.1" and "i.1" too. */
export function ordinalKey(ordinal: string): string {
  return ordinal
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/[.):-]+$/, '')
    .replace(/^\(/, '')
    .toUpperCase();
}
