import type { Geometry } from 'geojson';
import type { UnitSet } from '../domain/geodata.ts';
import type { UnitRow } from '../db/units.ts';
import { collection, feature } from './collection.ts';
import { formerCodesOf, type Record3 } from './layer-input.ts';

/** A unit of one set, as it was while the set was in force; 2025 units list the old communes merged whole into them. */
export type UnitProperties = Omit<UnitRow, 'geometry'> & { formerCodes?: string[] };

/** The units of one set, districts then communes, as they were while the set was in force. */
export function unitCollection(set: UnitSet, units: { communes: readonly UnitRow[]; districts: readonly UnitRow[] }, crosswalk: Record3['crosswalk']) {
  const former = set === '2025' ? formerCodesOf(crosswalk) : null;
  const features = [...units.districts, ...units.communes].map((u) => {
    const properties: UnitProperties = {
      code: u.code,
      unitSet: set,
      level: u.level,
      name: u.name,
      type: u.type,
      fullName: u.fullName,
      districtCode: u.districtCode,
      validFrom: u.validFrom,
      validTo: u.validTo,
      areaKm2: u.areaKm2,
      labelPoint: u.labelPoint,
      ...(former ? { formerCodes: former.get(u.code) ?? [] } : {}),
    };
    return feature<UnitProperties, Geometry>(`${set}-${u.code}`, properties, u.geometry);
  });
  return collection(features, { unitSet: set });
}

export interface CrosswalkEntry {
  fromSet: UnitSet;
  fromCode: string;
  fromName: string;
  fromType: string;
  toSet: UnitSet;
  toCode: string;
  toName: string;
  toType: string;
}

/** Old code → new code with both names and types: 2019 → 2020 (Tà Lèng into Thanh Minh) and 2020 → 2025. */
export function crosswalkEntries(units: Record<UnitSet, { communes: readonly UnitRow[] }>, crosswalk: Record3['crosswalk']): CrosswalkEntry[] {
  const unit = (set: UnitSet, code: string) => units[set].communes.find((c) => c.code === code)!;
  return crosswalk.map((x) => {
    const from = unit(x.fromSet, x.fromCode);
    const to = unit(x.toSet, x.toCode);
    return {
      fromSet: x.fromSet,
      fromCode: x.fromCode,
      fromName: from.name,
      fromType: from.type,
      toSet: x.toSet,
      toCode: x.toCode,
      toName: to.name,
      toType: to.type,
    };
  });
}
