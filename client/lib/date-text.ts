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

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day first, as Vietnam writes it: 4/1/2025, 04.01.2025, 04-01-2025. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * What a typed date means: ISO in either language, and day-first (dd/mm/yyyy) in Vietnamese
 * only — in English a day-first date would be ambiguous. Empty text is the empty date.
 */
export function readDateText(text: string, lang: Lang): DateText {
  const s = text.trim();
  if (s === '') return { ok: true, iso: '' };
  const iso = ISO.exec(s);
  const dayFirst = lang === 'vi' ? DAY_FIRST.exec(s) : null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!y || !m || !d) return { ok: false, reason: 'format' };
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, reason: 'no-such-day' };
  return { ok: true, iso: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}
