import { batch, signal } from '@preact/signals';
import type { FeatureCollection } from 'geojson';
import { UNIT_SETS, type UnitSet } from '../../server/domain/unit-sets.ts';
import {
  api,
  type BasemapConfig,
  type BoundaryLicences,
  type Config,
  type CrosswalkEntry,
  type Products,
  type Timeline,
  type Units,
  type Zones,
} from '../api.ts';

/*
 * Data loaded from the API, once. Only startLoading, ensureShapes and ensureZoneShapes fetch;
 * components read these signals.
 */

/** Every unit set's units, attributes only (geometry null): the record, counts, charts and search need no shapes. */
export const units = signal<Record<UnitSet, Units> | null>(null);
/** The unit sets whose shapes have loaded (ensureShapes): the map's set first, another set when first shown. */
export const unitShapes = signal<Partial<Record<UnitSet, Units>>>({});
export const crosswalk = signal<CrosswalkEntry[] | null>(null);
export const timeline = signal<Timeline | null>(null);
export const products = signal<Products | null>(null);
/** The raw-material zones' attributes (geometry null): cards, search and targets need no shapes. */
export const zones = signal<Zones | null>(null);
/** The zones with their shapes, once something draws or flies to them (ensureZoneShapes). */
export const zoneShapes = signal<Zones | null>(null);
export const base = signal<{ province: FeatureCollection | null; countries: FeatureCollection | null }>({ province: null, countries: null });
export const basemap = signal<BasemapConfig | null>(null);
/** The source and licence of each unit set's boundaries (the province's until official ones are imported). */
export const boundaryLicences = signal<BoundaryLicences | null>(null);
export const loadError = signal<string | null>(null);
/** True until everything has loaded or loading failed. */
export const loading = signal(true);

/** One load of the record (startLoading): the shapes asked for and those arrived since, by unit set. */
interface Load {
  asked: Map<UnitSet, Promise<void>>;
  arrived: Map<UnitSet, Units>;
  zoneShapes?: Promise<void>;
}
let current: Load = { asked: new Map(), arrived: new Map() };

/** What has arrived in the current load becomes what the map reads. */
const publishShapes = (load: Load) => {
  if (load === current) unitShapes.value = Object.fromEntries(load.arrived);
};

/**
 * Loads everything the map needs (again, after a failure or an import): the record, the shapes of
 * the unit set on the map (`shapesOf`; other sets' when first shown, by ensureShapes), and the
 * configuration unless the caller has it already. All of it lands at once, so what is computed
 * from it is computed once. Returns a function that cancels what is still loading.
 */
export function startLoading({ shapesOf, config }: { shapesOf: UnitSet; config?: Config }): () => void {
  loading.value = true;
  loadError.value = null;
  const ctrl = new AbortController();
  const s = ctrl.signal;
  const load: Load = { asked: new Map(), arrived: new Map() };
  // Zones' shapes come again with this load if they had been asked for; the old ones stay shown meanwhile.
  const zonesShaped = current.zoneShapes !== undefined;
  current = load;
  if (zonesShaped) fetchZoneShapes(load);
  const shapes = api.units(shapesOf, { shapes: true, signal: s });
  const loaded = Promise.all([
    Promise.all(UNIT_SETS.map((set) => (set === shapesOf ? shapes : api.units(set, { shapes: false, signal: s })))),
    api.crosswalk(s),
    api.timeline(s),
    api.products(s),
    api.zones({ shapes: false, signal: s }),
    api.base('province', s),
    api.base('countries', s),
    config ?? api.config(s),
  ]).then(([sets, cw, tl, p, z, province, countries, c]) =>
    batch(() => {
      load.arrived.set(shapesOf, sets[UNIT_SETS.indexOf(shapesOf)]);
      units.value = Object.fromEntries(UNIT_SETS.map((set, i) => [set, sets[i]])) as Record<UnitSet, Units>;
      publishShapes(load);
      crosswalk.value = cw.entries;
      timeline.value = tl;
      products.value = p;
      zones.value = z;
      base.value = { province, countries };
      basemap.value = c.basemap;
      boundaryLicences.value = c.boundaries;
      loading.value = false;
    }),
  );
  load.asked.set(shapesOf, loaded);
  loaded.catch((e: Error) => {
    if (e.name === 'AbortError') return;
    loadError.value = e.message;
    loading.value = false;
  });
  return () => ctrl.abort();
}

/** Loads a unit set's shapes unless they have arrived or are on their way; resolves when they are here. */
export function ensureShapes(set: UnitSet): Promise<void> {
  const load = current;
  const asked = load.asked.get(set);
  if (asked) return asked.catch(() => undefined);
  const request = api.units(set, { shapes: true }).then(
    (u) => {
      load.arrived.set(set, u);
      publishShapes(load);
    },
    (e: Error) => {
      load.asked.delete(set);
      loadError.value = e.message;
    },
  );
  load.asked.set(set, request);
  return request;
}

/** Loads the zones' shapes unless they have arrived or are on their way; resolves when they are here. */
export function ensureZoneShapes(): Promise<void> {
  return current.zoneShapes ?? fetchZoneShapes(current);
}

/** Asks for the zones' shapes for a load: only the latest request of the current load is shown, so an older answer never lands last. */
function fetchZoneShapes(load: Load): Promise<void> {
  const request: Promise<void> = api.zones({ shapes: true }).then(
    (z) => {
      if (load === current && load.zoneShapes === request) zoneShapes.value = z;
    },
    (e: Error) => {
      if (load.zoneShapes === request) load.zoneShapes = undefined;
      loadError.value = e.message;
    },
  );
  load.zoneShapes = request;
  return request;
}

/** The parts of the record an edit can change. */
export type Reloadable = 'timeline' | 'products' | 'zones';

/**
 * Fetches again what an edit changed (recognitions and targets live in the timeline), so the
 * map, cards, charts and counts show it at once under the same as-of rule — no page reload.
 */
export async function reload(what: readonly Reloadable[]): Promise<void> {
  // Zones' shapes again if they had been asked for (something draws them); a request still on its way is superseded.
  if (what.includes('zones') && current.zoneShapes !== undefined) fetchZoneShapes(current);
  const [tl, p, z] = await Promise.all([
    what.includes('timeline') ? api.timeline() : null,
    what.includes('products') ? api.products() : null,
    what.includes('zones') ? api.zones({ shapes: false }) : null,
  ]);
  batch(() => {
    if (tl) timeline.value = tl;
    if (p) products.value = p;
    if (z) zones.value = z;
  });
}
