import { type PlacedProduct, productsOnSet, recognitionsOnSet, type UnitSet } from '../domain/unit-sets.ts';
import type { CertificateRecord } from '../domain/ocop-as-of.ts';
import type { CatalogRecord } from '../catalog/data.ts';
import type { CrosswalkRecord, FactRecord, RecognitionRecord, UnitRecord } from '../catalog/records.ts';

/**
 * What the layer builders join, for one unit set. The server fills it from its database
 * snapshot and the client from the API, so both build the very same layers with the same code.
 */
export type UnitLike = Omit<UnitRecord, 'unitSet' | 'level'>;

export type ProductLike = CertificateRecord & PlacedProduct;

export interface LayerInput {
  unitSet: UnitSet;
  communes: readonly UnitLike[];
  districts: readonly UnitLike[];
  recognitions: readonly RecognitionRecord[];
  products: readonly ProductLike[];
  facts: readonly FactRecord[];
}

/** The parts of the record the NTM layers need. */
export type NtmRecord = Pick<CatalogRecord, 'units' | 'recognitions' | 'products' | 'facts' | 'crosswalk'>;

/** The record expressed on one set's units: codes, districts and places as they were then. */
export function layerInputFor(set: UnitSet, record: NtmRecord): LayerInput {
  const to2025 = new Map(record.crosswalk.filter((x) => x.fromSet === '2020' && x.toSet === '2025').map((x) => [x.fromCode, x.toCode]));
  const { communes, districts } = record.units[set];
  return {
    unitSet: set,
    communes,
    districts,
    recognitions: recognitionsOnSet(record.recognitions, set),
    products: productsOnSet(record.products, set, communes, to2025),
    facts: record.facts.filter((f) => f.unitSet === set),
  };
}

/** The former (2020-set) communes of each 2025 unit, from the crosswalk. */
export function formerCodesOf(crosswalk: readonly CrosswalkRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const x of crosswalk) {
    if (x.fromSet !== '2020' || x.toSet !== '2025') continue;
    out.set(x.toCode, [...(out.get(x.toCode) ?? []), x.fromCode].sort());
  }
  return out;
}
