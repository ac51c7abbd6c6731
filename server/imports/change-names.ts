import type { CatalogRecord } from '../catalog/data.ts';
import { UNIT_SETS, type UnitSet } from '../domain/unit-sets.ts';

type Rec = Record<string, unknown>;

/** The unit codes and product ids a record holds: its commune and district, a zone's communes, linked products. */
function referenced(record: unknown): { units: string[]; products: string[] } {
  if (!record || typeof record !== 'object') return { units: [], products: [] };
  const r = record as Rec;
  const strings = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  const links = Array.isArray(r.productLinks) ? (r.productLinks as Rec[]).map((p) => p.id) : [];
  return { units: [...strings(r.communeCode), ...strings(r.districtCode), ...strings(r.communeCodes)], products: strings(links) };
}

/**
 * The names of the codes and ids a change's records hold ("03205" → "Xã Thanh Xương", a product's
 * id → its name), so the import preview shows what a person knows a place or product by.
 * Units are named on the set the change was made on (products and zones live on the 2020–2025
 * units); a code the record does not know stays out, and the preview shows it as it is.
 */
export function changeNames(data: Pick<CatalogRecord, 'units' | 'products'>, unitSet: string | null, records: unknown[]): Record<string, string> {
  const set: UnitSet = (UNIT_SETS as readonly string[]).includes(unitSet ?? '') ? (unitSet as UnitSet) : '2020';
  const units = data.units[set];
  const names: Record<string, string> = {};
  for (const record of records) {
    const { units: codes, products } = referenced(record);
    for (const code of codes) {
      const unit = units.communes.find((u) => u.code === code) ?? units.districts.find((u) => u.code === code);
      if (unit) names[code] = unit.fullName;
    }
    for (const id of products) {
      const product = data.products.find((p) => p.id === id);
      if (product) names[id] = product.name;
    }
  }
  return names;
}
