import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '@nq57/gateway';
import { currentSupergraph } from '../scripts/src/compose';

describe('the committed supergraph', () => {
  it('is what the three subgraphs compose to now (run `npm run compose` after a schema change)', async () => {
    expect(await currentSupergraph()).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });
});
