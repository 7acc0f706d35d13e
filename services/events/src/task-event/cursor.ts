import { ErrorCode, userError } from '@nq57/shared';

const PREFIX = 'seq:';

/** The opaque cursor of the event with sequence number `seq`. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url');
}

/** The sequence number a cursor stands for; an INVALID_CURSOR error for anything this hub did not issue. */
export function decodeCursor(cursor: string): number {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  const seq = /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(seq) || encodeCursor(seq) !== cursor) {
    throw userError(ErrorCode.INVALID_CURSOR, 'Not a cursor of this hub: pass a cursor from an event', {
      cursor: cursor.slice(0, 64),
    });
  }
  return seq;
}
