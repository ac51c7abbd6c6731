import type { UnitSet } from '../../server/domain/geodata.ts';
import type { Record3, UnitLike } from '../../server/geo/layer-input.ts';
import type { CrosswalkEntry } from '../../server/geo/units.ts';
import type { Products, Timeline, Units } from '../api.ts';

/** The record the layer builders join, from what the API sent: the same shape the server joins. */
export function recordFromApi(units: Record<UnitSet, Units>, timeline: Timeline, products: Products, crosswalk: CrosswalkEntry[]): Record3 {
  const unitsOf = (fc: Units, level: 'commune' | 'district'): UnitLike[] =>
    fc.features.filter((f) => f.properties.level === level).map((f) => ({ ...f.properties, geometry: f.geometry as UnitLike['geometry'] }));
  const sets = {} as Record<UnitSet, { communes: UnitLike[]; districts: UnitLike[] }>;
  for (const s of ['2019', '2020', '2025'] as const) sets[s] = { communes: unitsOf(units[s], 'commune'), districts: unitsOf(units[s], 'district') };
  return { units: sets, recognitions: timeline.recognitions, products: products.features.map((f) => f.properties), facts: timeline.facts, crosswalk };
}
