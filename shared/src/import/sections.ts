import { UNNUMBERED_RANK, headingOrdinal } from './ordinals';

/** A heading row in force: its printed text and its rank (see headingOrdinal). */
export interface OpenHeading {
  text: string;
  rank: number;
}

/** The headings in force after `text`: it closes every open heading of its rank or deeper, then opens. */
export function enterHeading(open: readonly OpenHeading[], text: string): OpenHeading[] {
  const rank = headingOrdinal(text)?.rank ?? UNNUMBERED_RANK;
  return [...open.filter((heading) => heading.rank < rank), { text, rank }];
}

/** The section of a row under `open`, nested headings joined with " > " (FORMAT.md); null under none. */
export function sectionOf(open: readonly OpenHeading[], rootSection?: string): string | null {
  const parts = [rootSection?.trim() ?? '', ...open.map((heading) => heading.text)].filter(
    (part) => part !== '',
  );
  return parts.length === 0 ? null : parts.join(' > ');
}
