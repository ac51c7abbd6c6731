import type { z } from 'zod';
import { FUTURE_DATE, FUTURE_YEAR, reason } from '../../../server/catalog/writes.ts';
import { ApiRequestError } from '../../api.ts';
import type { Lang } from '../../lib/label.ts';
import { type StringKey, t } from '../i18n.ts';

/** Field path ("decision.date", "certificates.0.stars") → what is wrong with it, in the user's language. */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Our schemas' own messages (server/catalog/writes.ts, records.ts) and their words for the
 * user. The server sends the same English messages in `error.fields`, so one table serves both.
 */
const MESSAGES: Record<string, StringKey> = {
  'is required': 'errRequired',
  'must be a date written YYYY-MM-DD': 'errDate',
  [FUTURE_DATE]: 'errFutureDate',
  [FUTURE_YEAR]: 'errFutureYear',
  'must be a web address starting with http:// or https://': 'errLink',
  'give a link or upload the document (PDF)': 'errSourceLink',
  'at least one certificate (decision number and date)': 'errCertificates',
  'must be a year, e.g. 2024': 'errYear',
  'must be a short key of lower-case letters, digits and dashes': 'errKey',
  'give a target or a reported total': 'errTargetOrActual',
  'must be a 5-digit commune code': 'errCommune',
  'must be a 3-digit district code': 'errDistrict',
  'must be after the decision date': 'errExpiryAfterDecision',
  'say why the product is being changed': 'errReason',
  'say why the zone is being changed': 'errReason',
  'say why the target is being changed': 'errReason',
};

/** One zod issue in words (our messages translated; zod's own by kind, with their bound). */
export function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const known = MESSAGES[issue.message];
  if (known) return t(known, lang);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('errRequired', lang);
      if (issue.origin === 'array') return t('errAtLeast', lang).replace('{n}', String(issue.minimum));
      return t('errMin', lang).replace('{n}', String(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return t('errTooLong', lang).replace('{n}', String(issue.maximum));
      if (issue.origin === 'array') return t('errAtMost', lang).replace('{n}', String(issue.maximum));
      return t('errMax', lang).replace('{n}', String(issue.maximum));
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('errNumber', lang) : t('errRequired', lang);
    case 'invalid_value':
    case 'invalid_union':
      return t('errChoose', lang);
    default:
      return issue.message;
  }
}

/** Checks a form's body with the very schema the server checks it with; errors keyed like the server's `error.fields`. */
export function validate<S extends z.ZodType>(schema: S, body: unknown, lang: Lang): Checked<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'body'] ??= issueText(issue, lang);
  return { ok: false, errors };
}

/** A server's refusal: its field errors in words beside the fields, and a message for the rest. */
export function serverErrors(err: unknown, lang: Lang): { fields: FieldErrors; message: string } {
  if (err instanceof ApiRequestError) {
    const fields: FieldErrors = {};
    for (const [path, message] of Object.entries(err.fields)) fields[path] = MESSAGES[message] ? t(MESSAGES[message], lang) : message;
    // The fields say what is wrong beside each of them; the summary only points there.
    if (Object.keys(fields).length) return { fields, message: t('fixFields', lang) };
    const lead =
      err.status === 401
        ? t('errLoggedOut', lang)
        : err.status === 403
          ? t('errForbidden', lang)
          : err.status === 409
            ? t('errConflict', lang)
            : t('requestFailed', lang);
    return { fields, message: `${lead}: ${err.message}` };
  }
  return { fields: {}, message: `${t('requestFailed', lang)}: ${err instanceof Error ? err.message : String(err)}` };
}

/** Errors for one part of a form: `errorsUnder(e, 'source')` gives "title" for "source.title". */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}

/** '' → null; '12' → 12; 'abc' → NaN (the schema then says it must be a number). */
export function numberOrNull(text: string): number | null {
  const s = text.trim().replace(',', '.');
  return s === '' ? null : Number(s);
}

/** '' → null, else the text. */
export function textOrNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** A change to an existing record needs a reason (the server refuses one without); a new record does not. */
export function needingReason<T>(checked: Checked<T>, editing: boolean, why: string, lang: Lang): Checked<T> {
  const r = editing ? validate(reason, why, lang) : null;
  if (!r || r.ok) return checked;
  return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), reason: r.errors.body } };
}
