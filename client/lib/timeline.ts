import type { Province } from '../../server/catalog/province.ts';
import type { IsoDate } from '../../server/domain/dates.ts';
import { NTM_STATUS_LABELS, type RecognisedStatus } from '../../server/domain/ntm-status.ts';
import { firstDayOfNewUnits } from '../../server/domain/unit-sets.ts';
import type { FactRecord, RecognitionRecord, TargetRecord } from '../../server/catalog/records.ts';
import type { Calendar } from './url-state.ts';
import { formatDate } from '../../server/messages/format.ts';
import { indicatorLabel } from './indicators.ts';
import type { Label, Lang } from './label.ts';
import { sourceTitle } from './source-text.ts';
import { localizeStated } from './stated-text.ts';

/**
 * The stops of the timeline: the last day of every month from the province's timeline start
 * (its data) to today, the first day of the merged units, today, and any extra date (one from a URL).
 */
export function timelineStops(calendar: Calendar, today: IsoDate, extra: readonly IsoDate[] = []): IsoDate[] {
  const start = calendar.timelineStart;
  const stops = new Set<IsoDate>([firstDayOfNewUnits(calendar.unitSets), today, ...extra.filter((d) => d >= start && d <= today)]);
  for (let y = Number(start.slice(0, 4)); ; y++) {
    for (let m = 1; m <= 12; m++) {
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      if (last > today) return [...stops].sort();
      if (last >= start) stops.add(last);
    }
  }
}

/** The stop nearest to a date (the timeline snaps to it); a stop itself at once, as at every step. */
export function nearestStop(stops: readonly IsoDate[], date: IsoDate): number {
  const exact = stops.indexOf(date);
  if (exact >= 0) return exact;
  let best = 0;
  const t = Date.parse(date);
  stops.forEach((s, i) => {
    if (Math.abs(Date.parse(s) - t) < Math.abs(Date.parse(stops[best]) - t)) best = i;
  });
  return best;
}

/**
 * How far a key steps time, in timeline stops (months): ←/→ one, Shift+←/→ twelve; 0 for any
 * other key. The timeline and the map share it.
 */
export function stepKey(e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): number {
  if (e.altKey || e.ctrlKey || e.metaKey) return 0;
  const months = e.shiftKey ? 12 : 1;
  return e.key === 'ArrowRight' ? months : e.key === 'ArrowLeft' ? -months : 0;
}

export interface TimelineMark {
  date: IsoDate;
  kind: 'batch' | 'units' | 'milestone';
  label: Label;
}

/**
 * Marks for events that matter: each batch of recognitions (by the date they count from), the
 * two unit changes (as the province's data describes them), and the totals reported by the seed
 * reports and the province.
 */
export function timelineMarks(
  recognitions: readonly RecognitionRecord[],
  facts: readonly FactRecord[],
  targets: readonly TargetRecord[],
  calendar: Pick<Province, 'unitSets'>,
): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const batches = new Map<IsoDate, Map<RecognisedStatus, number>>();
  for (const r of recognitions) {
    if (!r.countsFrom) continue;
    const b = batches.get(r.countsFrom) ?? new Map();
    b.set(r.status, (b.get(r.status) ?? 0) + 1);
    batches.set(r.countsFrom, b);
  }
  for (const [date, counts] of batches) {
    const parts = (lang: Lang) => [...counts].map(([s, n]) => `${n} ${NTM_STATUS_LABELS[s][lang].toLowerCase()}`).join(', ');
    marks.push({ date, kind: 'batch', label: { vi: `Công nhận: ${parts('vi')}`, en: `Recognised: ${parts('en')}` } });
  }
  for (const set of ['2020', '2025'] as const) {
    const { from, change } = calendar.unitSets[set];
    marks.push({ date: from, kind: 'units', label: { vi: `${formatDate(from, 'vi')}: ${change.vi}`, en: `${formatDate(from, 'en')}: ${change.en}` } });
  }
  for (const t of targets) {
    if (t.actualDate === null || t.actualValue === null || !/^(ntm|ocop)-/.test(t.indicatorKey) || t.indicatorKey.endsWith('-by-year')) continue;
    const name = indicatorLabel(t.indicatorKey);
    marks.push({
      date: t.actualDate,
      kind: 'milestone',
      label: {
        vi: `Tỉnh báo cáo: ${name.vi} ${localizeStated(t.actual, 'vi')} (${sourceTitle(t.source.title, 'vi').text})`,
        en: `Reported: ${name.en} ${localizeStated(t.actual, 'en')} (${sourceTitle(t.source.title, 'en').text})`,
      },
    });
  }
  const noNtm = facts.filter((f) => f.kind === 'district-without-ntm');
  for (const year of new Set(noNtm.map((f) => f.year))) {
    const n = new Set(noNtm.filter((f) => f.year === year).map((f) => f.code)).size;
    marks.push({
      date: `${year}-06-30`,
      kind: 'milestone',
      label: {
        vi: `Giữa ${year}: ${n} huyện chưa có xã NTM (báo cáo của tỉnh)`,
        en: `Mid-${year}: ${n} districts without an NTM commune (provincial reports)`,
      },
    });
  }
  return marks.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
