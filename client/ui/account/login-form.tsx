import { useState } from 'preact/hooks';
import { loginBodySchema } from '../../../server/domain/accounts.ts';
import { logIn, sessionEnded } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { FieldError } from '../forms/fields.tsx';
import { type FieldErrors, validate } from '../forms/validate.ts';
import { t, tf } from '../i18n.ts';
import { errorText } from './error-text.ts';

/**
 * Login and password, and one generic message whatever went wrong (the server says no more).
 * The fields let browsers and password managers fill and paste (ASVS 6.2.7). An empty field is
 * said beside it by the server's schema, in the reader's language, not by the browser in its own.
 */
export function LoginForm() {
  const l = lang.value;
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const body = { login: String(form.get('login') ?? ''), password: String(form.get('password') ?? '') };
    const checked = validate(loginBodySchema, body, l);
    setFieldErrors(checked.ok ? {} : checked.errors);
    setError(null);
    if (!checked.ok) return;
    setBusy(true);
    try {
      await logIn(body.login, body.password);
    } catch (err) {
      setError(errorText(err, l));
      setBusy(false);
    }
  };
  const ended = sessionEnded.value;
  return (
    <form class="account-form login-form" noValidate onSubmit={submit}>
      {ended && (
        <p role="status" class="session-ended">
          {tf('sessionEndedHint', l, { login: ended })}
        </p>
      )}
      <label>
        {t('loginName', l)}
        <input
          name="login"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          defaultValue={ended ?? undefined}
          aria-invalid={!!fieldErrors.login}
        />
      </label>
      <FieldError message={fieldErrors.login} />
      <label>
        {t('password', l)}
        <input name="password" type="password" autocomplete="current-password" required aria-invalid={!!fieldErrors.password} />
      </label>
      <FieldError message={fieldErrors.password} />
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
