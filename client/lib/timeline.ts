import type { IsoDate } from '../../server/domain/dates.ts';
import { NTM_STATUS_LABELS, type RecognisedStatus } from '../../server/domain/ntm-status.ts';
import { FIRST_DAY_OF_NEW_UNITS, UNIT_SET_PERIODS } from '../../server/domain/unit-sets.ts';
import type { FactRecord, RecognitionRecord, TargetRecord } from '../../server/catalog/records.ts';
import { indicatorLabel } from './indicators.ts';
import type { Label } from './label.ts';
import { sourceTitle } from './source-text.ts';
import { localizeStated } from './stated-text.ts';

/** The first date the timeline shows: the year the province's first NTM commune was recognised for. */
export const TIMELINE_START: IsoDate = '2015-01-01';

/**
 * The stops of the timeline: the last day of every month from January 2015 to today, the first
 * day of the merged units, today, and any extra date (one from a URL).
 */
export function timelineStops(today: IsoDate, extra: readonly IsoDate[] = []): IsoDate[] {
  const stops = new Set<IsoDate>([FIRST_DAY_OF_NEW_UNITS, today, ...extra.filter((d) => d >= TIMELINE_START && d <= today)]);
  for (let y = 2015; ; y++) {
    for (let m = 1; m <= 12; m++) {
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      if (last > today) return [...stops].sort();
      stops.add(last);
    }
  }
}

/** The stop nearest to a date (the timeline snaps to it). */
export function nearestStop(stops: readonly IsoDate[], date: IsoDate): number {
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
 * two unit changes, and the totals reported by the seed reports and the province.
 */
export function timelineMarks(recognitions: readonly RecognitionRecord[], facts: readonly FactRecord[], targets: readonly TargetRecord[]): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const batches = new Map<IsoDate, Map<RecognisedStatus, number>>();
  for (const r of recognitions) {
    if (!r.countsFrom) continue;
    const b = batches.get(r.countsFrom) ?? new Map();
    b.set(r.status, (b.get(r.status) ?? 0) + 1);
    batches.set(r.countsFrom, b);
  }
  for (const [date, counts] of batches) {
    const parts = (lang: 'vi' | 'en') => [...counts].map(([s, n]) => `${n} ${NTM_STATUS_LABELS[s][lang].toLowerCase()}`).join(', ');
    marks.push({ date, kind: 'batch', label: { vi: `Công nhận: ${parts('vi')}`, en: `Recognised: ${parts('en')}` } });
  }
  marks.push(
    {
      date: UNIT_SET_PERIODS['2020'].from!,
      kind: 'units',
      label: {
        vi: '1/1/2020: Tà Lèng nhập vào Thanh Minh; 4 xã chuyển về TP Điện Biên Phủ (129 xã)',
        en: '1 Jan 2020: Tà Lèng merged into Thanh Minh; 4 communes moved to TP Điện Biên Phủ (129 communes)',
      },
    },
    {
      date: FIRST_DAY_OF_NEW_UNITS,
      kind: 'units',
      label: { vi: '1/7/2025: bỏ cấp huyện, 129 xã hợp thành 45 xã, phường', en: '1 Jul 2025: districts abolished, 129 communes merged into 45' },
    },
  );
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
        vi: `Giữa ${year}: ${n} huyện chưa có xã NTM (báo cáo của tỉnh năm 2021)`,
        en: `Mid-${year}: ${n} districts without an NTM commune (provincial reports of 2021)`,
      },
    });
  }
  return marks.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
