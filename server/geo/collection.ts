import type { Geometry } from 'geojson';

/** An RFC 7946 Feature whose `id` repeats the property that identifies it. */
export interface ApiFeature<P, G extends Geometry | null = Geometry> {
  type: 'Feature';
  id: string;
  properties: P;
  geometry: G;
}

export interface ApiFeatureCollection<P, G extends Geometry | null = Geometry> {
  type: 'FeatureCollection';
  features: ApiFeature<P, G>[];
}

export function feature<P, G extends Geometry | null>(id: string, properties: P, geometry: G): ApiFeature<P, G> {
  return { type: 'Feature', id, properties, geometry };
}

/**
 * A FeatureCollection with foreign members that say what it is of (RFC 7946 §6.1 allows
 * them): the unit set its codes belong to and the date its statuses are as of.
 */
export function collection<P, G extends Geometry | null, M extends object>(features: ApiFeature<P, G>[], members: M): ApiFeatureCollection<P, G> & M {
  return { type: 'FeatureCollection', ...members, features };
}
