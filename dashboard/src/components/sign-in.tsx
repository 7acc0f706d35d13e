import { useState } from 'preact/hooks';
import { ROLE_LABEL, formatTime, jurisdictionText } from '../labels';
import { signIn, signOut, useSession } from '../session';

/** Who is signed in, from the token's claims; or a box to paste a token (from the identity provider). */
export function SignIn() {
  const session = useSession();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (session) {
    const { claims } = session;
    const who = [
      claims.subject,
      ROLE_LABEL[claims.role] ?? claims.role,
      jurisdictionText(claims.jurisdiction),
      ...(claims.agency ? [claims.agency] : []),
    ].join(' · ');
    return (
      <div class="session" data-testid="session">
        <span class="who">Đã đăng nhập: {who}</span>{' '}
        <span class="expires">
          (mã hết hạn lúc {formatTime(new Date(claims.expiresAt * 1000).toISOString())})
        </span>{' '}
        <button type="button" onClick={signOut}>
          Đăng xuất
        </button>
      </div>
    );
  }
  const submit = (event: Event): void => {
    event.preventDefault();
    const reason = signIn(pasted);
    setError(reason);
    if (!reason) setPasted('');
  };
  return (
    <details class="session sign-in">
      <summary>Đăng nhập để báo cáo</summary>
      <form onSubmit={submit}>
        <label for="token">Mã đăng nhập (bearer token do hệ thống định danh cấp)</label>
        <textarea
          id="token"
          rows={4}
          value={pasted}
          onInput={(event) => setPasted((event.target as HTMLTextAreaElement).value)}
          spellcheck={false}
          autoComplete="off"
        />
        <button type="submit">Đăng nhập</button>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </details>
  );
}
