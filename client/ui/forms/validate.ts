import type { z } from 'zod';
import { reason } from '../../../server/catalog/writes.ts';
import { fieldMessages as M } from '../../../server/messages/fields.ts';
import { issueText, WRITE_PARSE } from '../../../server/messages/issues.ts';
import { ApiRequestError } from '../../api.ts';
import type { Lang } from '../../lib/label.ts';
import { te, type EditingKey } from '../i18n-editing.ts';

/** Field path ("decision.date", "certificates.0.stars") → what is wrong with it, in the user's language. */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * The few checks a form words its own way, by the catalog's English of the schema's message: a
 * date field takes dd/mm/yyyy in Vietnamese, not the API's YYYY-MM-DD, and a unit is chosen from
 * a list, not typed as a code. Every other issue is worded as the API words it (issueText).
 */
const IN_FORM: Record<string, EditingKey> = { [M.date.en]: 'errDate', [M.communeCode.en]: 'errCommune', [M.districtCode.en]: 'errDistrict' };

/** A form's own words for an issue, if it has them: a value outside a closed list was picked from a list, whose keys mean nothing to the user. */
const inForm = (issue: z.core.$ZodIssue): EditingKey | undefined => (issue.code === 'invalid_value' ? 'errChoose' : IN_FORM[issue.message]);

/** A message shown beside its field starts with a capital: the API's "bắt buộc" reads "Bắt buộc". */
const besideField = (message: string) => message.charAt(0).toLocaleUpperCase() + message.slice(1);

/** Checks a form's body with the very schema the server checks it with, parsed as the server parses it; errors keyed like the server's `error.fields`. */
export function validate<S extends z.ZodType>(schema: S, body: unknown, lang: Lang): Checked<z.output<S>> {
  const parsed = schema.safeParse(body, WRITE_PARSE);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const own = inForm(issue);
    errors[issue.path.join('.') || 'body'] ??= own ? te(own, lang) : besideField(issueText(issue)[lang]);
  }
  return { ok: false, errors };
}

/** A server's refusal: its field errors in words beside the fields, and a message for the rest. */
export function serverErrors(err: unknown, lang: Lang): { fields: FieldErrors; message: string } {
  if (err instanceof ApiRequestError) {
    const fields: FieldErrors = {};
    // The server words them in the language the request asked for (client/api.ts sends it).
    for (const [path, message] of Object.entries(err.fields)) fields[path] = besideField(message);
    // The fields say what is wrong beside each of them; the summary only points there.
    if (Object.keys(fields).length) return { fields, message: te('fixFields', lang) };
    // A session that ended says all there is; the server's words are for API clients ("POST … needs a login").
    if (err.status === 401) return { fields, message: te('errLoggedOut', lang) };
    const lead = err.status === 403 ? te('errForbidden', lang) : err.status === 409 ? te('errConflict', lang) : te('requestFailed', lang);
    return { fields, message: `${lead}: ${err.message}` };
  }
  return { fields: {}, message: `${te('requestFailed', lang)}: ${err instanceof Error ? err.message : String(err)}` };
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
