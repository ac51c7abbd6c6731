import type { Geometry } from 'geojson';
import type { CrosswalkEntry, UnitProperties } from '../catalog/properties.ts';
import type { CrosswalkRecord, UnitRecord } from '../catalog/records.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { collection, feature } from './collection.ts';
import { formerCodesOf } from './layer-input.ts';

/** The units of one set, districts then communes, as they were while the set was in force. */
export function unitCollection(
  set: UnitSet,
  units: { communes: readonly UnitRecord[]; districts: readonly UnitRecord[] },
  crosswalk: readonly CrosswalkRecord[],
  { skipGeometry = false } = {},
) {
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
    return feature<UnitProperties, Geometry | null>(`${set}-${u.code}`, properties, skipGeometry ? null : u.geometry);
  });
  return collection(features, { unitSet: set });
}

/** Old code → new code with both names and types: 2019 → 2020 (Tà Lèng into Thanh Minh) and 2020 → 2025. */
export function crosswalkEntries(units: Record<UnitSet, { communes: readonly UnitRecord[] }>, crosswalk: readonly CrosswalkRecord[]): CrosswalkEntry[] {
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
