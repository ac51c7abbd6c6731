import type { CommuneDetail, DistrictDetail } from '../server/geo/unit-details.ts';
import type { communeCollection } from '../server/geo/communes.ts';
import type { districtCollection } from '../server/geo/districts.ts';
import type { productCollection } from '../server/geo/products.ts';
import type { zoneCollection } from '../server/geo/zones.ts';
import type { ApiFeature } from '../server/geo/collection.ts';
import type { provinceStats } from '../server/domain/stats.ts';
import type { TargetRow } from '../server/db/targets.ts';
import type { BasemapConfig } from '../server/routes/config.ts';
import type { FeatureCollection, Geometry } from 'geojson';

/**
 * The one place the client talks to the server. Response types come from the server's own
 * builders, so a change of shape there breaks the client's typecheck; what comes in is checked
 * for its outer shape, and errors are decoded from the API's envelope.
 */
export type Communes = ReturnType<typeof communeCollection>;
export type Districts = ReturnType<typeof districtCollection>;
export type Products = ReturnType<typeof productCollection>;
export type Zones = ReturnType<typeof zoneCollection>;
export type Stats = ReturnType<typeof provinceStats<TargetRow>>;
export type CommuneDetailFeature = ApiFeature<CommuneDetail, Geometry>;
export type DistrictDetailFeature = ApiFeature<DistrictDetail, Geometry>;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal, check?: (body: unknown) => boolean): Promise<T> {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(res.status, error?.code ?? 'http_error', error?.message ?? `${path} answered ${res.status}`);
  }
  if (check && !check(body)) throw new ApiRequestError(res.status, 'bad_response', `${path} did not answer the expected shape`);
  return body as T;
}

const isCollection = (b: unknown) => (b as FeatureCollection | null)?.type === 'FeatureCollection' && Array.isArray((b as FeatureCollection).features);
const isFeature = (b: unknown) => (b as { type?: string } | null)?.type === 'Feature';

export const api = {
  communes: (asOf: string, signal?: AbortSignal) => getJson<Communes>(`/api/communes?asOf=${asOf}`, signal, isCollection),
  districts: (asOf: string, signal?: AbortSignal) => getJson<Districts>(`/api/districts?asOf=${asOf}`, signal, isCollection),
  products: (signal?: AbortSignal) => getJson<Products>('/api/products', signal, isCollection),
  zones: (signal?: AbortSignal) => getJson<Zones>('/api/zones', signal, isCollection),
  stats: (asOf: string, signal?: AbortSignal) => getJson<Stats>(`/api/stats?asOf=${asOf}`, signal, (b) => typeof (b as Stats | null)?.communes?.total === 'number'),
  commune: (code: string, asOf: string, signal?: AbortSignal) => getJson<CommuneDetailFeature>(`/api/communes/${code}?asOf=${asOf}`, signal, isFeature),
  district: (code: string, asOf: string, signal?: AbortSignal) => getJson<DistrictDetailFeature>(`/api/districts/${code}?asOf=${asOf}`, signal, isFeature),
  base: (name: 'province' | 'countries', signal?: AbortSignal) => getJson<FeatureCollection>(`/api/base/${name}`, signal, isCollection),
  config: (signal?: AbortSignal) => getJson<{ basemap: BasemapConfig | null }>('/api/config', signal),
};
