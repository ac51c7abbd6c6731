import { type CatalogData, catalogData } from '../catalog/data.ts';
import type { BoundaryLicences } from '../catalog/licences.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import type { Store } from './store.ts';

/**
 * Everything the API joins, read once per data version and shared by all requests:
 * the data is small (a few hundred rows) and read far more often than written.
 */
export type Snapshot = CatalogData & {
  /** The licence of each unit set's boundaries (the province's until official ones are imported). */
  boundaryLicences: BoundaryLicences;
};

export function loadSnapshot(store: Store): Snapshot {
  const units = {} as Snapshot['units'];
  for (const set of UNIT_SETS) units[set] = { communes: store.units.list(set, 'commune'), districts: store.units.list(set, 'district') };
  const province = store.province.get();
  const data = catalogData({
    province,
    units,
    crosswalk: store.units.crosswalk(),
    recognitions: store.ntm.recognitions(),
    facts: store.ntm.facts(),
    products: store.ocop.products(),
    zones: store.zones.zones(),
    targets: store.targets.targets(),
  });
  return Object.assign(data, { boundaryLicences: store.boundaryLicences(province) });
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
