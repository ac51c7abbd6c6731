import { useState } from 'preact/hooks';
import { logIn, sessionEnded } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { t, tf } from '../i18n.ts';
import { errorText } from './error-text.ts';

/**
 * Login and password, and one generic message whatever went wrong (the server says no more).
 * The fields let browsers and password managers fill and paste (ASVS 6.2.7).
 */
export function LoginForm() {
  const l = lang.value;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await logIn(String(form.get('login') ?? ''), String(form.get('password') ?? ''));
    } catch (err) {
      setError(errorText(err, l));
      setBusy(false);
    }
  };
  const ended = sessionEnded.value;
  return (
    <form class="account-form login-form" onSubmit={submit}>
      {ended && (
        <p role="status" class="session-ended">
          {tf('sessionEndedHint', l, { login: ended })}
        </p>
      )}
      <label>
        {t('loginName', l)}
        <input name="login" autocomplete="username" autocapitalize="none" spellcheck={false} required defaultValue={ended ?? undefined} />
      </label>
      <label>
        {t('password', l)}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('logIn', l)}
      </button>
      <p class="muted small">{t('noAccountHint', l)}</p>
    </form>
  );
}

/** The whole page of a private deployment (REQUIRE_LOGIN=1) until someone logs in. */
export function LoginScreen() {
  const l = lang.value;
  return (
    <main class="login-screen">
      <div class="login-box">
        <h1>{t('appTitleGeneric', l)}</h1>
        <h2>{t('loginRequiredTitle', l)}</h2>
        <LoginForm />
        <button type="button" class="lang" onClick={() => (lang.value = l === 'vi' ? 'en' : 'vi')}>
          {t('switchLanguage', l)}
        </button>
      </div>
    </main>
  );
}
