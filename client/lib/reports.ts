import type { IsoDate } from '../../server/domain/dates.ts';
import { lastDayOfOldUnits, type UnitSetPeriods } from '../../server/domain/unit-sets.ts';
import type { TargetRecord } from '../../server/catalog/records.ts';

/** Indicators that count communes of the old units (2020–2025), whose record closed on their last day. */
const OLD_UNIT_COUNTS = new Set(['ntm-standard-communes', 'ntm-standard-or-basic-communes']);

/**
 * The date a reported total describes. A count of old-unit communes reported after the old units
 * ended (a report "as of July 2025" after a 30 June merger) can only describe their last day.
 */
export function reportDescribesOn(row: TargetRecord, periods: UnitSetPeriods): IsoDate | null {
  if (row.actualDate === null) return null;
  const last = lastDayOfOldUnits(periods);
  return OLD_UNIT_COUNTS.has(row.indicatorKey) && row.actualDate > last ? last : row.actualDate;
}

/** The latest total the province reported for an indicator by a date (the most confident of equals). */
export function latestReport(rows: readonly TargetRecord[], key: string, date: IsoDate, periods: UnitSetPeriods): TargetRecord | null {
  const reportDescribes = (r: TargetRecord) => reportDescribesOn(r, periods);
  const rank = { high: 0, medium: 1, low: 2 } as const;
  // One pass (it runs at every step in time): the latest described date, then the most confident, then the latest report.
  let best: TargetRecord | null = null;
  let bestDescribes = '';
  for (const r of rows) {
    if (r.indicatorKey !== key || r.actualValue === null) continue;
    const d = reportDescribes(r);
    if (d === null || d > date) continue;
    const better =
      !best ||
      d > bestDescribes ||
      (d === bestDescribes &&
        (rank[r.source.confidence] < rank[best.source.confidence] ||
          (rank[r.source.confidence] === rank[best.source.confidence] && r.actualDate! > best.actualDate!)));
    if (better) {
      best = r;
      bestDescribes = d;
    }
  }
  return best;
}
