import { area } from '@turf/area';
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon } from 'geojson';
import { roundPosition } from './round.ts';

/** Geodesic area in km², rounded to 5 decimals like the source files. */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return Math.round(area(geometry) / 10) / 1e5;
}

/** Geodesic area in hectares, the unit zones are stated in, to 0.01 ha: areaKm2's figure, so the two never disagree. */
export function areaHa(geometry: Polygon | MultiPolygon): number {
  return Math.round(areaKm2(geometry) * 1e4) / 100;
}

/**
 * The point where a label or a marker for a unit goes: the pole of inaccessibility
 * of its largest part, which, unlike a centroid, always lies inside the shape.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((a, b) => (area({ type: 'Polygon', coordinates: b }) > area({ type: 'Polygon', coordinates: a }) ? b : a));
  const p = polylabel(largest as [number, number][][], 0.0005);
  const [lon, lat] = roundPosition([p[0], p[1]]);
  return [lon, lat];
}
