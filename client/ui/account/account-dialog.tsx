import { useEffect, useState } from 'preact/hooks';
import { newTokenSchema, PASSWORD_MIN_LENGTH, passwordChangeSchema, TOKEN_DEFAULT_DAYS, type TokenResponse } from '../../../server/domain/accounts.ts';
import { accountApi } from '../../api.ts';
import { currentUser } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { FieldError } from '../forms/fields.tsx';
import { type FieldErrors, validate } from '../forms/validate.ts';
import { formatInstantDate, t } from '../i18n.ts';
import { te } from '../i18n-editing.ts';
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const body = { currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) };
    const checked = validate(passwordChangeSchema, body, l);
    const found = checked.ok ? {} : { ...checked.errors };
    if (!found.newPassword && body.newPassword !== String(form.get('repeat'))) found.repeat = t('passwordsDiffer', l);
    setErrors(found);
    setNote(null);
    if (Object.keys(found).length) return;
    try {
      await accountApi.changePassword(body.currentPassword, body.newPassword);
      formEl.reset();
      setNote({ ok: true, text: t('passwordChanged', l) });
    } catch (err) {
      setNote({ ok: false, text: errorText(err, l) });
    }
  };
  return (
    <section class="account-section">
      <h3>{t('changePassword', l)}</h3>
      <form class="account-form" noValidate onSubmit={submit}>
        <label>
          {t('currentPassword', l)}
          <input name="currentPassword" type="password" autocomplete="current-password" required aria-invalid={!!errors.currentPassword} />
        </label>
        <FieldError message={errors.currentPassword} />
        <label>
          {t('newPassword', l)}
          <input
            name="newPassword"
            type="password"
            autocomplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            aria-describedby="password-hint"
            aria-invalid={!!errors.newPassword}
          />
        </label>
        <FieldError message={errors.newPassword} />
        <label>
          {t('repeatPassword', l)}
          <input name="repeat" type="password" autocomplete="new-password" minLength={PASSWORD_MIN_LENGTH} required aria-invalid={!!errors.repeat} />
        </label>
        <FieldError message={errors.repeat} />
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
  const [errors, setErrors] = useState<FieldErrors>({});
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
    const days = String(form.get('days')).trim();
    const checked = validate(newTokenSchema, { name: String(form.get('name')), expiresInDays: days === '' ? undefined : Number(days) }, l);
    // The form's field is "days"; the body's, expiresInDays.
    setErrors(checked.ok ? {} : { name: checked.errors.name, days: checked.errors.expiresInDays });
    if (!checked.ok) return;
    try {
      const created = await accountApi.createToken(checked.value.name, checked.value.expiresInDays);
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
      {tokens && <TokenTable tokens={tokens} onRevoke={(tk) => revoke(tk.id)} />}
      <form class="account-form inline" noValidate onSubmit={create}>
        <label>
          {t('tokenName', l)}
          <input name="name" required maxLength={100} placeholder="QGIS" aria-invalid={!!errors.name} />
        </label>
        <FieldError message={errors.name} />
        <label>
          {t('tokenDays', l)}
          <input name="days" type="number" min={1} max={730} value={TOKEN_DEFAULT_DAYS} required aria-invalid={!!errors.days} />
        </label>
        <FieldError message={errors.days} />
        <button type="submit" class="primary">
          {t('createToken', l)}
        </button>
      </form>
    </section>
  );
}

/**
 * A user's API tokens as the API lists them — name and first characters, created, expires, last used — never
 * the secret, with Revoke on each live one. The account page lists one's own; the users page (users-page.tsx,
 * user-tokens.tsx), another user's: it is declared here, so the users page loads this chunk rather than a new one.
 */
export function TokenTable({ tokens, onRevoke }: { tokens: readonly TokenResponse[]; onRevoke: (token: TokenResponse) => void }) {
  const l = lang.value;
  if (tokens.length === 0) return <p class="muted">{t('noTokens', l)}</p>;
  const when = (iso: string | null) => (iso ? formatInstantDate(iso, l) : t('never', l));
  return (
    <table class="account-table tokens-table">
      <thead>
        <tr>
          <th>{t('tokenName', l)}</th>
          <th>{te('tokenCreated', l)}</th>
          <th>{t('expires', l)}</th>
          <th>{t('lastUsed', l)}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {tokens.map((tk) => (
          <tr key={tk.id} class={tk.revokedAt ? 'revoked' : ''} data-token={tk.id}>
            <td>
              {tk.name} <code>{tk.prefix}…</code>
            </td>
            <td>{when(tk.createdAt)}</td>
            <td>{when(tk.expiresAt)}</td>
            <td>{when(tk.lastUsedAt)}</td>
            <td>
              {tk.revokedAt ? (
                t('revoked', l)
              ) : (
                <button type="button" class="account-button" onClick={() => onRevoke(tk)}>
                  {t('revoke', l)}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
