import { type LayerInput, layerInputFor } from '../geo/layer-input.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import type { Province } from './province.ts';
import type { CrosswalkRecord, FactRecord, ProductRecord, RecognitionRecord, TargetRecord, UnitRecord, ZoneRecord } from './records.ts';

/**
 * The whole record the collections are built from. The server reads it from its database
 * (server/db/snapshot.ts); the client assembles the same shape from the API (client/lib/record.ts),
 * so both build every layer with the same builders and the same "as of" rule.
 */
export interface CatalogRecord {
  /** The province the record is about (geodata/province.json): its dates, extent and licences. */
  province: Province;
  units: Record<UnitSet, { communes: readonly UnitRecord[]; districts: readonly UnitRecord[] }>;
  crosswalk: readonly CrosswalkRecord[];
  recognitions: readonly RecognitionRecord[];
  facts: readonly FactRecord[];
  products: readonly ProductRecord[];
  zones: readonly ZoneRecord[];
  targets: readonly TargetRecord[];
}

export interface CatalogData extends CatalogRecord {
  /** The record expressed on one unit set's codes (computed once per set). */
  on(set: UnitSet): LayerInput;
}

/** Adds the per-unit-set views to a record, each computed on first use. */
export function catalogData(record: CatalogRecord): CatalogData {
  const inputs = new Map<UnitSet, LayerInput>();
  const data: CatalogData = {
    ...record,
    on(set) {
      if (!inputs.has(set)) inputs.set(set, layerInputFor(set, data));
      return inputs.get(set)!;
    },
  };
  return data;
}

/** The names of the province and of its districts in every unit set, once each (e.g. for the words no password may be made of). */
export function placeNames(record: Pick<CatalogRecord, 'province' | 'units'>): string[] {
  const districts = Object.values(record.units).flatMap((u) => u.districts.map((d) => d.name));
  return [...new Set([record.province.name, record.province.fullName, ...districts])];
}
