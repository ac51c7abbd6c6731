import { PROVINCE_TIME_ZONE } from '../domain/dates.ts';
import type { Lang } from './text.ts';

/** Numbers and dates of the interface, through Intl for the active language: never mixed on one screen. */
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATE_OPTIONS: Record<Lang, Intl.DateTimeFormatOptions> = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};
const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat(LOCALES.vi, { ...DATE_OPTIONS.vi, timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { ...DATE_OPTIONS.en, timeZone: 'UTC' }),
};

/** "2021-06-30" → "30/06/2021" (vi) or "30 Jun 2021" (en), through Intl. */
export function formatDate(iso: string, lang: Lang): string {
  return DATE_FORMATS[lang].format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** Instants are shown in the province's time (Vietnam, UTC+7), whatever the reader's clock says. */
const inProvince = (lang: Lang, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: PROVINCE_TIME_ZONE });
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const INSTANT_FORMATS: Record<Lang, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }> = {
  vi: { date: inProvince('vi', DATE_OPTIONS.vi), time: inProvince('vi', TIME) },
  en: { date: inProvince('en', DATE_OPTIONS.en), time: inProvince('en', TIME) },
};

/** "2026-11-27T14:22:05.000Z" → "27/11/2026 21:22 (GMT+7)" (vi) or "27 Nov 2026 21:22 (GMT+7)" (en): Vietnam's date and time. */
export function formatInstant(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const f = INSTANT_FORMATS[lang];
  return `${f.date.format(d)} ${f.time.format(d)} (GMT+7)`;
}

/**
 * The province's date of an instant: "2026-11-27T23:03:00Z" → "28/11/2026" (vi) or "28 Nov 2026"
 * (en), the day it was in Vietnam. Timestamps (changes, logins, tokens) are shown through this, never
 * cut to their UTC date.
 */
export function formatInstantDate(iso: string, lang: Lang): string {
  return INSTANT_FORMATS[lang].date.format(new Date(iso));
}

/** "2023-11" → "11/2023" (vi) or "Nov 2023" (en). */
export function formatMonth(isoMonth: string, lang: Lang): string {
  const d = new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`);
  if (lang === 'en') return new Intl.DateTimeFormat(LOCALES.en, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  const parts = DATE_FORMATS.vi.formatToParts(d);
  return `${parts.find((p) => p.type === 'month')!.value}/${parts.find((p) => p.type === 'year')!.value}`;
}

/** Made once per language: toLocaleString builds a formatter at every call (a timeline step formats hundreds of numbers). */
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat(LOCALES.vi, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 2 }),
};
const PERCENT_FORMATS: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat(LOCALES.vi, { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(LOCALES.en, { style: 'percent', maximumFractionDigits: 1 }),
};

/** A bound that may be a year (2010): grouped only from five digits on (50.000), never 2.010 (Intl's `min2`). */
const VI_BOUND = new Intl.NumberFormat(LOCALES.vi, { maximumFractionDigits: 2, useGrouping: 'min2' });

/** 10300 → "10.300" (vi) or "10,300" (en), through Intl. */
export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(n);
}

/**
 * A number in an API message (text.ts `both`): Vietnamese as the interface writes it (formatNumber);
 * English as API clients parse it, ungrouped with a decimal point (50000, 94.9).
 */
export const numberIn = (lang: Lang, n: number): string => (lang === 'vi' ? formatNumber(n, 'vi') : String(n));

/** A check's bound in an API message (text.ts `bound`), which may be a year: as numberIn, but 2010 stays 2010 in Vietnamese. */
export const boundIn = (lang: Lang, n: number): string => (lang === 'vi' ? VI_BOUND.format(n) : String(n));

/** 0.226 → "22,6 %" (vi, a no-break space: the number and "%" stay on one line) or "22.6%" (en). */
export function formatPercent(share: number, lang: Lang): string {
  return PERCENT_FORMATS[lang].format(share).replace(/(\d)%/, lang === 'vi' ? '$1\u00a0%' : '$1%');
}
