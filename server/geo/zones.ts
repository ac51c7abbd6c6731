import type { Geometry } from 'geojson';
import type { Crop } from '../domain/crops.ts';
import type { SourceRef } from '../db/citations.ts';
import type { Snapshot } from '../db/snapshot.ts';
import type { ZoneRow } from '../db/zones.ts';
import { collection, feature } from './collection.ts';

export type ZoneProperties = Omit<ZoneRow, 'geometry'> & {
  unitSet: '2020';
  districtCodes: string[];
  /** Ids of the OCOP products that depend on the zone (see productLinks for which links are confirmed). */
  products: string[];
  sources: SourceRef[];
};

/**
 * Raw-material zones. Their shapes are the union of the communes (or districts) sources name:
 * `extent` says so, and only "surveyed" would be a real parcel outline.
 */
export function zoneCollection(data: Snapshot, crops?: Crop[]) {
  const districtOf = new Map(data.units['2020'].communes.map((c) => [c.code, c.districtCode!]));
  const features = data.zones
    .filter((z) => !crops || crops.includes(z.crop))
    .map(({ geometry, ...z }) => {
      const properties: ZoneProperties = {
        ...z,
        unitSet: '2020',
        districtCodes: [...new Set(z.communeCodes.map((c) => districtOf.get(c)!))].sort(),
        products: z.productLinks.map((l) => l.id),
        sources: z.facts.map((f) => f.source),
      };
      return feature<ZoneProperties, Geometry>(z.id, properties, geometry);
    });
  return collection(features, { unitSet: '2020' as const });
}
