/** What a printed deadline says: its kind, the day it falls due, and how often it recurs. */
export enum DeadlineKind {
  DATE = 'DATE',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
  RECURRING = 'RECURRING',
  RELATIVE = 'RELATIVE',
  DONE = 'DONE',
  UNSPECIFIED = 'UNSPECIFIED',
}

/** How often a recurring task falls due; CONTINUOUS recurs with no period to count ("thường xuyên"). */
export enum Recurrence {
  CONTINUOUS = 'CONTINUOUS',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}

/** A printed deadline phrase and what it means. */
export interface ParsedDeadline {
  text: string;
  kind: DeadlineKind;
  dueDate: string | null;
  recurrence: Recurrence | null;
  dayOfPeriod: number | null;
}

/** A period or day the phrase names; due is null when the phrase names one that cannot exist (31/02). */
interface Candidate {
  kind: DeadlineKind;
  due: string | null;
}

interface Extractor {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Candidate;
}

// 19xx/20xx only, so counts such as "1.000 hồ sơ" or decree numbers are never read as years.
const Y = '((?:19|20)\\d{2})';
const ROMAN_QUARTERS: Partial<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const WEEKDAYS: Partial<Record<string, number>> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

// Most specific first: each match is masked so that a later, coarser pattern cannot read it again
// ("8/2025" inside "15/8/2025", "4/2025" inside "quý 4/2025", "2025" inside any of them).
const EXTRACTORS: readonly Extractor[] = [
  {
    pattern: new RegExp(`(?<!\\d)${Y}-(\\d{2})-(\\d{2})(?!\\d)`, 'g'),
    read: (m) => day(+m[1], +m[2], +m[3]),
  },
  {
    pattern: new RegExp(`ngay (\\d{1,2}) thang (\\d{1,2}) nam ${Y}`, 'g'),
    read: (m) => day(+m[3], +m[2], +m[1]),
  },
  {
    pattern: new RegExp(`(?<![\\d/.])(\\d{1,2}) ?[/.-] ?(\\d{1,2}) ?[/.-] ?${Y}(?![\\d/])`, 'g'),
    read: (m) => day(+m[3], +m[2], +m[1]),
  },
  { pattern: new RegExp(`(?:6 thang|nua) (dau|cuoi) (?:nam )?${Y}`, 'g'), read: (m) => half(+m[2], m[1]) },
  {
    pattern: new RegExp(`\\bquy ?([ivx]{1,4}|\\d{1,2}) ?(?:/|-|nam)? ?${Y}`, 'g'),
    read: (m) => quarter(+m[2], m[1]),
  },
  { pattern: new RegExp(`thang (\\d{1,2}) nam ${Y}`, 'g'), read: (m) => month(+m[2], +m[1]) },
  { pattern: new RegExp(`(?<!\\d)${Y} ?[-–—] ?${Y}(?!\\d)`, 'g'), read: (m) => years(+m[1], +m[2]) },
  { pattern: new RegExp(`\\btu (?:nam )?${Y} den (?:nam )?${Y}`, 'g'), read: (m) => years(+m[1], +m[2]) },
  {
    pattern: new RegExp(`(?<![\\d/.])(\\d{1,2}) ?[/-] ?${Y}(?![\\d/])`, 'g'),
    read: (m) => month(+m[2], +m[1]),
  },
  { pattern: new RegExp(`(?<!\\d)${Y}(?!\\d)`, 'g'), read: (m) => years(+m[1], +m[1]) },
];

// Finest first: when a phrase prints several rhythms ("Hằng ngày/hằng tháng"), the tightest one is
// the one a unit can miss first, so it is the one that drives overdue.
const RECURRENCES: ReadonlyArray<readonly [Recurrence, RegExp]> = [
  [Recurrence.DAILY, /\b(?:hang|moi) ngay\b/],
  [Recurrence.WEEKLY, /\b(?:hang|moi) tuan\b/],
  [Recurrence.MONTHLY, /\b(?:hang|moi) thang\b/],
  [Recurrence.QUARTERLY, /\b(?:hang|moi) quy\b/],
  [Recurrence.YEARLY, /\b(?:hang|moi) nam\b/],
  // "định kỳ" names no period, so nothing finer than "recurs" can be derived from it.
  [Recurrence.CONTINUOUS, /\b(?:thuong xuyen|lien tuc|dinh ky)\b/],
];

const DONE = /\bda hoan thanh\b/;
// A date after "sau" is when the clock starts, not when it stops: such a phrase has no due date.
const RELATIVE_START = /^(?:ngay )?sau\b/;
const RELATIVE_ANY = /\bkhi co\b|\btheo (?:dung )?(?:lo trinh|tien do|ke hoach|yeu cau|huong dan|chi dao)\b/;
const MONTH_DAY = /\bngay (\d{1,2})\b/;
const WEEK_DAY = /\bthu (2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)\b|\b(chu nhat)\b/;

/** Parses a printed Vietnamese deadline phrase; returns null for null/blank input. Never throws on odd text: falls back to UNSPECIFIED. */
export function parseDeadline(text: string | null | undefined): ParsedDeadline | null {
  if (text === null || text === undefined) return null;
  const printed = text.trim();
  return printed === '' ? null : classify(printed, normalize(printed));
}

/** The due date a recurring deadline has in the period containing `asOf` (ISO date), or the fixed dueDate; null when none. */
export function dueDateFor(deadline: ParsedDeadline, asOf: string): string | null {
  const today = parseIso(asOf);
  if (today === null) throw new RangeError(`asOf is not an ISO date: ${asOf}`);
  const periodic = periodDue(deadline.recurrence, deadline.dayOfPeriod, today);
  if (periodic === null) return deadline.dueDate;
  // A fixed end still bounds the rhythm: nothing is due after the task itself is due.
  return deadline.dueDate !== null && deadline.dueDate < periodic ? deadline.dueDate : periodic;
}

// Printed spellings vary in accents, case, hằng/hàng and line-wraps; matching on bare ASCII absorbs all four.
function normalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\s+/g, ' ');
}

function classify(text: string, norm: string): ParsedDeadline {
  const { rest, found } = extract(norm);
  const recurrence = findRecurrence(rest);
  const dayOfPeriod = findDayOfPeriod(rest, recurrence);
  if (found.some((c) => c.due === null) || dayOfPeriod === undefined) return unspecified(text);
  const fixed = latest(found);
  const kind = kindOf(rest, fixed, recurrence);
  const dueDate = kind === DeadlineKind.RELATIVE ? null : (fixed?.due ?? null);
  return { text, kind, dueDate, recurrence, dayOfPeriod };
}

function unspecified(text: string): ParsedDeadline {
  return { text, kind: DeadlineKind.UNSPECIFIED, dueDate: null, recurrence: null, dayOfPeriod: null };
}

function extract(norm: string): { rest: string; found: Candidate[] } {
  let rest = norm;
  const found: Candidate[] = [];
  for (const { pattern, read } of EXTRACTORS) {
    for (const m of rest.matchAll(pattern)) found.push(read(m));
    rest = rest.replace(pattern, (s) => '#'.repeat(s.length));
  }
  return { rest, found };
}

// Several dates in one phrase ("(1) trước 01/9/2025; (2) trước 31/12/2025", a range) are all parts of one
// task, which is due when its last part is; on a tie the earlier, more specific reading wins.
function latest(found: readonly Candidate[]): Candidate | null {
  return found.reduce<Candidate | null>(
    (best, c) => (best === null || (c.due ?? '') > (best.due ?? '') ? c : best),
    null,
  );
}

function kindOf(norm: string, fixed: Candidate | null, recurrence: Recurrence | null): DeadlineKind {
  if (DONE.test(norm)) return DeadlineKind.DONE;
  if (RELATIVE_START.test(norm)) return DeadlineKind.RELATIVE;
  if (fixed !== null) return fixed.kind;
  if (recurrence !== null) return DeadlineKind.RECURRING;
  return RELATIVE_ANY.test(norm) ? DeadlineKind.RELATIVE : DeadlineKind.UNSPECIFIED;
}

function findRecurrence(norm: string): Recurrence | null {
  return RECURRENCES.find(([, pattern]) => pattern.test(norm))?.[0] ?? null;
}

/** undefined: the phrase names a day that no period has (ngày 32). */
function findDayOfPeriod(norm: string, recurrence: Recurrence | null): number | null | undefined {
  if (recurrence === Recurrence.MONTHLY) {
    const m = MONTH_DAY.exec(norm);
    if (m === null) return null;
    return +m[1] >= 1 && +m[1] <= 31 ? +m[1] : undefined;
  }
  if (recurrence === Recurrence.WEEKLY) {
    const m = WEEK_DAY.exec(norm);
    if (m === null) return null;
    // "Thứ 2" is Monday: Vietnamese weekday numbers run one ahead of ISO's.
    return m[2] !== undefined ? 7 : (WEEKDAYS[m[1]] ?? +m[1] - 1);
  }
  return null;
}

function day(y: number, m: number, d: number): Candidate {
  const valid = m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
  return { kind: DeadlineKind.DATE, due: valid ? iso(y, m, d) : null };
}

function month(y: number, m: number): Candidate {
  return { kind: DeadlineKind.MONTH, due: m >= 1 && m <= 12 ? iso(y, m, lastDay(y, m)) : null };
}

function quarter(y: number, q: string): Candidate {
  const n = ROMAN_QUARTERS[q] ?? (/^\d+$/.test(q) ? +q : 0);
  return { kind: DeadlineKind.QUARTER, due: n >= 1 && n <= 4 ? iso(y, n * 3, lastDay(y, n * 3)) : null };
}

function half(y: number, which: string): Candidate {
  return { kind: DeadlineKind.HALF_YEAR, due: which === 'dau' ? iso(y, 6, 30) : iso(y, 12, 31) };
}

function years(from: number, to: number): Candidate {
  return { kind: DeadlineKind.YEAR, due: to >= from ? iso(to, 12, 31) : null };
}

function periodDue(recurrence: Recurrence | null, dayOfPeriod: number | null, today: Date): string | null {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() + 1;
  switch (recurrence) {
    case Recurrence.DAILY:
      return isoOf(today);
    case Recurrence.WEEKLY:
      return isoOf(addDays(today, (dayOfPeriod ?? 7) - isoWeekday(today)));
    case Recurrence.MONTHLY:
      // "ngày 31 hằng tháng" in February means the month's last day, not 3 March.
      return iso(y, m, Math.min(dayOfPeriod ?? 31, lastDay(y, m)));
    case Recurrence.QUARTERLY:
      return iso(y, Math.ceil(m / 3) * 3, lastDay(y, Math.ceil(m / 3) * 3));
    case Recurrence.YEARLY:
      return iso(y, 12, 31);
    default:
      return null;
  }
}

function parseIso(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null || day(+m[1], +m[2], +m[3]).due === null) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isoWeekday(date: Date): number {
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
