import { levelSeed, officialProvinces } from '@nq57/shared';
import { PROVINCIAL } from './level';

/** Loads the 34 provinces, the provincial seed plans, links and indicators; rows already present are kept. */
export const seedProvincial = levelSeed(PROVINCIAL, {
  jurisdictions: officialProvinces,
  planJurisdiction: ({ plan }) => ({
    provinceCode: plan.jurisdiction.provinceCode,
    provinceInferred: plan.jurisdiction.inferred,
    provinceEvidence: plan.jurisdiction.evidence,
  }),
});
