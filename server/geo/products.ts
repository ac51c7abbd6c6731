import type { Point } from 'geojson';
import type { ProductProperties } from '../catalog/properties.ts';
import type { ProductRecord, UnitRecord } from '../catalog/records.ts';
import { foldForSearch } from '../domain/text.ts';
import { collection, feature } from './collection.ts';

/**
 * OCOP products as points: on the producer's commune when known, else on the district
 * (`location` says which); a product with no known place is listed with `geometry: null`.
 */
export function productCollection(products: readonly ProductRecord[], units2020: { communes: readonly UnitRecord[]; districts: readonly UnitRecord[] }) {
  const communeName = new Map(units2020.communes.map((c) => [c.code, c.name]));
  const districtName = new Map(units2020.districts.map((d) => [d.code, d.name]));
  const features = products.map(({ point, ...p }) => {
    const properties: ProductProperties = {
      ...p,
      unitSet: '2020',
      communeName: p.communeCode ? (communeName.get(p.communeCode) ?? null) : null,
      districtName: p.districtCode ? (districtName.get(p.districtCode) ?? null) : null,
    };
    const geometry: Point | null = point ? { type: 'Point', coordinates: point } : null;
    return feature(p.id, properties, geometry);
  });
  return collection(features, { unitSet: '2020' as const });
}

/** True when the product's name or producer contains the folded text (see domain/text.ts foldForSearch). */
export function productMatches(p: { name: string; producer: string | null }, folded: string): boolean {
  return foldForSearch(p.name).includes(folded) || (p.producer !== null && foldForSearch(p.producer).includes(folded));
}
