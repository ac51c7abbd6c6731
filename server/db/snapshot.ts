import type { UnitSet } from '../domain/geodata.ts';
import { UNIT_SETS } from '../domain/units.ts';
import { type LayerInput, layerInputFor, type Record3 } from '../geo/layer-input.ts';
import type { ProductRow } from './ocop.ts';
import type { Store } from './store.ts';
import type { TargetRow } from './targets.ts';
import type { UnitRow } from './units.ts';
import type { ZoneRow } from './zones.ts';

/**
 * Everything the API joins, read once per data version and shared by all requests:
 * the data is small (a few hundred rows) and read far more often than written.
 */
export interface Snapshot extends Record3 {
  units: Record<UnitSet, { communes: UnitRow[]; districts: UnitRow[] }>;
  products: ProductRow[];
  zones: ZoneRow[];
  targets: TargetRow[];
  /** The record expressed on one unit set's codes (computed once per set). */
  on(set: UnitSet): LayerInput;
}

export function loadSnapshot(store: Store): Snapshot {
  const units = Object.fromEntries(
    UNIT_SETS.map((set) => [set, { communes: store.units.list(set, 'commune'), districts: store.units.list(set, 'district') }]),
  ) as Snapshot['units'];
  const inputs = new Map<UnitSet, LayerInput>();
  const snapshot: Snapshot = {
    units,
    crosswalk: store.units.crosswalk(),
    recognitions: store.ntm.recognitions(),
    facts: store.ntm.facts(),
    products: store.ocop.products(),
    zones: store.zones.zones(),
    targets: store.targets.targets(),
    on(set) {
      if (!inputs.has(set)) inputs.set(set, layerInputFor(set, snapshot));
      return inputs.get(set)!;
    },
  };
  return snapshot;
}

/** A loader that re-reads the snapshot only when `version()` changes. */
export function snapshots(store: Store, version: () => string): () => Snapshot {
  let loadedAt: string | null = null;
  let current: Snapshot | null = null;
  return () => {
    const v = version();
    if (v !== loadedAt || !current) {
      current = loadSnapshot(store);
      loadedAt = v;
    }
    return current;
  };
}
