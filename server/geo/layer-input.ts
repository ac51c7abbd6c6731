import type { UnitSet } from '../domain/geodata.ts';
import type { ProductRecord } from '../domain/ocop-as-of.ts';
import { type PlacedProduct, productsOnSet, recognitionsOnSet } from '../domain/unit-sets.ts';
import type { FactRow, RecognitionRow } from '../db/ntm.ts';
import type { UnitRow } from '../db/units.ts';

/**
 * What the layer builders join, for one unit set. The server fills it from its database
 * snapshot and the client from the API, so both build the very same layers with the same code.
 */
export type UnitLike = Omit<UnitRow, 'unitSet' | 'level'>;

export type ProductLike = ProductRecord & PlacedProduct;

export interface LayerInput {
  unitSet: UnitSet;
  communes: readonly UnitLike[];
  districts: readonly UnitLike[];
  recognitions: readonly RecognitionRow[];
  products: readonly ProductLike[];
  facts: readonly FactRow[];
}

/** Every unit set and the record, as loaded. */
export interface Record3 {
  units: Record<UnitSet, { communes: readonly UnitLike[]; districts: readonly UnitLike[] }>;
  recognitions: readonly RecognitionRow[];
  products: readonly ProductLike[];
  facts: readonly FactRow[];
  crosswalk: readonly { fromSet: UnitSet; fromCode: string; toSet: UnitSet; toCode: string }[];
}

/** The record expressed on one set's units: codes, districts and places as they were then. */
export function layerInputFor(set: UnitSet, record: Record3): LayerInput {
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
export function formerCodesOf(crosswalk: Record3['crosswalk']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const x of crosswalk) {
    if (x.fromSet !== '2020' || x.toSet !== '2025') continue;
    out.set(x.toCode, [...(out.get(x.toCode) ?? []), x.fromCode].sort());
  }
  return out;
}
