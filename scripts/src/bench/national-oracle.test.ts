import { directiveKey } from './national-mix';
import { addToDigest, emptyDigest, expectedDigests, verify, type Received } from './national-oracle';

const EVENTS = [
  { seq: 11, provinceCode: '68', communeCode: '24682', directiveKeys: ['71/NQ-CP'] },
  { seq: 12, provinceCode: '19', communeCode: null, directiveKeys: ['57-NQ/TW', '71/NQ-CP'] },
  { seq: 13, provinceCode: '68', communeCode: '24683', directiveKeys: [] },
];

function received(seqs: number[], repeatedOrLate = 0): Received {
  const digest = emptyDigest();
  for (const seq of seqs) addToDigest(digest, seq);
  return { digest, repeatedOrLate };
}

describe('expectedDigests', () => {
  const expected = expectedDigests(EVENTS);

  it('selects for each filter the events its log columns match', () => {
    expect(expected.get('all')?.count).toBe(3);
    expect(expected.get('p:68')?.sum).toBe(24);
    expect(expected.get('c:24682')?.count).toBe(1);
    expect(expected.get(directiveKey('71/nq-cp'))?.sum).toBe(23);
    expect(expected.get('p:01')).toBeUndefined();
  });
});

describe('verify', () => {
  const expected = expectedDigests(EVENTS);

  it('counts a subscriber exact when it got its events once each, in order', () => {
    const verdict = verify(
      ['all', 'c:24683', 'p:01'],
      [received([11, 12, 13]), received([13]), received([])],
      expected,
    );
    expect(verdict).toMatchObject({ exact: 3, expected: 4, delivered: 4, missed: 0, extra: 0, wrongSets: 0 });
  });

  it('tells a missing event, an extra one, a wrong set and a repeat apart', () => {
    const verdict = verify(
      ['all', 'p:19', 'p:68', 'c:24682'],
      [received([11, 12]), received([11, 12]), received([11, 12]), received([11], 1)],
      expected,
    );
    expect(verdict).toMatchObject({ exact: 0, missed: 1, extra: 1, wrongSets: 1, repeatedOrLate: 1 });
  });

  it('sees a different set with the same count and sum', () => {
    const want = received([10, 20]);
    const got = received([11, 19]);
    expect(verify(['all'], [got], new Map([['all', want.digest]]))).toMatchObject({ exact: 0, wrongSets: 1 });
  });
});
