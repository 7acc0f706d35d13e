import { decodeCursor, encodeCursor } from './cursor';

describe('event cursors', () => {
  it('round-trips sequence numbers', () => {
    for (const seq of [0, 1, 42, 9_007_199_254_740]) expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });

  it.each(['', 'abc', 'c2VxOi0x', Buffer.from('seq:1.5').toString('base64url'), 'x'.repeat(100)])(
    'refuses %j with INVALID_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }),
      );
    },
  );
});
