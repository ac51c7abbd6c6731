import type { Lang } from '../../lib/label.ts';
import { ApiRequestError } from '../../api.ts';
import { t } from '../i18n.ts';

/** What to tell the user about a failed account request, in their language where we know the case. */
export function errorText(err: unknown, l: Lang): string {
  if (err instanceof ApiRequestError) {
    if (err.code === 'login_failed') return t('loginFailed', l);
    if (err.code === 'too_many_attempts') return t('tooManyAttempts', l).replace('{n}', /(\d+) s/.exec(err.message)?.[1] ?? '…');
    return `${t('requestFailed', l)}: ${err.message}`;
  }
  return `${t('requestFailed', l)}: ${err instanceof Error ? err.message : String(err)}`;
}
