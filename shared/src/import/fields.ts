import { foldHeader } from './text';

/** The task fields a column of an imported table can fill. */
export const IMPORT_FIELDS = [
  'ordinal',
  'content',
  'lead',
  'cooperating',
  'deadline',
  'centralDeadline',
  'output',
  'notes',
  'citedText',
] as const;

/** One of IMPORT_FIELDS. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

// Tried in this order, first match wins: the specific names go before the general words they contain
// ("Văn bản giao nhiệm vụ" holds "nhiệm vụ", "Thời hạn hoàn thành (Trung ương giao)" holds "thời hạn",
// "Thời gian thực hiện nhiệm vụ" holds both). Patterns match folded text (foldHeader).
const ALIASES: ReadonlyArray<readonly [ImportField, RegExp]> = [
  ['ordinal', /^(?:s ?tt|so tt|so thu tu|thu tu|tt)$/],
  ['citedText', /\bvan ban\b|\bcan cu\b|\bnguon giao\b/],
  // 003 prints the deadline the centre set beside the task; "Trung ương giao" alone is the lower half of a
  // two-row "Thời hạn" header.
  [
    'centralDeadline',
    /\b(?:thoi han|thoi gian|tien do|han)\b.*\b(?:trung uong|tw)\b|\b(?:trung uong|tw) giao\b/,
  ],
  ['lead', /\bchu tri\b|\bdau moi\b|^(?:co quan|don vi) thuc hien$/],
  ['cooperating', /\bphoi hop\b/],
  ['deadline', /\b(?:thoi han|thoi gian|tien do)\b/],
  ['output', /\b(?:san pham|ket qua)\b/],
  ['notes', /\bghi chu\b/],
  ['content', /\b(?:noi dung|nhiem vu|cong viec)\b/],
];

// A header cell is a name, not a sentence: a long cell that happens to hold "nhiệm vụ" is data.
const MAX_HEADER_WORDS = 12;

/** The field a header cell names (Vietnamese names and variants; accents, case, spacing ignored), or null. */
export function detectField(header: string): ImportField | null {
  const folded = foldHeader(header);
  if (folded === '' || folded.split(' ').length > MAX_HEADER_WORDS) return null;
  return ALIASES.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}
