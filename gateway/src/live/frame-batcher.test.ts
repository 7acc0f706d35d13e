import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FrameBatcher } from './frame-batcher';

/** A stream standing for a connection, with each chunk it let through in one write (writev counts as one). */
function connection(): { stream: PassThrough; writes: string[][] } {
  const writes: string[][] = [];
  const stream = new PassThrough({
    writev(chunks, callback) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      callback();
    },
    write(chunk, _encoding, callback) {
      writes.push([String(chunk)]);
      callback();
    },
  });
  return { stream, writes };
}

describe('FrameBatcher', () => {
  it('writes the frames of one turn to each connection together, in order, once the turn ends', async () => {
    const batcher = new FrameBatcher();
    const [a, b] = [connection(), connection()];
    for (const frame of ['1', '2', '3']) {
      for (const { stream } of [a, b]) {
        batcher.hold(stream);
        stream.write(frame);
      }
    }
    expect([a.writes, b.writes]).toEqual([[], []]);
    await nextTurn();
    expect([a.writes, b.writes]).toEqual([[['1', '2', '3']], [['1', '2', '3']]]);
    expect([a.stream.writableCorked, b.stream.writableCorked]).toEqual([0, 0]);

    // A later turn starts a batch of its own.
    batcher.hold(a.stream);
    a.stream.write('4');
    await nextTurn();
    expect(a.writes).toEqual([['1', '2', '3'], ['4']]);
  });

  it('writes out at once what it holds when flushed', () => {
    const batcher = new FrameBatcher();
    const a = connection();
    batcher.hold(a.stream);
    a.stream.write('1');
    batcher.flush();
    expect(a.writes).toEqual([['1']]);
    expect(a.stream.writableCorked).toBe(0);
  });
});
