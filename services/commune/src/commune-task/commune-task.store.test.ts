import { describeLevelStore } from '../../../../test/support/level-store-suite';
import { COMMUNE } from '../level';
import { definition } from '../server';

describe('the commune task store', () => {
  describeLevelStore({
    spec: COMMUNE,
    // The store never calls the subgraphs above; links do, and are tested through the hub.
    definition: definition({
      centralUrl: 'http://127.0.0.1:9/graphql',
      provincialUrl: 'http://127.0.0.1:9/graphql',
    }),
    jurisdiction: '24682',
    otherJurisdiction: '00004',
  });
});
