import { levelSeed, officialCommunes } from '@nq57/shared';
import { COMMUNE } from './level';

/** Loads the 3,321 communes, the commune seed plans, links and indicators; rows already present are kept. */
export const seedCommune = levelSeed(COMMUNE, {
  jurisdictions: officialCommunes,
  planJurisdiction: ({ plan }) => ({
    communeCode: plan.jurisdiction.communeCode as string,
    communeInferred: plan.jurisdiction.inferred,
    communeEvidence: plan.jurisdiction.evidence,
  }),
});
