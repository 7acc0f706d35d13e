import { authorize, type Action, type Scope } from './authorize';
import { Role, type Identity } from './identity';

const who = (role: Role, jurisdiction: string, agency: string | null = null): Identity => ({
  subject: `${role}@${jurisdiction}`,
  role,
  jurisdiction,
  agency,
  expiresAt: 2_000_000_000,
});

const THAI_NGUYEN_TASK: Scope = { jurisdiction: '19', lead: 'Sở KH&CN | Sở Khoa học và Công nghệ' };
const THUAN_AN_TASK: Scope = { jurisdiction: '24682', lead: 'UBND xã' };
const CENTRAL_TASK: Scope = { jurisdiction: 'central', lead: 'Bộ Khoa học và Công nghệ' };

const outcome = (identity: Identity | null, action: Action, scope: Scope): string => {
  try {
    authorize(identity, action, scope);
    return 'OK';
  } catch (error) {
    return String((error as { extensions?: { code?: string } }).extensions?.code);
  }
};

describe('authorize', () => {
  it.each([
    [null, 'report', THAI_NGUYEN_TASK, 'UNAUTHENTICATED'],
    [who(Role.VIEWER, '19'), 'report', THAI_NGUYEN_TASK, 'FORBIDDEN'],
    [who(Role.REPORTER, '19'), 'report', THAI_NGUYEN_TASK, 'OK'],
    [who(Role.REPORTER, '19'), 'plan', THAI_NGUYEN_TASK, 'FORBIDDEN'],
    [who(Role.REPORTER, '56'), 'report', THAI_NGUYEN_TASK, 'FORBIDDEN'],
    [who(Role.PLANNER, '19'), 'report', THAI_NGUYEN_TASK, 'OK'],
    [who(Role.PLANNER, '19'), 'plan', THAI_NGUYEN_TASK, 'OK'],
    [who(Role.PLANNER, '19'), 'plan', THUAN_AN_TASK, 'FORBIDDEN'],
    [who(Role.REPORTER, '24682'), 'report', THUAN_AN_TASK, 'OK'],
    [who(Role.REPORTER, '24685'), 'report', THUAN_AN_TASK, 'FORBIDDEN'],
    [who(Role.REPORTER, '68'), 'report', THUAN_AN_TASK, 'FORBIDDEN'],
    [who(Role.PLANNER, 'central'), 'plan', CENTRAL_TASK, 'OK'],
    [who(Role.PLANNER, 'central'), 'plan', THAI_NGUYEN_TASK, 'FORBIDDEN'],
    [who(Role.ADMIN, 'central'), 'plan', THUAN_AN_TASK, 'OK'],
    [who(Role.REPORTER, '19', 'Sở Khoa học và Công nghệ'), 'report', THAI_NGUYEN_TASK, 'OK'],
    [who(Role.REPORTER, '19', 'sở khoa học  và công nghệ'), 'report', THAI_NGUYEN_TASK, 'OK'],
    [who(Role.REPORTER, '19', 'Sở Tài chính'), 'report', THAI_NGUYEN_TASK, 'FORBIDDEN'],
    [
      who(Role.REPORTER, '19', 'Văn phòng Tỉnh ủy'),
      'report',
      { jurisdiction: '19', lead: 'Văn phòng Tỉnh uỷ' },
      'OK',
    ],
  ] as [Identity | null, Action, Scope, string][])(
    '%j may %s %j: %s',
    (identity, action, scope, expected) => {
      expect(outcome(identity, action, scope)).toBe(expected);
    },
  );
});
