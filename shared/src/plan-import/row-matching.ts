/**
 * Which recorded task each row of a re-imported plan is: the first of three passes that pairs them, each one-to-one
 * on the rows the earlier passes left; the rest are created (file rows) or removed (recorded tasks).
 * 1. In place: same section and ordinal (unnumbered: same section and content) and similar content (Dice of folded
 *    trigrams ≥ CONTENT_SIMILARITY_THRESHOLD); in file order, each row taking the first such task.
 * 2. Moved: similar content, any section or ordinal; best score first, ties to the same section, then the same
 *    ordinal, then the earlier file row and task.
 * 3. Rewritten in place: same section and ordinal, whatever the content (so numbered rows only).
 * Why pass 1 also asks for similar content: a row inserted or dropped shifts the ordinals after it, and ordinal
 * alone would report each following row as rewritten; pass 2 finds them by wording, with their ordinal change only.
 */
import { printedChanges, type Printed } from '../amendment/printed-fields';
import type { FieldChange } from '../events/event-log';
import { foldAccents } from '../import/text';

/** A recorded task and the file row found to be it, with what the file changes. */
export interface RowPair<R, I> {
  recorded: R;
  imported: I;
  /** Empty when the row is unchanged. */
  changes: FieldChange[];
}

/** The outcome: pairs in file order, created rows in file order, removed tasks in recorded order. */
export interface RowMatching<R, I> {
  pairs: RowPair<R, I>[];
  created: I[];
  removed: R[];
}

/** How to read the printed fields of either side's rows. */
export interface PrintedOf<R, I> {
  recorded: (row: R) => Printed;
  imported: (row: I) => Printed;
}

/**
 * Content at least this similar is the same task's. In the seed plans, two tasks next to each other in a section
 * (what one inserted or dropped row puts at the same ordinal) score under 0.71, and a task with one word replaced,
 * dropped or added scores at least 0.81 (row-matching.test.ts measures both on every seed row).
 */
export const CONTENT_SIMILARITY_THRESHOLD = 0.8;

/** Sørensen–Dice coefficient (0-1) of the character trigrams of two contents, accents and case folded. */
export function contentSimilarity(a: string | null, b: string | null): number {
  return similarity(textOf(a), textOf(b));
}

/** Pairs the recorded tasks of a plan with the rows of its re-imported file by the passes above. */
export function matchRows<R, I>(
  recorded: readonly R[],
  imported: readonly I[],
  printedOf: PrintedOf<R, I>,
): RowMatching<R, I> {
  const before = recorded.map((row) => sideOf(printedOf.recorded(row)));
  const after = imported.map((row) => sideOf(printedOf.imported(row)));
  // partner: file row index → recorded index; taken: the recorded indices paired.
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (i: number, r: number): void => {
    partner.set(i, r);
    taken.add(r);
  };
  const byPlace = groupBy(before.keys(), (r) => before[r].place);
  const firstFree = (i: number, accept: (r: number) => boolean): number | undefined =>
    byPlace.get(after[i].place)?.find((r) => !taken.has(r) && accept(r));

  // Pass 1, in place.
  after.forEach((side, i) => {
    const r = firstFree(
      i,
      (candidate) => similarity(before[candidate], side) >= CONTENT_SIMILARITY_THRESHOLD,
    );
    if (r !== undefined) pair(i, r);
  });

  // Pass 2, moved. Identical wording scores 1, the most a pair can, so those pairs are taken first, found by their text: a plan
  // whose rows all moved (a section inserted renames the sections after it) then costs no pairwise scoring.
  for (const similar of [identicalPairs, similarPairs]) {
    const waiting = after.flatMap((_, i) => (partner.has(i) ? [] : [i]));
    const left = before.flatMap((_, r) => (taken.has(r) ? [] : [r]));
    for (const { i, r } of bestFirst(similar(before, after, left, waiting))) {
      if (!partner.has(i) && !taken.has(r)) pair(i, r);
    }
  }

  // Pass 3, rewritten in place. An unnumbered row's place includes its content, so pass 1 already took its match.
  after.forEach((_, i) => {
    if (partner.has(i)) return;
    const r = firstFree(i, () => true);
    if (r !== undefined) pair(i, r);
  });

  const pairs: RowPair<R, I>[] = [];
  const created: I[] = [];
  imported.forEach((row, i) => {
    const r = partner.get(i);
    if (r === undefined) created.push(row);
    else
      pairs.push({
        recorded: recorded[r],
        imported: row,
        changes: printedChanges(before[r].printed, after[i].printed),
      });
  });
  return { pairs, created, removed: recorded.filter((_, r) => !taken.has(r)) };
}

/** A content folded, its trigrams counted when first needed (most rows are paired on equal folded text). */
interface Text {
  folded: string;
  grams?: Trigrams;
}

interface Trigrams {
  /** The distinct trigrams, ascending, and how many times each occurs. */
  codes: Float64Array;
  counts: Int32Array;
  /** How many trigrams, repeats counted. */
  size: number;
}

interface Side extends Text {
  printed: Printed;
  /** Section and ordinal, or section and content when unnumbered: where passes 1 and 3 look. */
  place: string;
}

interface Candidate {
  i: number;
  r: number;
  score: number;
  sameSection: boolean;
  sameOrdinal: boolean;
}

function textOf(content: string | null): Text {
  return { folded: foldAccents(content ?? '') };
}

function sideOf(printed: Printed): Side {
  const place = `${printed.section ?? ''}\u0000${printed.ordinal ?? `\u0001${printed.content ?? ''}`}`;
  return { ...textOf(printed.content), printed, place };
}

type Pairing = (
  before: readonly Side[],
  after: readonly Side[],
  left: readonly number[],
  waiting: readonly number[],
) => Candidate[];

// The waiting file rows and left recorded rows whose folded contents are equal.
const identicalPairs: Pairing = (before, after, left, waiting) => {
  const byText = groupBy(left, (r) => before[r].folded);
  return waiting.flatMap((i) =>
    (byText.get(after[i].folded) ?? []).map((r) => candidate(before, after, i, r, 1)),
  );
};

// The waiting file rows and left recorded rows whose contents are similar enough. Every pair is scored: after
// identical wording is paired, the rows left are the reworded, added and dropped ones, few in an amendment.
const similarPairs: Pairing = (before, after, left, waiting) =>
  waiting.flatMap((i) =>
    left.flatMap((r) => {
      const score = mayReach(before[r], after[i]) ? similarity(before[r], after[i]) : 0;
      return score >= CONTENT_SIMILARITY_THRESHOLD ? [candidate(before, after, i, r, score)] : [];
    }),
  );

function candidate(
  before: readonly Side[],
  after: readonly Side[],
  i: number,
  r: number,
  score: number,
): Candidate {
  return {
    i,
    r,
    score,
    sameSection: before[r].printed.section === after[i].printed.section,
    sameOrdinal: before[r].printed.ordinal === after[i].printed.ordinal,
  };
}

// Pass 2's order: best score, then the same section, the same ordinal, the earlier file row, the earlier task.
function bestFirst(candidates: Candidate[]): Candidate[] {
  return candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameSection) - Number(a.sameSection) ||
      Number(b.sameOrdinal) - Number(a.sameOrdinal) ||
      a.i - b.i ||
      a.r - b.r,
  );
}

// Dice is at most 2·min / (sum of sizes), reached when the shorter content's trigrams are all in the longer one:
// contents of very different lengths are not worth counting.
function mayReach(a: Text, b: Text): boolean {
  const [x, y] = [gramsOf(a).size, gramsOf(b).size];
  return 2 * Math.min(x, y) >= CONTENT_SIMILARITY_THRESHOLD * (x + y);
}

function similarity(a: Text, b: Text): number {
  if (a.folded === b.folded) return 1;
  const [x, y] = [gramsOf(a), gramsOf(b)];
  // Both lists are sorted: one merge counts the trigrams they share, repeats included.
  let shared = 0;
  for (let p = 0, q = 0; p < x.codes.length && q < y.codes.length;) {
    if (x.codes[p] < y.codes[q]) p += 1;
    else if (x.codes[p] > y.codes[q]) q += 1;
    else shared += Math.min(x.counts[p++], y.counts[q++]);
  }
  return (2 * shared) / (x.size + y.size);
}

function gramsOf(text: Text): Trigrams {
  if (text.grams) return text.grams;
  // Padded so the first and last letters count as much as the others, as pg_trgm pads words.
  const padded = ` ${text.folded} `;
  // A trigram as one number (three UTF-16 units, 2^48 at most, exact in a double): sorting and merging numbers
  // is what keeps scoring every pair of a few thousand rows in seconds.
  const codes: number[] = [];
  for (let at = 0; at + 3 <= padded.length; at += 1) {
    codes.push(
      (padded.charCodeAt(at) * 65536 + padded.charCodeAt(at + 1)) * 65536 + padded.charCodeAt(at + 2),
    );
  }
  const sorted = Float64Array.from(codes).sort();
  const unique: number[] = [];
  const counts: number[] = [];
  sorted.forEach((code, at) => {
    if (at > 0 && code === sorted[at - 1]) counts[counts.length - 1] += 1;
    else {
      unique.push(code);
      counts.push(1);
    }
  });
  text.grams = { codes: Float64Array.from(unique), counts: Int32Array.from(counts), size: codes.length };
  return text.grams;
}

function groupBy(indices: Iterable<number>, keyOf: (index: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const index of indices) {
    const key = keyOf(index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  return groups;
}
