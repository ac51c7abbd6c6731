import type { Database } from 'better-sqlite3';
import type { StoredUnit } from '../../catalog/stored.ts';

interface Row {
  unit_set: StoredUnit['unitSet'];
  code: string;
  level: StoredUnit['level'];
  area_km2: number;
  label_lon: number;
  label_lat: number;
  geometry: string;
}

/** The id of a unit in the audit log: its set and code (`2020:03205`), never its name. */
export const unitEntityId = (set: string, code: string) => `${set}:${code}`;

/**
 * Unit boundaries as stored: read and replace a unit's shape, area and label point. Units are
 * keyed on (unit set, code) and are never added or removed by an edit: every record that names
 * the code keeps pointing at it, so history stays attached to the unit.
 */
export function unitWriter(db: Database) {
  const one = db.prepare('SELECT unit_set, code, level, area_km2, label_lon, label_lat, geometry FROM units WHERE unit_set = ? AND code = ?');
  const update = db.prepare('UPDATE units SET area_km2 = ?, label_lon = ?, label_lat = ?, geometry = ? WHERE unit_set = ? AND code = ?');
  const split = (id: string) => {
    const [set, code] = id.split(':');
    return [set, code] as const;
  };
  return {
    get(id: string): StoredUnit | null {
      const r = one.get(...split(id)) as Row | undefined;
      if (!r) return null;
      return {
        unitSet: r.unit_set,
        code: r.code,
        level: r.level,
        areaKm2: r.area_km2,
        labelPoint: [r.label_lon, r.label_lat],
        geometry: JSON.parse(r.geometry),
      };
    },
    put(u: StoredUnit): void {
      const info = update.run(u.areaKm2, u.labelPoint[0], u.labelPoint[1], JSON.stringify(u.geometry), u.unitSet, u.code);
      if (info.changes !== 1) throw new Error(`no unit ${unitEntityId(u.unitSet, u.code)} to update`);
    },
    remove(id: string): void {
      throw new Error(`unit ${id}: units are never removed, only their boundaries replaced`);
    },
  };
}
