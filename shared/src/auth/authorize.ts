import { ErrorCode, userError } from '../errors';
import { Role, type Identity } from './identity';
import { unauthenticated } from './identity';

/** A write the rules know: planning (documents, tasks, links) or reporting (status, progress). */
export type Action = 'plan' | 'report';

/** What a write touches: whose it is, and (for a task) who leads it as printed. */
export interface Scope {
  /** "central", the province code of a provincial plan, or the commune code of a commune plan. */
  jurisdiction: string;
  /** The lead as printed, for reporters bound to an agency. */
  lead?: string | null;
}

const CAN: Record<Action, Role[]> = {
  plan: [Role.PLANNER],
  report: [Role.REPORTER, Role.PLANNER],
};

/**
 * Allows the write or throws: UNAUTHENTICATED without an identity, FORBIDDEN for a role that may not do it, a
 * jurisdiction that is not the caller's, or (for an agency-bound reporter) a task another agency leads.
 */
export function authorize(identity: Identity | null, action: Action, scope: Scope): void {
  if (!identity)
    throw unauthenticated(`Sign in to ${action === 'plan' ? 'plan' : 'report'}: send a bearer token`);
  if (identity.role === Role.ADMIN) return;
  const refuse = (message: string): never => {
    throw userError(ErrorCode.FORBIDDEN, message, {
      role: identity.role,
      jurisdiction: identity.jurisdiction,
      required: scope.jurisdiction,
    });
  };
  if (!CAN[action].includes(identity.role)) refuse(`A ${identity.role} may not ${action}`);
  if (identity.jurisdiction !== scope.jurisdiction) {
    refuse(`This belongs to jurisdiction ${scope.jurisdiction}, not to ${identity.jurisdiction}`);
  }
  if (action === 'report' && identity.role === Role.REPORTER && identity.agency) {
    if (!fold(scope.lead ?? '').includes(fold(identity.agency))) {
      refuse(`This task is not led by ${identity.agency}`);
    }
  }
}

function fold(text: string): string {
  // "Tỉnh uỷ" and "Tỉnh ủy" are one spelling reform apart, not two agencies.
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/uỷ/g, 'ủy').replace(/\s+/g, ' ').trim();
}
