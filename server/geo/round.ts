import type { Geometry, Position } from 'geojson';

/** 5 decimals of a degree is about 1 m: the precision of our sources. */
export const COORDINATE_DECIMALS = 5;

export function roundPosition(p: Position, decimals = COORDINATE_DECIMALS): Position {
  const f = 10 ** decimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** Rounds every coordinate of a Polygon or MultiPolygon. */
export function roundGeometry<G extends Geometry>(geometry: G, decimals = COORDINATE_DECIMALS): G {
  const ring = (r: Position[]) => r.map((p) => roundPosition(p, decimals));
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: roundPosition(geometry.coordinates, decimals) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(ring) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
    default:
      throw new Error(`roundGeometry: unsupported geometry type ${geometry.type}`);
  }
}
