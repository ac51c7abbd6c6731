import { formatDate, formatMonth } from '../../server/messages/format.ts';
import type { Lang } from './label.ts';

/**
 * The day a status counts from, as exact as its sources are. A recognition whose year no source
 * states counts from its earliest source's date (the as-of rule); when that source gives only a
 * month or a year ("2025", "2021 (approx.)"), the day is the first of it by convention, and is
 * shown as the month or the year, never as if the source had named that day.
 */
export function sinceText(since: string, yearUnknown: boolean, statedDates: readonly string[], lang: Lang): string {
  if (!yearUnknown || statedDates.some((d) => d.trim().startsWith(since))) return formatDate(since, lang);
  const month = since.slice(0, 7);
  if (statedDates.some((d) => d.trim().startsWith(month))) return formatMonth(month, lang);
  return lang === 'vi' ? `năm ${since.slice(0, 4)}` : since.slice(0, 4);
}
