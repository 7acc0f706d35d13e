/**
 * How a printed target (chỉ tiêu) is read, and how a reported value is judged against it. Pure: no I/O.
 *
 * A target sets a number in the indicator's unit ("≥ 37,6%" is 37.6, "ít nhất 01" is 1) and a direction. Vietnamese
 * plans print floors almost always, so a bare number ("100%", "Phấn đấu 80%", "Đạt 40%") is a floor too; only
 * the words below make it strict or a ceiling. A text that prints no number of its own ("Theo chỉ tiêu tỉnh giao
 * (5G)", "-", "Thuộc nhóm khá của tỉnh", "tối thiểu mục tiêu Chính phủ giao hằng năm") gives no number, and the
 * year can then not be judged.
 */

/** How a reported value is compared with a target's number. */
export enum TargetDirection {
  /** value ≥ target: "≥", "tối thiểu", "ít nhất", "không thấp hơn", "… trở lên", or a bare number. */
  AT_LEAST = 'AT_LEAST',
  /** value > target: "trên", "hơn", "vượt", ">". */
  ABOVE = 'ABOVE',
  /** value ≤ target: "≤", "tối đa", "không quá", "không vượt quá", "không cao hơn", "… trở xuống". */
  AT_MOST = 'AT_MOST',
  /** value < target: "dưới", "ít hơn", "thấp hơn", "<". */
  BELOW = 'BELOW',
}

/** Where a year stands against its target. */
export enum IndicatorStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  /** No value reported for the year, no target for it, or a target that prints no number. */
  NO_DATA = 'NO_DATA',
}

/** The number a target text sets and how values compare with it. */
export interface ParsedTarget {
  value: number;
  direction: TargetDirection;
}

// Words that say nothing about the comparison: "Phấn đấu 100%", "Đạt 40%", "ước phấn đấu đạt 7%".
const NEUTRAL = /^(?:phấn đấu|ước|đạt|bảo đảm|đảm bảo)\s*/u;

// Checked in order, each anchored at the start: the "không …" forms come before the words they contain.
const COMPARATORS: [RegExp, TargetDirection][] = [
  [/^(?:≥|>=|tối thiểu|ít nhất|không (?:thấp hơn|dưới|ít hơn))\s*/u, TargetDirection.AT_LEAST],
  [/^(?:≤|<=|tối đa|không (?:vượt quá|quá|cao hơn|trên|nhiều hơn|vượt))\s*/u, TargetDirection.AT_MOST],
  [/^(?:>|trên|nhiều hơn|cao hơn|hơn|vượt)\s*/u, TargetDirection.ABOVE],
  [/^(?:<|dưới|ít hơn|thấp hơn)\s*/u, TargetDirection.BELOW],
];

// "1.000" and "1.000,5" group thousands with dots; otherwise one comma or dot is the decimal mark ("37,6").
const NUMBER = /^(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)/u;

/**
 * Reads the number and direction of a printed target, or null when the text prints no number of its own.
 * "≥ 37,6%" → 37.6 AT_LEAST; "Trên 70%" → 70 ABOVE; "100% (5G)" → 100 AT_LEAST; "Theo chỉ tiêu tỉnh giao" → null.
 */
export function parseTarget(text: string | null | undefined): ParsedTarget | null {
  if (!text) return null;
  let rest = text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
  // A closing qualifier in brackets ("100% (5G)") names what is counted, not how much.
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest
      .replace(/\s*\([^()]*\)$/u, '')
      .replace(/[.;:]$/u, '')
      .trim();
  }
  rest = stripNeutral(rest);
  let direction: TargetDirection | null = null;
  for (const [words, meaning] of COMPARATORS) {
    const match = words.exec(rest);
    if (match) {
      direction = meaning;
      rest = stripNeutral(rest.slice(match[0].length));
      break;
    }
  }
  const number = NUMBER.exec(rest);
  if (!number) return null;
  const tail = rest.slice(number[0].length).trim();
  // "70%; trong đó 30% …" or "5G" after the number: not one plain figure, so no figure at all.
  if (/\d/u.test(tail) || /^[\p{L}]/u.test(rest.slice(number[0].length))) return null;
  if (/trở lên$/u.test(tail)) direction ??= TargetDirection.AT_LEAST;
  if (/trở xuống$/u.test(tail)) direction ??= TargetDirection.AT_MOST;
  return { value: toNumber(number[1]), direction: direction ?? TargetDirection.AT_LEAST };
}

/**
 * Where a reported value stands against a target: NO_DATA without a value, without a target or with a target
 * that has no number; otherwise MET or NOT_MET by the target's direction.
 */
export function judgeTarget(
  target: { value: number | null; direction: TargetDirection | null } | null | undefined,
  value: number | null | undefined,
): IndicatorStatus {
  if (value === null || value === undefined || !target || target.value === null || !target.direction) {
    return IndicatorStatus.NO_DATA;
  }
  const met = {
    [TargetDirection.AT_LEAST]: value >= target.value,
    [TargetDirection.ABOVE]: value > target.value,
    [TargetDirection.AT_MOST]: value <= target.value,
    [TargetDirection.BELOW]: value < target.value,
  }[target.direction];
  return met ? IndicatorStatus.MET : IndicatorStatus.NOT_MET;
}

function stripNeutral(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(NEUTRAL, '');
  }
  return rest;
}

function toNumber(printed: string): number {
  const grouped = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(printed);
  const plain = grouped ? printed.replace(/\./gu, '') : printed;
  return Number(plain.replace(',', '.'));
}
