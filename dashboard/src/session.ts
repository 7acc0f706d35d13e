import { useEffect, useState } from 'preact/hooks';

/** What a pasted token says about its holder, read for display only: the hub verifies every report's token. */
export interface Claims {
  subject: string;
  role: string;
  jurisdiction: string;
  agency: string | null;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

/** Who is signed in on this tab: the token as pasted and its claims. */
export interface Session {
  token: string;
  claims: Claims;
}

// sessionStorage: the token lives as long as the tab, and is not shared with other tabs or kept after closing.
const KEY = 'nq57-token';
const listeners = new Set<() => void>();

function base64UrlJson(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The claims of a JWT's payload, or a reason in Vietnamese why the text is not a usable token. */
export function readClaims(token: string, now = Date.now()): Claims | string {
  const parts = token.split('.');
  if (parts.length !== 3) return 'Mã không đúng dạng: mã đăng nhập gồm ba phần nối bằng dấu chấm.';
  let payload: Record<string, unknown>;
  try {
    payload = base64UrlJson(parts[1]) as Record<string, unknown>;
  } catch {
    return 'Mã không đúng dạng: không đọc được phần nội dung của mã.';
  }
  const { sub, role, jurisdiction, agency, exp } = payload;
  if (typeof sub !== 'string' || typeof role !== 'string' || typeof jurisdiction !== 'string') {
    return 'Mã không ghi người dùng, vai trò hoặc địa bàn: hệ thống sẽ không nhận.';
  }
  if (typeof exp !== 'number') return 'Mã không ghi thời hạn: hệ thống sẽ không nhận.';
  if (exp * 1000 <= now) return 'Mã đã hết hạn: hãy lấy mã mới.';
  return {
    subject: sub,
    role,
    jurisdiction,
    agency: typeof agency === 'string' ? agency : null,
    expiresAt: exp,
  };
}

/** The tab's session, or null when nobody has signed in (or the stored token no longer reads). */
export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = readClaims(token);
  return typeof claims === 'string' ? null : { token, claims };
}

/** Signs in with a pasted token; returns the reason when it is not one, else null. */
export function signIn(pasted: string): string | null {
  const token = pasted.trim().replace(/^Bearer\s+/i, '');
  const claims = readClaims(token);
  if (typeof claims === 'string') return claims;
  sessionStorage.setItem(KEY, token);
  for (const listener of listeners) listener();
  return null;
}

/** Forgets the tab's token. */
export function signOut(): void {
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** The tab's session, following sign-in and sign-out. */
export function useSession(): Session | null {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const update = (): void => setSession(currentSession());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return session;
}
