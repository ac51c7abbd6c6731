import type { Lang } from '../../lib/label.ts';
import { ApiRequestError } from '../../api.ts';
import { t } from '../i18n.ts';

/**
 * What to tell the user about a failed account request. The server words its refusals in the
 * user's language (client/api.ts sends it): a refused login is shown as sent; anything else says
 * the request failed, and why.
 */
export function errorText(err: unknown, l: Lang): string {
  if (err instanceof ApiRequestError && (err.code === 'login_failed' || err.code === 'too_many_attempts')) return err.message;
  return `${t('requestFailed', l)}: ${err instanceof Error ? err.message : String(err)}`;
}
