import { ErrorCode, userError } from '../errors';

/** What a token lets its holder do; each role includes the ones before it, except that admin spans all. */
export enum Role {
  VIEWER = 'viewer',
  REPORTER = 'reporter',
  PLANNER = 'planner',
  ADMIN = 'admin',
}

/** The jurisdiction claim of central bodies; a province is its 2-digit code, a commune its 5-digit code. */
export const CENTRAL = 'central';

/** Who is calling, as a verified token says. */
export interface Identity {
  subject: string;
  role: Role;
  /** "central", a province code ("19") or a commune code ("24682"). */
  jurisdiction: string;
  /** When set, a reporter reports only on tasks this agency leads. */
  agency: string | null;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

/** Whether `value` is a well-formed jurisdiction claim. */
export function isJurisdiction(value: unknown): value is string {
  return typeof value === 'string' && (value === CENTRAL || /^\d{2}$/.test(value) || /^\d{5}$/.test(value));
}

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return Object.values(Role).includes(value as Role);
}

/** The error for a request that needs a valid token and has none. */
export function unauthenticated(message: string): Error {
  return userError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}
