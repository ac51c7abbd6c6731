import type { Point } from 'geojson';
import type { OcopGroup, OcopStars } from '../domain/ocop.ts';
import { foldForSearch } from '../domain/text.ts';
import type { ProductRow } from '../db/ocop.ts';
import type { Snapshot } from '../db/snapshot.ts';
import { collection, feature } from './collection.ts';

export interface ProductFilter {
  district?: string;
  stars?: OcopStars[];
  group?: OcopGroup[];
  q?: string;
}

export type ProductProperties = Omit<ProductRow, 'nameFolded' | 'producerFolded' | 'point' | 'countsFrom'> & {
  unitSet: '2020';
  communeName: string | null;
  districtName: string | null;
  /** The date from which the product counts in "as of" figures. */
  countsFrom: string | null;
};

/** True when a product passes every given filter; `q` ignores diacritics and case. */
export function matchesProductFilter(p: ProductRow, f: ProductFilter): boolean {
  if (f.district !== undefined && p.districtCode !== f.district) return false;
  if (f.stars && (p.stars === null || !f.stars.includes(p.stars))) return false;
  if (f.group && (p.group === null || !f.group.includes(p.group))) return false;
  if (f.q) {
    const q = foldForSearch(f.q);
    if (!p.nameFolded.includes(q) && !(p.producerFolded ?? '').includes(q)) return false;
  }
  return true;
}

/**
 * OCOP products as points: on the producer's commune when known, else on the district
 * (`location` says which); a product with no known place is listed with `geometry: null`.
 */
export function productCollection(data: Snapshot, filter: ProductFilter) {
  const communeName = new Map(data.units['2020'].communes.map((c) => [c.code, c.name]));
  const districtName = new Map(data.units['2020'].districts.map((d) => [d.code, d.name]));
  const features = data.products
    .filter((p) => matchesProductFilter(p, filter))
    .map(({ nameFolded: _n, producerFolded: _p, point, ...p }) => {
      const properties: ProductProperties = {
        ...p,
        unitSet: '2020',
        communeName: p.communeCode ? communeName.get(p.communeCode)! : null,
        districtName: p.districtCode ? districtName.get(p.districtCode)! : null,
      };
      const geometry: Point | null = point ? { type: 'Point', coordinates: point } : null;
      return feature(p.id, properties, geometry);
    });
  return collection(features, { unitSet: '2020' as const });
}
