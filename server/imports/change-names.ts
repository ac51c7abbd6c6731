import type { CatalogRecord } from '../catalog/data.ts';
import { UNIT_SETS, type UnitSet } from '../domain/unit-sets.ts';
import { sourceKey } from '../catalog/imports.ts';

type Rec = Record<string, unknown>;

/** The unit codes, product ids and source ids a record holds: its commune and district, a zone's communes, linked products, its facts' sources. */
function referenced(record: unknown): { units: string[]; products: string[]; sources: number[] } {
  if (!record || typeof record !== 'object') return { units: [], products: [], sources: [] };
  const r = record as Rec;
  const strings = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  const links = Array.isArray(r.productLinks) ? (r.productLinks as Rec[]).map((p) => p.id) : [];
  const facts = Array.isArray(r.facts) ? (r.facts as Rec[]) : [];
  const sources = facts.map((f) => (f.citation as Rec | undefined)?.sourceId).filter((id): id is number => typeof id === 'number');
  return { units: [...strings(r.communeCode), ...strings(r.districtCode), ...strings(r.communeCodes)], products: strings(links), sources };
}

/**
 * The names of the codes and ids a change's records hold ("03205" → "Xã Thanh Xương", a product's
 * id → its name), so the import preview shows what a person knows a place or product by.
 * Units are named on the set the change was made on (products and zones live on the 2020–2025
 * units); a code the record does not know stays out, and the preview shows it as it is. The
 * sources a zone's sourced figures cite are named by their title (`sourceKey`), read with
 * `sourceTitle` (a source the import itself adds is not in the data yet).
 */
export function changeNames(
  data: Pick<CatalogRecord, 'units' | 'products'>,
  unitSet: string | null,
  records: unknown[],
  sourceTitle: (id: number) => string | null = () => null,
): Record<string, string> {
  const set: UnitSet = (UNIT_SETS as readonly string[]).includes(unitSet ?? '') ? (unitSet as UnitSet) : '2020';
  const units = data.units[set];
  const names: Record<string, string> = {};
  for (const record of records) {
    const { units: codes, products, sources } = referenced(record);
    for (const id of sources) {
      const title = sourceTitle(id);
      if (title !== null) names[sourceKey(id)] = title;
    }
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
