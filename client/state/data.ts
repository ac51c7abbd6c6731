import { signal } from '@preact/signals';
import type { FeatureCollection } from 'geojson';
import type { UnitSet } from '../../server/domain/unit-sets.ts';
import { api, type BasemapConfig, type BoundaryLicences, type CrosswalkEntry, type Products, type Timeline, type Units, type Zones } from '../api.ts';

/** Data loaded from the API, once. Only startLoading fetches; components read these signals. */
export const units = signal<Record<UnitSet, Units> | null>(null);
export const crosswalk = signal<CrosswalkEntry[] | null>(null);
export const timeline = signal<Timeline | null>(null);
export const products = signal<Products | null>(null);
export const zones = signal<Zones | null>(null);
export const base = signal<{ province: FeatureCollection | null; countries: FeatureCollection | null }>({ province: null, countries: null });
export const basemap = signal<BasemapConfig | null>(null);
/** The source and licence of each unit set's boundaries (the province's until official ones are imported). */
export const boundaryLicences = signal<BoundaryLicences | null>(null);
export const loadError = signal<string | null>(null);
/** True until everything has loaded or loading failed. */
export const loading = signal(true);

/** Loads everything the map needs (again, after a failure); returns a function that cancels what is still loading. */
export function startLoading(): () => void {
  loading.value = true;
  loadError.value = null;
  const ctrl = new AbortController();
  const s = ctrl.signal;
  Promise.all([
    api.units('2019', s),
    api.units('2020', s),
    api.units('2025', s),
    api.crosswalk(s),
    api.timeline(s),
    api.products(s),
    api.zones(s),
    api.base('province', s),
    api.base('countries', s),
    api.config(s),
  ])
    .then(([u2019, u2020, u2025, cw, tl, p, z, province, countries, config]) => {
      units.value = { '2019': u2019, '2020': u2020, '2025': u2025 };
      crosswalk.value = cw.entries;
      timeline.value = tl;
      products.value = p;
      zones.value = z;
      base.value = { province, countries };
      basemap.value = config.basemap;
      boundaryLicences.value = config.boundaries;
      loading.value = false;
    })
    .catch((e: Error) => {
      if (e.name === 'AbortError') return;
      loadError.value = e.message;
      loading.value = false;
    });
  return () => ctrl.abort();
}
