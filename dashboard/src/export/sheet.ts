/** What a view shows, as a table to download: the columns and the rows as the page prints them. */
export interface Sheet {
  /** The file's name without its date and extension, e.g. "xa-24682". */
  name: string;
  /** The table's title, the first row of the XLSX file. */
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The file name of a download: the sheet's name and today's date in Vietnam, e.g. "toan-quoc-2026-12-02.csv". */
export function fileName(sheet: Sheet, extension: 'csv' | 'xlsx', now = new Date()): string {
  return `${sheet.name}-${DAY.format(now)}.${extension}`;
}

// A cell Excel would read as a formula ("=…", "+…", "-…", "@…") is written with a leading apostrophe, which
// Excel shows as text; many plan rows start with "- ".
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it must be, guarded when a spreadsheet would take it for a formula. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sheet as CSV (RFC 4180, CRLF), with a byte order mark so Excel reads the Vietnamese as UTF-8. */
export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Hands `body` to the browser as a download named `name`. */
export function download(body: Blob, name: string): void {
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the blob by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
