import type { RecognitionRow, FactRow } from './ntm.ts';
import type { ProductRow } from './ocop.ts';
import type { Store } from './store.ts';
import type { TargetRow } from './targets.ts';
import type { CrosswalkEntry, UnitRow } from './units.ts';
import type { ZoneRow } from './zones.ts';

/**
 * Everything the API joins, read once per data version and shared by all requests:
 * the data is small (a few hundred rows) and read far more often than written.
 */
export interface Snapshot {
  districts: UnitRow[];
  communes: UnitRow[];
  units2019: { districts: UnitRow[]; communes: UnitRow[] };
  communes2025: UnitRow[];
  crosswalk: CrosswalkEntry[];
  recognitions: RecognitionRow[];
  facts: FactRow[];
  products: ProductRow[];
  zones: ZoneRow[];
  targets: TargetRow[];
  districtCodes: string[];
}

export function loadSnapshot(store: Store): Snapshot {
  const districts = store.units.list('2020', 'district');
  return {
    districts,
    communes: store.units.list('2020', 'commune'),
    units2019: { districts: store.units.list('2019', 'district'), communes: store.units.list('2019', 'commune') },
    communes2025: store.units.list('2025', 'commune'),
    crosswalk: store.units.crosswalk(),
    recognitions: store.ntm.recognitions(),
    facts: store.ntm.facts(),
    products: store.ocop.products(),
    zones: store.zones.zones(),
    targets: store.targets.targets(),
    districtCodes: districts.map((d) => d.code),
  };
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
