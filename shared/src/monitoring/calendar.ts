// Calendar days as ISO strings (yyyy-mm-dd), computed in UTC so that no server time zone shifts a day.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of an ISO day; throws RangeError for anything but a real yyyy-mm-dd date. */
export function parseDay(day: string): Date {
  const m = ISO_DAY.exec(day);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (date === null || formatDay(date) !== day) throw new RangeError(`Not an ISO date: ${day}`);
  return date;
}

/** The ISO day of a UTC-midnight date. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return formatDay(new Date(parseDay(day).getTime() + days * DAY_MS));
}

/** The same day `months` later (earlier when negative), on the month's last day when it has no such day. */
export function addMonths(day: string, months: number): string {
  const date = parseDay(day);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date.getUTCDate(), last));
  return formatDay(first);
}

/** The first day of the month `day` is in. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** ISO weekday of a day: 1 for Monday through 7 for Sunday. */
export function isoWeekday(day: string): number {
  return parseDay(day).getUTCDay() || 7;
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in `timeZone` (an IANA name such as "Asia/Ho_Chi_Minh"). */
export function dayIn(timeZone: string, instant: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA prints dates as yyyy-mm-dd, so the formatter's output is already an ISO day. Building a formatter
    // costs far more than using one, and warnings and tests derive states by the thousand.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
