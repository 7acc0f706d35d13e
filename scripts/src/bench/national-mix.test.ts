import {
  distinctDocuments,
  distinctOperations,
  routeKeys,
  subscriberMix,
  subscriptionDocument,
} from './national-mix';

const SHAPE = { dashboards: 10, perProvince: 10, perCommune: 1, directiveSubscribers: 100, crossEvery: 3 };

describe('subscriberMix', () => {
  const mix = subscriberMix(
    SHAPE,
    ['19', '68'],
    ['24682', '24683', '05000'],
    ['57-NQ/TW', '71/NQ-CP', '03/NQ-CP'],
  );

  it('makes the counts of each kind the shape asks for', () => {
    const count = (kind: string): number => mix.filter((subscriber) => subscriber.kind === kind).length;
    expect([count('national'), count('province'), count('commune'), count('directive')]).toEqual([
      10, 20, 3, 100,
    ]);
  });

  it('spreads directive subscribers evenly over the directives and keys them by the folded number', () => {
    const directive = mix.filter((subscriber) => subscriber.kind === 'directive');
    const per = (number: string): number =>
      directive.filter((subscriber) => JSON.stringify(subscriber.filter).includes(number)).length;
    expect([per('57-NQ/TW'), per('71/NQ-CP'), per('03/NQ-CP')]).toEqual([34, 33, 33]);
    expect(directive[0].key).toBe('d:57-NQ/TW');
  });

  it('makes every third subscriber of each kind cross-subgraph, starting with the first', () => {
    const national = mix.filter((subscriber) => subscriber.kind === 'national');
    expect(national.map((subscriber) => subscriber.cross)).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    const province19 = mix.filter((subscriber) => subscriber.key === 'p:19');
    expect(province19.filter((subscriber) => subscriber.cross)).toHaveLength(4);
  });

  it('selects no cross-subgraph fields when crossEvery is 0', () => {
    expect(subscriberMix({ ...SHAPE, crossEvery: 0 }, ['19'], [], []).some((s) => s.cross)).toBe(false);
  });

  it('counts distinct operations by document and filter', () => {
    // national 2, province 2 x 2, commune 3 (one each), directives 3 x 2
    expect(distinctOperations(mix)).toBe(2 + 4 + 3 + 6);
  });

  it('counts distinct documents whatever the filters', () => {
    expect([
      distinctDocuments(mix),
      distinctDocuments(subscriberMix({ ...SHAPE, crossEvery: 0 }, ['19'], [], [])),
    ]).toEqual([2, 1]);
  });

  it('asks for the commune and plan province only in the cross-subgraph document', () => {
    expect(subscriptionDocument(true)).toContain('... on CommuneTask { commune { name province { name } } }');
    expect(subscriptionDocument(false)).not.toContain('commune');
  });
});

describe('routeKeys', () => {
  it('routes an event to no filter, its province, its commune and each directive once', () => {
    const keys = routeKeys({
      seq: 1,
      provinceCode: '68',
      communeCode: '24682',
      directiveKeys: ['71/NQ-CP', '71/NQ-CP'],
    });
    expect(keys).toEqual(['all', 'p:68', 'c:24682', 'd:71/NQ-CP']);
  });

  it('routes a central event to no filter and its directive only', () => {
    expect(routeKeys({ seq: 1, provinceCode: null, communeCode: null, directiveKeys: ['57-NQ/TW'] })).toEqual(
      ['all', 'd:57-NQ/TW'],
    );
  });
});
