import type { Crop } from '../../server/domain/crops.ts';
import type { OcopGroup, OcopStars } from '../../server/domain/ocop.ts';

/** The legend's filters: an empty list means "all". */
export interface ProductFilters {
  stars: readonly OcopStars[];
  groups: readonly OcopGroup[];
}

export function productPasses(p: { stars: OcopStars | null; group: OcopGroup | null }, f: ProductFilters): boolean {
  return (
    (f.stars.length === 0 || (p.stars !== null && f.stars.includes(p.stars))) && (f.groups.length === 0 || (p.group !== null && f.groups.includes(p.group)))
  );
}

export function zonePasses(z: { crop: Crop }, crops: readonly Crop[]): boolean {
  return crops.length === 0 || crops.includes(z.crop);
}
