import type { IsoDate } from './dates.ts';

/**
 * The three unit sets and the dates they were in force, declared once. History lives on the
 * units it happened in: the 2019 set before 2020, the 2020–2025 set until 30 June 2025, the
 * merged units from 1 July 2025.
 */
export const UNIT_SETS = ['2019', '2020', '2025'] as const;
export type UnitSet = (typeof UNIT_SETS)[number];

export const UNIT_SET_PERIODS: Record<UnitSet, { from: IsoDate | null; to: IsoDate | null }> = {
  '2019': { from: null, to: '2019-12-31' },
  '2020': { from: '2020-01-01', to: '2025-06-30' },
  '2025': { from: '2025-07-01', to: null },
};

export const LAST_DAY_OF_OLD_UNITS: IsoDate = UNIT_SET_PERIODS['2020'].to!;
export const FIRST_DAY_OF_NEW_UNITS: IsoDate = UNIT_SET_PERIODS['2025'].from!;
/** The national NTM programme began in 2010: no "as of" date before it means anything. */
export const PROGRAMME_START: IsoDate = '2010-01-01';

/** The unit set in force on a date. */
export function unitSetOn(date: IsoDate): UnitSet {
  if (date < UNIT_SET_PERIODS['2020'].from!) return '2019';
  if (date <= UNIT_SET_PERIODS['2020'].to!) return '2020';
  return '2025';
}

/** Old units only: 2019 before 2020, else the 2020–2025 set (whose statuses stop changing on 30 June 2025). */
export function oldUnitSetOn(date: IsoDate): '2019' | '2020' {
  return unitSetOn(date) === '2019' ? '2019' : '2020';
}

export interface SetRecognition {
  unitSet: UnitSet;
  communeCode: string;
  recordedAs: { unitSet: '2019'; code: string; name: string } | null;
}

/**
 * Recognitions expressed on one set's codes. The record is kept on the 2020–2025 units; on the
 * 2019 set every code is the same except for events recorded for Tà Lèng, which go back to it.
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
 * 2019 set a commune keeps its code but may have had another district (four communes moved to
 * TP Điện Biên Phủ in 2020); on the 2025 set a commune's product belongs to the unit it merged into,
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
