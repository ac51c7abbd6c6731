import { isIsoDate, readDayFirst, yearOf } from '../../server/domain/dates.ts';
import type { Lang } from './label.ts';

/**
 * Dates typed by staff. A browser's <input type="date"> follows the browser's locale, so
 * "04/01/2025" read as 4 January in one and 1 April in another; the date fields are text
 * instead, shown dd/mm/yyyy in Vietnamese and yyyy-mm-dd (ISO, unambiguous) in English, and
 * always handed on as ISO.
 */
export const DATE_TEXT_FORMAT: Record<Lang, string> = { vi: 'dd/mm/yyyy', en: 'yyyy-mm-dd' };

/** "2025-01-04" → "04/01/2025" (vi) or "2025-01-04" (en); anything not an ISO date is left as it is. */
export function showDateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export type DateText = { ok: true; iso: string } | { ok: false; reason: 'format' | 'no-such-day' };

/** ISO, with or without the leading zeros: 2025-1-4. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * What a typed date means: ISO in either language, and day-first (dd/mm/yyyy) in Vietnamese
 * only — in English a day-first date would be ambiguous. Empty text is the empty date.
 */
export function readDateText(text: string, lang: Lang): DateText {
  const s = text.trim();
  if (s === '') return { ok: true, iso: '' };
  const iso = ISO.exec(s);
  const written = iso ? `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}` : lang === 'vi' ? readDayFirst(s) : null;
  if (!written) return { ok: false, reason: 'format' };
  if (!isIsoDate(written) || yearOf(written) < 1000) return { ok: false, reason: 'no-such-day' };
  return { ok: true, iso: written };
}
