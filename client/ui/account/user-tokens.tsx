import { useEffect, useState } from 'preact/hooks';
import type { AdminUserResponse, TokenResponse } from '../../../server/domain/accounts.ts';
import { usersApi } from '../../api-users.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { te, tef } from '../i18n-editing.ts';
import { errorText } from './error-text.ts';
import { TokenTable } from './account-dialog.tsx';

type Note = { ok: boolean; text: string };

/**
 * On the admin's users page, one user's API tokens (for a colleague who left, a lost laptop with QGIS): revoke
 * one, or every live one, each after a confirmation. The server logs each revocation in the audit log; what it
 * refuses is said in the page's note, as the page says its other errors.
 */
export function UserTokens({ user, onNote }: { user: AdminUserResponse; onNote: (note: Note) => void }) {
  const l = lang.value;
  const [tokens, setTokens] = useState<TokenResponse[] | null>(null);
  const [confirming, setConfirming] = useState<TokenResponse | 'all' | null>(null);
  const reload = () =>
    usersApi
      .tokens(user.id)
      .then((r) => setTokens(r.tokens))
      .catch((err) => onNote({ ok: false, text: errorText(err, l) }));
  useEffect(() => {
    reload();
  }, [user.id]);
  const live = tokens?.filter((tk) => tk.revokedAt === null) ?? [];
  const revoke = async () => {
    const what = confirming;
    setConfirming(null);
    try {
      if (what === 'all') {
        const r = await usersApi.revokeAllTokens(user.id);
        onNote({ ok: true, text: tef('tokensRevoked', l, { n: r.revokedTokens, login: user.login }) });
      } else if (what) {
        await usersApi.revokeToken(user.id, what.id);
        onNote({ ok: true, text: tef('tokenRevoked', l, { name: what.name, login: user.login }) });
      }
    } catch (err) {
      onNote({ ok: false, text: errorText(err, l) });
    }
    await reload();
  };
  return (
    <section class="account-section user-tokens" aria-label={tef('userTokensOf', l, { login: user.login })}>
      <h3>{tef('userTokensOf', l, { login: user.login })}</h3>
      <p class="muted small">{te('userTokensHint', l)}</p>
      {tokens && <TokenTable tokens={tokens} onRevoke={setConfirming} />}
      {confirming ? (
        <form
          class="account-form inline revoke-confirm"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            revoke();
          }}
        >
          <p>
            {confirming === 'all'
              ? tef('confirmRevokeAll', l, { n: live.length, login: user.login })
              : tef('confirmRevokeToken', l, { name: confirming.name, login: user.login })}
          </p>
          <button type="submit" class="primary danger">
            {te('confirmRevoke', l)}
          </button>
          <button type="button" class="account-button" onClick={() => setConfirming(null)}>
            {t('cancel', l)}
          </button>
        </form>
      ) : (
        live.length > 0 && (
          <button type="button" class="account-button" onClick={() => setConfirming('all')}>
            {te('revokeAllTokens', l)}
          </button>
        )
      )}
    </section>
  );
}
