import type { FeatureCollection, Geometry } from 'geojson';
import type { UnitSet } from '../server/domain/geodata.ts';
import type { FactRow, RecognitionRow } from '../server/db/ntm.ts';
import type { TargetRow } from '../server/db/targets.ts';
import type { ApiFeatureCollection } from '../server/geo/collection.ts';
import type { productCollection } from '../server/geo/products.ts';
import type { CrosswalkEntry, UnitProperties } from '../server/geo/units.ts';
import type { zoneCollection } from '../server/geo/zones.ts';
import type { BasemapConfig } from '../server/routes/config.ts';
import type { UNIT_SET_PERIODS } from '../server/domain/unit-sets.ts';

/**
 * The one place the client talks to the server. It loads the record once (units of every set,
 * the timeline of recognitions, products, zones) and computes "as of" itself with the server's
 * own code, so moving in time costs no request. Response types come from the server's builders,
 * so a change of shape there breaks the client's typecheck; what comes in is checked for its
 * outer shape, and errors are decoded from the API's envelope.
 */
export type Units = ApiFeatureCollection<UnitProperties, Geometry> & { unitSet: UnitSet };
export type Products = ReturnType<typeof productCollection>;
export type Zones = ReturnType<typeof zoneCollection>;
export interface Timeline {
  unitSets: typeof UNIT_SET_PERIODS;
  recognitions: RecognitionRow[];
  facts: FactRow[];
  targets: TargetRow[];
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal: AbortSignal | undefined, check: (body: unknown) => boolean): Promise<T> {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(res.status, error?.code ?? 'http_error', error?.message ?? `${path} answered ${res.status}`);
  }
  if (!check(body)) throw new ApiRequestError(res.status, 'bad_response', `${path} did not answer the expected shape`);
  return body as T;
}

const isCollection = (b: unknown) => (b as FeatureCollection | null)?.type === 'FeatureCollection' && Array.isArray((b as FeatureCollection).features);
const hasArrays =
  (...keys: string[]) =>
  (b: unknown) =>
    b !== null && typeof b === 'object' && keys.every((k) => Array.isArray((b as Record<string, unknown>)[k]));

export const api = {
  units: (set: UnitSet, signal?: AbortSignal) => getJson<Units>(`/api/units?set=${set}`, signal, isCollection),
  crosswalk: (signal?: AbortSignal) => getJson<{ entries: CrosswalkEntry[] }>('/api/crosswalk', signal, hasArrays('entries')),
  timeline: (signal?: AbortSignal) => getJson<Timeline>('/api/timeline', signal, hasArrays('recognitions', 'facts', 'targets')),
  products: (signal?: AbortSignal) => getJson<Products>('/api/products', signal, isCollection),
  zones: (signal?: AbortSignal) => getJson<Zones>('/api/zones', signal, isCollection),
  base: (name: 'province' | 'countries', signal?: AbortSignal) => getJson<FeatureCollection>(`/api/base/${name}`, signal, isCollection),
  config: (signal?: AbortSignal) =>
    getJson<{ basemap: BasemapConfig | null }>('/api/config', signal, (b) => b !== null && typeof b === 'object' && 'basemap' in (b as object)),
};
