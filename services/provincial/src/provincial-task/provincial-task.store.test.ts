import { describeLevelStore } from '../../../../test/support/level-store-suite';
import { PROVINCIAL } from '../level';
import { definition } from '../server';

describe('the provincial task store', () => {
  describeLevelStore({
    spec: PROVINCIAL,
    // The store never calls the central subgraph; links do, and are tested through the hub.
    definition: definition({ centralUrl: 'http://127.0.0.1:9/graphql' }),
    jurisdiction: '19',
    otherJurisdiction: '01',
  });
});
