import type { Lang } from '../../lib/label.ts';
import { ApiRequestError, type RequestErrorCode } from '../../api.ts';
import { t } from '../i18n.ts';

/** Codes whose message is meant for the person at the login form, as it stands: the server words it in their language. */
const SAID_AS_IS: ReadonlySet<RequestErrorCode> = new Set(['login_failed', 'too_many_attempts']);

/** What to tell the user about a failed account request. */
export function errorText(err: unknown, l: Lang): string {
  if (err instanceof ApiRequestError && SAID_AS_IS.has(err.code)) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `${t('requestFailed', l)}: ${message}`;
}
