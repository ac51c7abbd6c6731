/** Calendar dates as ISO strings (YYYY-MM-DD), which also sort chronologically. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2021-02-30). */
export function isIsoDate(text: string): text is IsoDate {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date written day first, as Vietnam writes it (4/1/2025, 04.01.2025, 04-01-2025), rewritten
 * YYYY-MM-DD ("2025-01-04"); null when it is not written so. Not yet checked against the calendar
 * ("31/02/2025" → "2025-02-31"): callers check with isIsoDate, and say why as they need to.
 */
export function readDayFirst(text: string): string | null {
  const m = DAY_FIRST.exec(text);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** The date `days` days after (or before, when negative) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function endOfYear(year: number): IsoDate {
  return `${year}-12-31`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const LEADING_DATE = /^~?\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)/;

/**
 * The first day of the period a free-text source date names, or null when it
 * names none. Only a date at the start of the text counts ("2023-11 (ceremony
 * 5/11)" → 2023-11-01, "2016 (undated page)" → 2016-01-01); "undated (…)" → null.
 * A date given only to the year or month therefore counts from its first day.
 */
export function sourceDateStart(text: string): IsoDate | null {
  const m = LEADING_DATE.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  return isIsoDate(date) ? date : null;
}

/** The province's time zone: its calendar decides what "today" is (Vietnam, UTC+7). */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const provinceDay = new Intl.DateTimeFormat('en-CA', { timeZone: PROVINCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in the province at an instant: 2026-11-27T18:00Z is already 2026-11-28 there. */
export function provinceDate(at: Date): IsoDate {
  return provinceDay.format(at);
}
