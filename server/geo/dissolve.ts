import { area } from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { roundGeometry } from './round.ts';

/**
 * Holes smaller than this (m²) left by dissolving are slivers between source
 * polygons, not real enclaves: GADM's generalised edges leave a few of a few m².
 */
export const SLIVER_HOLE_M2 = 1000;

type Areal = Polygon | MultiPolygon;

/** Union of whole units (communes into a district, old communes into a new one). */
export function dissolve(geometries: readonly Areal[]): Areal {
  if (geometries.length === 0) throw new Error('dissolve: no geometries');
  const merged =
    geometries.length === 1
      ? geometries[0]
      : union(featureCollection(geometries.map((g) => ({ type: 'Feature', properties: {}, geometry: g }) as Feature<Areal>)))?.geometry;
  if (!merged) throw new Error('dissolve: union returned nothing');
  return roundGeometry(dropSliverHoles(merged));
}

function dropSliverHoles(geometry: Areal): Areal {
  const keep = (rings: Position[][]) => [rings[0], ...rings.slice(1).filter((h) => area(polygon([h])) >= SLIVER_HOLE_M2)];
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: keep(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(keep) };
}
