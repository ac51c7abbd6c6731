import { endOfYear, type IsoDate } from '../../server/domain/dates.ts';
import { NTM_STATUSES, isNtmCommune, type NtmStatus } from '../../server/domain/ntm-status.ts';
import { countStatuses, statusesAsOf } from '../../server/domain/ntm-summary.ts';
import { ocopAsOf, type CertificateRecord } from '../../server/domain/ocop-as-of.ts';
import { lastDayOfOldUnits, oldUnitSetOn, oldUnitsDate } from '../../server/domain/unit-sets.ts';
import type { Calendar } from './url-state.ts';
import type { SourceRef, TargetRecord } from '../../server/catalog/records.ts';
import type { CatalogRecord } from '../../server/catalog/data.ts';
import { layerInputFor } from '../../server/geo/layer-input.ts';

/**
 * The series the charts draw, computed with the same "as of" rule as the map, each point on the
 * units in force at its date (the first set before the 2020 change). The dates: the end of each
 * year from the province's timeline start, and the old units' last day.
 */
export function chartDates(calendar: Calendar): IsoDate[] {
  const last = lastDayOfOldUnits(calendar.unitSets);
  const dates: IsoDate[] = [];
  for (let y = Number(calendar.timelineStart.slice(0, 4)); endOfYear(y) < last; y++) dates.push(endOfYear(y));
  return [...dates, last];
}

export interface StatusPoint {
  date: IsoDate;
  status: Exclude<NtmStatus, 'none'>;
  count: number;
}

/** Communes at each recognised status on each date, from the commune-level record. */
export function ntmSeries(record: CatalogRecord, dates: readonly IsoDate[] = chartDates(record.province)): StatusPoint[] {
  return dates.flatMap((date) => {
    const input = layerInputFor(oldUnitSetOn(record.province.unitSets, date), record);
    const counts = countStatuses(input.communes, statusesAsOf(input.recognitions, date));
    return NTM_STATUSES.filter((s): s is StatusPoint['status'] => s !== 'none').map((status) => ({ date, status, count: counts[status] }));
  });
}

export interface StarsPoint {
  date: IsoDate;
  stars: '3' | '4' | '5' | '?';
  count: number;
}

/** OCOP products certified on each date, by their stars then (an upgrade counts from its year). */
export function ocopSeries(products: readonly CertificateRecord[], dates: readonly IsoDate[]): StarsPoint[] {
  return dates.flatMap((date) => {
    const counts = { '3': 0, '4': 0, '5': 0, '?': 0 };
    for (const p of products) {
      const s = ocopAsOf(p, date);
      if (s.certified) counts[s.stars ? (String(s.stars) as '3' | '4' | '5') : '?']++;
    }
    return (['3', '4', '5', '?'] as const).map((stars) => ({ date, stars, count: counts[stars] }));
  });
}

export interface DistrictPoint {
  date: IsoDate;
  code: string;
  name: string;
  ntm: number;
  basic: number;
  communes: number;
}

/** NTM and cơ bản đạt chuẩn communes per district on each date, on the districts of the time. */
export function districtSeries(record: CatalogRecord, dates: readonly IsoDate[] = chartDates(record.province)): DistrictPoint[] {
  return dates.flatMap((date) => {
    const input = layerInputFor(oldUnitSetOn(record.province.unitSets, date), record);
    const statuses = statusesAsOf(input.recognitions, date);
    return input.districts.map((d) => {
      const members = input.communes.filter((c) => c.districtCode === d.code);
      const st = members.map((c) => statuses.get(c.code)?.status ?? 'none');
      return { date, code: d.code, name: d.name, ntm: st.filter(isNtmCommune).length, basic: st.filter((s) => s === 'basic').length, communes: members.length };
    });
  });
}

/** What a reported indicator counts in our record, for comparison. */
export const RECORD_MEASURES = {
  'ntm-standard-communes': (c: Record<NtmStatus, number>) => c.standard + c.advanced + c.model,
  'ntm-standard-or-basic-communes': (c: Record<NtmStatus, number>) => c.basic + c.standard + c.advanced + c.model,
} as const;

export interface ReportedPoint {
  indicatorKey: string;
  date: IsoDate;
  reported: number;
  /** The same count in our commune-level record on that date (on the old units, at most their last day). */
  record: number;
  gap: number;
  /** The first row that reported it; `sources` holds every row's source. */
  target: TargetRecord;
  sources: SourceRef[];
}

/**
 * The province's reported totals beside our record on the same dates, and how far apart they are.
 * The same total on the same date from several rows (the seed reports and an article repeating
 * them) is one point with all their sources.
 */
export function reportedVsRecord(
  record: CatalogRecord,
  products: readonly CertificateRecord[],
  targets: readonly TargetRecord[],
  keys: readonly (keyof typeof RECORD_MEASURES | 'ocop-products')[],
): ReportedPoint[] {
  return targets
    .filter((t) => (keys as readonly string[]).includes(t.indicatorKey) && t.actualValue !== null && t.actualDate !== null && t.scope === 'province')
    .map((t) => {
      const date = t.actualDate!;
      let ours: number;
      if (t.indicatorKey === 'ocop-products') ours = products.filter((p) => ocopAsOf(p, date).certified).length;
      else {
        const periods = record.province.unitSets;
        const on = oldUnitsDate(periods, date);
        const input = layerInputFor(oldUnitSetOn(periods, on), record);
        const counts = countStatuses(input.communes, statusesAsOf(input.recognitions, on));
        ours = RECORD_MEASURES[t.indicatorKey as keyof typeof RECORD_MEASURES](counts);
      }
      return { indicatorKey: t.indicatorKey, date, reported: t.actualValue!, record: ours, gap: t.actualValue! - ours, target: t, sources: [t.source] };
    })
    .reduce<ReportedPoint[]>((points, p) => {
      const same = points.find((q) => q.indicatorKey === p.indicatorKey && q.date === p.date && q.reported === p.reported);
      if (same) same.sources.push(...p.sources.filter((s) => !same.sources.some((x) => x.title === s.title && x.date === s.date)));
      else points.push(p);
      return points;
    }, [])
    .sort((a, b) => a.date.localeCompare(b.date));
}

export interface TargetPoint {
  indicatorKey: string;
  year: number;
  value: number;
  text: string;
  target: TargetRecord;
}

/**
 * Province targets with a number and a year, for the given indicators. A target given as a share
 * of communes ("21.7 %") is drawn as the count it means among the province's `xaCount` xã (NTM
 * applies to xã, not to phường or thị trấn), and says so.
 */
export function targetPoints(targets: readonly TargetRecord[], keys: readonly string[], xaCount: number): TargetPoint[] {
  return targets
    .filter((t) => keys.includes(t.indicatorKey) && t.targetValue !== null && t.targetYear !== null && t.scope === 'province')
    .map((t) =>
      t.indicatorKey === 'ntm-standard-share'
        ? {
            indicatorKey: 'ntm-standard-communes',
            year: t.targetYear!,
            value: Math.round((t.targetValue! / 100) * xaCount),
            text: `${t.target} × ${xaCount} xã ≈ ${Math.round((t.targetValue! / 100) * xaCount)}`,
            target: t,
          }
        : { indicatorKey: t.indicatorKey, year: t.targetYear!, value: t.targetValue!, text: t.target ?? '', target: t },
    );
}
