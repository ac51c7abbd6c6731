import { useEffect, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, TOKEN_DEFAULT_DAYS, type TokenResponse } from '../../../server/domain/accounts.ts';
import { accountApi } from '../../api.ts';
import { currentUser } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { formatInstantDate, t } from '../i18n.ts';
import { errorText } from './error-text.ts';
import { Modal } from './modal.tsx';

/** The logged-in user's own account: change the password, and the API tokens for QGIS and tools. */
export function AccountDialog({ onClose }: { onClose: () => void }) {
  const l = lang.value;
  const user = currentUser.value!;
  return (
    <Modal title={`${t('myAccount', l)}: ${user.login}`} onClose={onClose} wide>
      <PasswordChange />
      <Tokens />
    </Modal>
  );
}

function PasswordChange() {
  const l = lang.value;
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const next = String(form.get('newPassword'));
    if (next !== String(form.get('repeat'))) return setNote({ ok: false, text: t('passwordsDiffer', l) });
    try {
      await accountApi.changePassword(String(form.get('currentPassword')), next);
      formEl.reset();
      setNote({ ok: true, text: t('passwordChanged', l) });
    } catch (err) {
      setNote({ ok: false, text: errorText(err, l) });
    }
  };
  return (
    <section class="account-section">
      <h3>{t('changePassword', l)}</h3>
      <form class="account-form" onSubmit={submit}>
        <label>
          {t('currentPassword', l)}
          <input name="currentPassword" type="password" autocomplete="current-password" required />
        </label>
        <label>
          {t('newPassword', l)}
          <input name="newPassword" type="password" autocomplete="new-password" minLength={PASSWORD_MIN_LENGTH} required aria-describedby="password-hint" />
        </label>
        <label>
          {t('repeatPassword', l)}
          <input name="repeat" type="password" autocomplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
        </label>
        <p id="password-hint" class="muted small">
          {t('passwordHint', l)}
        </p>
        {note && (
          <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'form-ok' : 'form-error'}>
            {note.text}
          </p>
        )}
        <button type="submit" class="primary">
          {t('changePassword', l)}
        </button>
      </form>
    </section>
  );
}

function Tokens() {
  const l = lang.value;
  const [tokens, setTokens] = useState<TokenResponse[] | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    accountApi
      .tokens()
      .then((r) => setTokens(r.tokens))
      .catch((err) => setError(errorText(err, l)));
  useEffect(() => {
    reload();
  }, []);
  const create = async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    try {
      const created = await accountApi.createToken(String(form.get('name')), Number(form.get('days')));
      setShown(created.token);
      formEl.reset();
      await reload();
    } catch (err) {
      setError(errorText(err, l));
    }
  };
  const revoke = async (id: number) => {
    await accountApi.revokeToken(id).catch((err) => setError(errorText(err, l)));
    await reload();
  };
  const when = (iso: string | null) => (iso ? formatInstantDate(iso, l) : t('never', l));
  return (
    <section class="account-section">
      <h3>{t('apiTokens', l)}</h3>
      <p class="muted small">{t('apiTokensHint', l)}</p>
      {shown && (
        <div class="token-once" role="status">
          <p>{t('tokenShownOnce', l)}</p>
          <input readOnly value={shown} aria-label={t('apiTokens', l)} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {tokens && tokens.length === 0 && <p class="muted">{t('noTokens', l)}</p>}
      {tokens && tokens.length > 0 && (
        <table class="account-table">
          <thead>
            <tr>
              <th>{t('tokenName', l)}</th>
              <th>{t('expires', l)}</th>
              <th>{t('lastUsed', l)}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((tk) => (
              <tr key={tk.id} class={tk.revokedAt ? 'revoked' : ''}>
                <td>
                  {tk.name} <code>{tk.prefix}…</code>
                </td>
                <td>{when(tk.expiresAt)}</td>
                <td>{when(tk.lastUsedAt)}</td>
                <td>
                  {tk.revokedAt ? (
                    t('revoked', l)
                  ) : (
                    <button type="button" class="account-button" onClick={() => revoke(tk.id)}>
                      {t('revoke', l)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="account-form inline" onSubmit={create}>
        <label>
          {t('tokenName', l)}
          <input name="name" required maxLength={100} placeholder="QGIS" />
        </label>
        <label>
          {t('tokenDays', l)}
          <input name="days" type="number" min={1} max={730} value={TOKEN_DEFAULT_DAYS} required />
        </label>
        <button type="submit" class="primary">
          {t('createToken', l)}
        </button>
      </form>
    </section>
  );
}
