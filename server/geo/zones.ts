import type { Geometry } from 'geojson';
import type { ZoneProperties } from '../catalog/properties.ts';
import type { UnitRecord, ZoneRecord } from '../catalog/records.ts';
import { collection, feature } from './collection.ts';
import { areaHa } from './measure.ts';

/**
 * Raw-material zones. Their shapes are the union of the communes (or districts) sources name:
 * `extent` says so, and only "surveyed" would be a real parcel outline.
 */
export function zoneCollection(zones: readonly ZoneRecord[], communes2020: readonly UnitRecord[]) {
  const districtOf = new Map(communes2020.map((c) => [c.code, c.districtCode!]));
  const features = zones.map(({ geometry, ...z }) => {
    const properties: ZoneProperties = {
      ...z,
      unitSet: '2020',
      sourceTitle: z.facts.at(-1)?.source.title ?? null,
      sourceDate: z.facts.at(-1)?.source.date ?? null,
      sourceUrl: z.facts.at(-1)?.source.url ?? null,
      districtCodes: [...new Set(z.communeCodes.map((c) => districtOf.get(c)!))].sort(),
      products: z.productLinks.map((l) => l.id),
      sources: z.facts.map((f) => f.source),
      shapeAreaHa: z.extent === 'surveyed' ? areaHa(geometry) : null,
    };
    return feature<ZoneProperties, Geometry>(z.id, properties, geometry);
  });
  return collection(features, { unitSet: '2020' as const });
}
