import { decodeSearchCursor, encodeSearchCursor, searchBinding, type SortKey } from './search-cursor';
import { TaskSearchOrder } from './task-search.args';

const ID = '6f1c1a3e-5b1d-5c8e-9d47-1c2b3a4d5e6f';
const binding = searchBinding(['chuyen doi so', {}, TaskSearchOrder.RELEVANCE, null]);

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });
const encoded = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('search cursors', () => {
  it.each<SortKey>([
    { order: TaskSearchOrder.RELEVANCE, rank: '-2.2754729', levelRank: 1, position: 45, taskId: ID },
    { order: TaskSearchOrder.RELEVANCE, rank: '0', levelRank: 0, position: 0, taskId: ID },
    { order: TaskSearchOrder.RELEVANCE, rank: '-1.2e-05', levelRank: 2, position: 2_147_483_647, taskId: ID },
    { order: TaskSearchOrder.DEADLINE, due: '2025-12-15', taskId: ID },
    { order: TaskSearchOrder.DEADLINE, due: 'infinity', taskId: ID },
  ])('round-trips %j', (key) => {
    const cursor = encodeSearchCursor(binding, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(cursor, binding, key.order)).toEqual(key);
  });

  it('binds a cursor to its search: another query, filter, order or day has another binding', () => {
    const bindings = [
      binding,
      searchBinding(['chuyen doi', {}, TaskSearchOrder.RELEVANCE, null]),
      searchBinding(['chuyen doi so', { levels: ['COMMUNE'] }, TaskSearchOrder.RELEVANCE, null]),
      searchBinding(['chuyen doi so', {}, TaskSearchOrder.DEADLINE, null]),
      searchBinding(['chuyen doi so', {}, TaskSearchOrder.RELEVANCE, '2025-12-10']),
    ];
    expect(new Set(bindings).size).toBe(bindings.length);
    const key: SortKey = {
      order: TaskSearchOrder.RELEVANCE,
      rank: '-1',
      levelRank: 0,
      position: 1,
      taskId: ID,
    };
    const cursor = encodeSearchCursor(binding, key);
    for (const other of bindings.slice(1)) {
      expect(() => decodeSearchCursor(cursor, other, TaskSearchOrder.RELEVANCE)).toThrow(badInput);
    }
  });

  it('refuses a cursor of one order used for the other', () => {
    const deadline = encodeSearchCursor(binding, {
      order: TaskSearchOrder.DEADLINE,
      due: '2025-12-15',
      taskId: ID,
    });
    expect(() => decodeSearchCursor(deadline, binding, TaskSearchOrder.RELEVANCE)).toThrow(badInput);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('seq:1').toString('base64url')],
    ['an event cursor', 'c2VxOjI'],
    ['JSON but no array', encoded([]).replace(/./, 'e')],
    ['another version', encoded(['s2', binding, '-1', 0, 1, ID])],
    ['a rank that is not a number', encoded(['s1', binding, '-1; DROP TABLE x', 0, 1, ID])],
    ['a rank given as a number', encoded(['s1', binding, -1, 0, 1, ID])],
    ['a level rank of 3', encoded(['s1', binding, '-1', 3, 1, ID])],
    ['a fractional position', encoded(['s1', binding, '-1', 0, 1.5, ID])],
    ['a position beyond int4', encoded(['s1', binding, '-1', 0, 2_147_483_648, ID])],
    ['an id that is no uuid', encoded(['s1', binding, '-1', 0, 1, 'abc'])],
    ['an extra value', encoded(['s1', binding, '-1', 0, 1, ID, 'x'])],
    ['a missing value', encoded(['s1', binding, '-1', 0, ID])],
    [
      're-encoded with spaces',
      Buffer.from(`["s1", "${binding}", "-1", 0, 1, "${ID}"]`).toString('base64url'),
    ],
    ['too long', 'A'.repeat(401)],
  ])('refuses %s with BAD_USER_INPUT', (_name, cursor) => {
    expect(() => decodeSearchCursor(cursor, binding, TaskSearchOrder.RELEVANCE)).toThrow(badInput);
  });

  it.each([
    ['a day that does not exist', ['s1', binding, '2025-02-30', ID]],
    ['a day in another form', ['s1', binding, '15/12/2025', ID]],
    ['an uppercase id', ['s1', binding, '2025-12-15', ID.toUpperCase()]],
  ])('refuses a deadline cursor with %s', (_name, values) => {
    expect(() => decodeSearchCursor(encoded(values), binding, TaskSearchOrder.DEADLINE)).toThrow(badInput);
  });
});
