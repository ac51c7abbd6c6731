import type { Database } from 'better-sqlite3';
import type { Areal, UnitSet } from '../domain/geodata.ts';

export interface UnitRow {
  unitSet: UnitSet;
  code: string;
  level: 'district' | 'commune';
  name: string;
  type: string;
  fullName: string;
  districtCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  areaKm2: number;
  labelPoint: [number, number];
  geometry: Areal;
}

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

export interface CrosswalkEntry {
  fromSet: UnitSet;
  fromCode: string;
  toSet: UnitSet;
  toCode: string;
}

/** Administrative units of the three unit sets, and the crosswalks between them. */
export function unitQueries(db: Database) {
  const byLevel = db.prepare('SELECT * FROM units WHERE unit_set = ? AND level = ? ORDER BY code');
  const crosswalk = db.prepare(
    'SELECT from_set AS fromSet, from_code AS fromCode, to_set AS toSet, to_code AS toCode FROM crosswalk ORDER BY from_set, from_code',
  );
  return {
    list(unitSet: UnitSet, level: 'district' | 'commune'): UnitRow[] {
      return (byLevel.all(unitSet, level) as Row[]).map(toUnit);
    },
    crosswalk(): CrosswalkEntry[] {
      return crosswalk.all() as CrosswalkEntry[];
    },
  };
}

function toUnit(r: Row): UnitRow {
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
