import { DeadlineKind, parseDeadline } from '../deadline/deadline';
import { foldAccents } from './text';

// What a reader takes for a date or period: d/m/yyyy, m/yyyy, "ngày d tháng m", "tháng m năm y", "quý …".
const DATE_LIKE =
  /\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}|(?<![\d/])\d{1,2} ?[/-] ?\d{4}|\bngay \d{1,2} thang \d{1,2}\b|\bthang \d{1,2} nam \d{4}\b|\bquy ?(?:[ivx]+|\d+)\b/;

/** True when a deadline cell prints what looks like a date that the deadline parser cannot read as one (31/02/2025). */
export function isInvalidDate(text: string): boolean {
  return parseDeadline(text)?.kind === DeadlineKind.UNSPECIFIED && DATE_LIKE.test(foldAccents(text));
}
