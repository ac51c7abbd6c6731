import type { Database } from 'better-sqlite3';
import type { CrosswalkRecord, UnitRecord } from '../catalog/records.ts';
import type { Areal } from '../catalog/geodata.ts';
import type { UnitSet } from '../domain/unit-sets.ts';

interface Row {
  unit_set: UnitSet;
  code: string;
  level: 'district' | 'commune';
  name: string;
  type: string;
  full_name: string;
  district_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number;
  label_lon: number;
  label_lat: number;
  geometry: string;
}

/** Administrative units of the three unit sets, and the crosswalks between them. */
export function unitQueries(db: Database) {
  const byLevel = db.prepare('SELECT * FROM units WHERE unit_set = ? AND level = ? ORDER BY code');
  const crosswalk = db.prepare(
    'SELECT from_set AS fromSet, from_code AS fromCode, to_set AS toSet, to_code AS toCode FROM crosswalk ORDER BY from_set, from_code',
  );
  return {
    list(unitSet: UnitSet, level: 'district' | 'commune'): UnitRecord[] {
      return (byLevel.all(unitSet, level) as Row[]).map(toUnit);
    },
    crosswalk(): CrosswalkRecord[] {
      return crosswalk.all() as CrosswalkRecord[];
    },
  };
}

function toUnit(r: Row): UnitRecord {
  return {
    unitSet: r.unit_set,
    code: r.code,
    level: r.level,
    name: r.name,
    type: r.type,
    fullName: r.full_name,
    districtCode: r.district_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    areaKm2: r.area_km2,
    labelPoint: [r.label_lon, r.label_lat],
    geometry: JSON.parse(r.geometry) as Areal,
  };
}
