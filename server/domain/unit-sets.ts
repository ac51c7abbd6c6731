import type { IsoDate } from './dates.ts';

/**
 * The three unit sets, as generations: the units before the 2020 change ('2019'), those of
 * 2020–2025 ('2020') and those of the 2025 reform ('2025', no districts). History lives on the
 * units it happened in. When each set was in force is the province's data (geodata/province.json,
 * server/catalog/province.ts), passed to these rules as `periods`.
 */
export const UNIT_SETS = ['2019', '2020', '2025'] as const;
export type UnitSet = (typeof UNIT_SETS)[number];

/** When each unit set was in force: the first set has no start, the last no end. */
export type UnitSetPeriods = Record<UnitSet, { from: IsoDate | null; to: IsoDate | null }>;

/** The last day of the old units: their record stops changing then (no merged commune keeps its status). */
export function lastDayOfOldUnits(periods: UnitSetPeriods): IsoDate {
  return periods['2020'].to!;
}

/** The first day of the units of the 2025 reform. */
export function firstDayOfNewUnits(periods: UnitSetPeriods): IsoDate {
  return periods['2025'].from!;
}

/** The date old units are read at: the date itself, or their last day after it. */
export function oldUnitsDate(periods: UnitSetPeriods, date: IsoDate): IsoDate {
  const last = lastDayOfOldUnits(periods);
  return date < last ? date : last;
}

/** The unit set in force on a date. */
export function unitSetOn(periods: UnitSetPeriods, date: IsoDate): UnitSet {
  if (date < periods['2020'].from!) return '2019';
  if (date <= periods['2020'].to!) return '2020';
  return '2025';
}

/** Old units only: the 2019 set before the 2020 change, else the 2020–2025 set (whose statuses stop changing on its last day). */
export function oldUnitSetOn(periods: UnitSetPeriods, date: IsoDate): '2019' | '2020' {
  return unitSetOn(periods, date) === '2019' ? '2019' : '2020';
}

export interface SetRecognition {
  unitSet: UnitSet;
  communeCode: string;
  recordedAs: { unitSet: '2019'; code: string; name: string } | null;
}

/**
 * Recognitions expressed on one set's codes. The record is kept on the 2020–2025 units; on the
 * 2019 set every code is the same except for events recorded on a unit the 2020 change retired
 * (`recordedAs`), which go back to it.
 * The 2025 set has only recognitions made on its own units.
 */
export function recognitionsOnSet<R extends SetRecognition>(recognitions: readonly R[], set: UnitSet): R[] {
  if (set === '2025') return recognitions.filter((r) => r.unitSet === '2025');
  const old = recognitions.filter((r) => r.unitSet === '2020');
  if (set === '2020') return old;
  return old.map((r) => (r.recordedAs?.unitSet === '2019' ? { ...r, communeCode: r.recordedAs.code } : r));
}

export interface PlacedProduct {
  location: 'commune' | 'district' | null;
  communeCode: string | null;
  districtCode: string | null;
}

/**
 * Products placed on one set's units. Their places are recorded on the 2020–2025 units; on the
 * 2019 set a commune keeps its code but may have had another district (the 2020 change can move
 * communes between districts); on the 2025 set a commune's product belongs to the unit it merged into,
 * and one placed only at district level has no unit there.
 */
export function productsOnSet<P extends PlacedProduct>(
  products: readonly P[],
  set: UnitSet,
  communes: readonly { code: string; districtCode: string | null }[],
  to2025: ReadonlyMap<string, string>,
): P[] {
  if (set === '2020') return [...products];
  if (set === '2019') {
    const districtOf = new Map(communes.map((c) => [c.code, c.districtCode]));
    return products.map((p) => (p.location === 'commune' ? { ...p, districtCode: districtOf.get(p.communeCode!) ?? p.districtCode } : p));
  }
  return products.map((p) =>
    p.location === 'commune'
      ? { ...p, communeCode: to2025.get(p.communeCode!) ?? null, districtCode: null }
      : { ...p, location: null, communeCode: null, districtCode: null },
  );
}
