import { warningsResolver } from '@nq57/shared';
import { COMMUNE } from '../level';

/** `Commune.warnings`: the commune's tasks on the warning lists. */
export const CommuneWarningsResolver = warningsResolver(COMMUNE);
