import { effect, signal } from '@preact/signals';
import { api, type CommuneDetailFeature, type Communes, type DistrictDetailFeature, type Districts, type Products, type Stats, type Zones } from '../api.ts';
import type { BasemapConfig } from '../../server/routes/config.ts';
import type { FeatureCollection } from 'geojson';
import { asOf, selection } from './ui-state.ts';

/** Data loaded from the API. Only these effects fetch; components read the signals. */
export const communes = signal<Communes | null>(null);
export const districts = signal<Districts | null>(null);
export const stats = signal<Stats | null>(null);
export const products = signal<Products | null>(null);
export const zones = signal<Zones | null>(null);
export const base = signal<{ province: FeatureCollection | null; countries: FeatureCollection | null }>({ province: null, countries: null });
export const basemap = signal<BasemapConfig | null>(null);
/** The whole record of the selected commune or district. */
export const detail = signal<CommuneDetailFeature | DistrictDetailFeature | null>(null);
export const loadError = signal<string | null>(null);

function report(e: unknown) {
  if ((e as Error).name !== 'AbortError') loadError.value = (e as Error).message;
}

/** Starts the loading effects; returns a function that stops them. */
export function startLoading(): () => void {
  const once = new AbortController();
  Promise.all([api.products(once.signal), api.zones(once.signal), api.base('province', once.signal), api.base('countries', once.signal), api.config(once.signal)])
    .then(([p, z, province, countries, config]) => {
      products.value = p;
      zones.value = z;
      base.value = { province, countries };
      basemap.value = config.basemap;
    })
    .catch(report);

  const stopDated = effect(() => {
    const date = asOf.value;
    const ctrl = new AbortController();
    Promise.all([api.communes(date, ctrl.signal), api.districts(date, ctrl.signal), api.stats(date, ctrl.signal)])
      .then(([c, d, s]) => {
        communes.value = c;
        districts.value = d;
        stats.value = s;
      })
      .catch(report);
    return () => ctrl.abort();
  });

  const stopDetail = effect(() => {
    const sel = selection.value;
    const date = asOf.value;
    detail.value = null;
    if (!sel || (sel.kind !== 'commune' && sel.kind !== 'district')) return;
    const ctrl = new AbortController();
    (sel.kind === 'commune' ? api.commune(sel.id, date, ctrl.signal) : api.district(sel.id, date, ctrl.signal))
      .then((d) => {
        detail.value = d;
      })
      .catch(report);
    return () => ctrl.abort();
  });

  return () => {
    once.abort();
    stopDated();
    stopDetail();
  };
}
