import { booleanIntersects } from '@turf/boolean-intersects';
import type { Geometry, Polygon } from 'geojson';

/** [west, south, east, north] of any geometry with coordinates. */
export function bboxOf(geometry: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  if ('coordinates' in geometry) visit(geometry.coordinates);
  return b;
}

/** A [west, south, east, north] box as a polygon. */
export function bboxPolygon([w, s, e, n]: readonly number[]): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** The features whose shape intersects the region (bounding boxes first, then the exact test); none without a shape. */
export function intersecting<F extends { geometry: Geometry | null }>(features: readonly F[], region: Polygon): F[] {
  const [w, s, e, n] = bboxOf(region);
  return features.filter((f) => {
    if (!f.geometry) return false;
    const [gw, gs, ge, gn] = bboxOf(f.geometry);
    return gw <= e && ge >= w && gs <= n && gn >= s && booleanIntersects(region, f.geometry);
  });
}
