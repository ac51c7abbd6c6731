import type { Point } from 'geojson';
import type { CatalogRecord } from '../../server/catalog/data.ts';
import type { Province } from '../../server/catalog/province.ts';
import type { UnitRecord, ZoneRecord } from '../../server/catalog/records.ts';
import { UNIT_SETS, type UnitSet } from '../../server/domain/unit-sets.ts';
import type { CrosswalkEntry, Products, Timeline, Units, Zones } from '../api.ts';

/** The record the catalog's builders join, from what the API sent: the same shape the server reads from its database. */
export function recordFromApi(
  province: Province,
  units: Record<UnitSet, Units>,
  timeline: Timeline,
  products: Products,
  crosswalk: CrosswalkEntry[],
  zones?: Zones,
): CatalogRecord {
  const unitsOf = (fc: Units, level: 'commune' | 'district'): UnitRecord[] =>
    fc.features.filter((f) => f.properties.level === level).map((f) => ({ ...f.properties, geometry: f.geometry as UnitRecord['geometry'] }));
  const sets = {} as CatalogRecord['units'];
  for (const s of UNIT_SETS) sets[s] = { communes: unitsOf(units[s], 'commune'), districts: unitsOf(units[s], 'district') };
  return {
    province,
    units: sets,
    recognitions: timeline.recognitions,
    facts: timeline.facts,
    targets: timeline.targets,
    products: products.features.map((f) => ({
      ...f.properties,
      point: ((f.geometry as Point | null)?.coordinates.slice(0, 2) as [number, number] | null) ?? null,
    })),
    zones: (zones?.features ?? []).map((f) => ({ ...f.properties, geometry: f.geometry as ZoneRecord['geometry'] })),
    crosswalk,
  };
}
