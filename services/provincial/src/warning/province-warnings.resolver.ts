import { warningsResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';

/** `Province.warnings`: the province's provincial tasks on the warning lists. */
export const ProvinceWarningsResolver = warningsResolver(PROVINCIAL);
