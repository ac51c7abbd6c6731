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
  return (
    rows
      .filter((r) => r.indicatorKey === key && r.actualValue !== null && (reportDescribes(r) ?? '9999') <= date)
      .sort(
        (a, b) =>
          reportDescribes(b)!.localeCompare(reportDescribes(a)!) ||
          rank[a.source.confidence] - rank[b.source.confidence] ||
          b.actualDate!.localeCompare(a.actualDate!),
      )[0] ?? null
  );
}
