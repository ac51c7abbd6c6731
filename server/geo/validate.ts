import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { boundariesMeet, crossings, partsMeet } from './crossings.ts';
import { shapeMessages as G } from '../messages/shapes.ts';
import { type Text, TextError } from '../messages/text.ts';
import { COORDINATE_DECIMALS, roundPosition } from './round.ts';

/**
 * Checks of a shape a user draws or uploads, before it is stored: well-formed GeoJSON in
 * longitude/latitude, closed rings, no self-intersections, a bounded number of vertices, and
 * lying in the province. Pure and isomorphic: the editing form runs the same checks.
 */
export type Areal = Polygon | MultiPolygon;

/** The most vertices one shape may have: a surveyed zone of a few thousand points is plenty. */
export const MAX_VERTICES = 50_000;

/** The share of a shape's area that must lie within the province's communes. */
export const MIN_SHARE_INSIDE = 0.95;

/** Why a shape with this share inside the province is refused. Rounded down: 94.96 % must not read as the 95 % required. */
export const tooLittleInside = (share: number): Text => G.tooLittleInside(Math.floor(share * 1000) / 10, MIN_SHARE_INSIDE * 100);

/** What is wrong with a shape, in every language (`text`); `message` is its English. */
export class GeometryError extends TextError {}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((v) => typeof v === 'number' && Number.isFinite(v));

function checkRing(ring: unknown, where: Text): Position[] {
  if (!Array.isArray(ring) || ring.length < 4) throw new GeometryError(G.tooFewPositions(where));
  for (const [i, p] of ring.entries()) {
    if (!isPosition(p)) throw new GeometryError(G.notPosition(where, i));
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
      throw new GeometryError(G.notLonLat(where, i, p));
    }
  }
  const [a, z] = [ring[0] as Position, ring.at(-1) as Position];
  if (a[0] !== z[0] || a[1] !== z[1]) throw new GeometryError(G.notClosed(where));
  // As stored: rounded to ~1 m, a position repeated at once dropped (GIS exports often repeat one; it is no corner).
  const rounded = (ring as Position[]).map((p) => roundPosition(p));
  const corners = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1][0] || p[1] !== rounded[i - 1][1]);
  // Distinct, not only unrepeated at once: A B A B A has five positions but two corners.
  if (corners.length < 4 || new Set(corners.map((p) => `${p[0]},${p[1]}`)).size < 3) throw new GeometryError(G.tooFewCorners(where));
  if (onOneLine(corners)) throw new GeometryError(G.noArea(where));
  return corners;
}

/**
 * Whether every corner lies on the line through the first two: a ring with no area. Decided exactly
 * on the ~1 m grid positions are stored on (whole numbers of 10⁻⁵ degree, taken from the first corner:
 * the products stay far below 2⁵³ for any shape on Earth), so a ring that is thin but real is kept.
 */
function onOneLine(corners: readonly Position[]): boolean {
  const grid = 10 ** COORDINATE_DECIMALS;
  const [x0, y0] = corners[0];
  const steps = corners.map(([x, y]) => [Math.round((x - x0) * grid), Math.round((y - y0) * grid)]);
  const [dx, dy] = steps.find(([x, y]) => x !== 0 || y !== 0)!;
  return steps.every(([x, y]) => dx * y - dy * x === 0);
}

/**
 * A well-formed Polygon or MultiPolygon in lon/lat, rounded to ~1 m and checked as rounded (what is
 * stored), or a GeometryError saying what is wrong.
 */
export function parseAreal(input: { type: string; coordinates: unknown[] }): Areal {
  const polygons: unknown[] = input.type === 'Polygon' ? [input.coordinates] : input.type === 'MultiPolygon' ? input.coordinates : [];
  if (!polygons.length) throw new GeometryError(G.notAreal(input.type));
  let vertices = 0;
  const parts = polygons.map((rings, i) => {
    if (!Array.isArray(rings) || rings.length === 0) throw new GeometryError(G.noRings(i));
    return rings.map((ring, j) => {
      const checked = checkRing(ring, G.ring(i, j));
      vertices += checked.length;
      return checked;
    });
  });
  if (vertices > MAX_VERTICES) throw new GeometryError(G.tooManyVertices(vertices, MAX_VERTICES));
  for (const [i, rings] of parts.entries()) {
    const met = crossings(rings);
    if (met) throw new GeometryError(G.crossesItself(i, met));
  }
  checkPartsApart(parts);
  return input.type === 'Polygon' ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/** Below this common area (m²), parts touching at points are taken to touch, not overlap: what clipping leaves of a touch. */
const TOUCHING_AREA = 0.01;

/**
 * The parts of a MultiPolygon may touch only at points (OGC Simple Features): parts that overlap
 * would count their common area twice, and GIS software calls the shape invalid. Their boundaries
 * meet or not (one sweep over every edge, crossings.ts): crossing edges mean overlap; where they
 * run along one another or touch at vertices, clipping the two tells whether one reaches into the
 * other, and an edge in common is refused too. Boundaries that do not meet leave one question: whether a part
 * lies wholly inside another (one vertex tells; inside its hole is apart).
 */
function checkPartsApart(parts: Position[][][]): void {
  if (parts.length < 2) return;
  const overlap = (i: number, j: number) => new GeometryError(G.partsOverlap(i, j));
  const met = partsMeet(parts);
  const crossing = met.find((m) => m.how === 'cross');
  if (crossing) throw overlap(...crossing.parts);
  for (const {
    parts: [i, j],
    how,
  } of met) {
    const common = commonArea(parts[i], parts[j]);
    if (common === null) throw new GeometryError(G.partsUndecided(i, j));
    if (common > TOUCHING_AREA) throw overlap(i, j);
    if (how === 'share') throw new GeometryError(G.partsShareEdge(i, j));
  }
  const touching = new Set(met.map((m) => m.parts.join()));
  for (const [i, j] of boxesOverlapping(parts.map((rings) => bbox(polygon(rings))))) {
    if (touching.has(`${i},${j}`)) continue;
    if (booleanPointInPolygon(parts[j][0][0], polygon(parts[i]))) throw new GeometryError(G.partInside(j, i));
    if (booleanPointInPolygon(parts[i][0][0], polygon(parts[j]))) throw new GeometryError(G.partInside(i, j));
  }
}

/** The area (m²) two touching parts have in common; null where the clipper fails (polyclip-ts does, rarely, at such touches). */
function commonArea(a: Position[][], b: Position[][]): number | null {
  try {
    const common = intersect(featureCollection([polygon(a), polygon(b)]));
    return common ? area(common) : 0;
  } catch {
    return null;
  }
}

/** The pairs [i, j] (i < j) of boxes that overlap, swept west to east as crossings.ts sweeps edges. */
function boxesOverlapping(boxes: readonly BBox[]): [number, number][] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a][0] - boxes[b][0]);
  const pairs: [number, number][] = [];
  let active: number[] = [];
  for (const k of order) {
    const [w, s, , n] = boxes[k];
    active = active.filter((a) => boxes[a][2] >= w);
    for (const a of active) if (boxes[a][1] <= n && boxes[a][3] >= s) pairs.push(a < k ? [a, k] : [k, a]);
    active.push(k);
  }
  return pairs;
}

/** How a shape lies over units: its area (m²) and the area it has in common with each unit it overlaps, in the units' order. */
export interface UnitOverlap {
  total: number;
  parts: { code: string; area: number }[];
}

/** The area a shape has in common with each of the given units (the province's communes). */
export function unitOverlaps(shape: Areal, units: readonly { code: string; geometry: Areal }[]): UnitOverlap {
  const total = area(shape);
  if (total === 0) return { total, parts: [] };
  const [w, s, e, n] = bbox(shape);
  const parts: UnitOverlap['parts'] = [];
  for (const u of units) {
    const [uw, us, ue, un] = boxOf(u.geometry);
    if (ue < w || uw > e || un < s || us > n) continue;
    const common = sharedArea(shape, u.geometry);
    if (common !== null) parts.push({ code: u.code, area: common });
  }
  return { total, parts };
}

/** The share (0–1) of the shape inside the units of an overlap (only those `counted`), and the codes of the units it overlaps. */
export function overlapShare(overlap: UnitOverlap, counted: (code: string) => boolean = () => true): { share: number; codes: string[] } {
  const parts = overlap.parts.filter((p) => counted(p.code));
  if (overlap.total === 0) return { share: 0, codes: [] };
  const inside = parts.reduce((sum, p) => sum + p.area, 0);
  return { share: Math.min(1, inside / overlap.total), codes: parts.map((p) => p.code).sort() };
}

/**
 * A shape checked as the editor stores it (parseAreal) and laid over units (unitOverlaps), or why it is
 * refused. Plain data: an import checks its shapes in a worker thread and the editor takes the result.
 */
export type ShapeCheck = { geometry: Areal; overlap: UnitOverlap } | { error: Text };

export function checkShape(input: { type: string; coordinates: unknown[] }, units: readonly { code: string; geometry: Areal }[]): ShapeCheck {
  let geometry: Areal;
  try {
    geometry = parseAreal(input);
  } catch (e) {
    if (e instanceof GeometryError) return { error: e.text };
    throw e;
  }
  return { geometry, overlap: unitOverlaps(geometry, units) };
}

const boxes = new WeakMap<Areal, BBox>();

/** A unit's bounding box, once per geometry: an import tests the same communes against every shape. */
function boxOf(geometry: Areal): BBox {
  let box = boxes.get(geometry);
  if (!box) {
    box = bbox(geometry);
    boxes.set(geometry, box);
  }
  return box;
}

/** The area (m²) a shape and a unit have in common, or null when they have none. */
function sharedArea(shape: Areal, unit: Areal): number | null {
  const apart = areaWhereBoundariesApart(shape, unit);
  if (apart !== undefined) return apart;
  const common = intersect(
    featureCollection([
      { type: 'Feature', properties: {}, geometry: shape } as Feature<Areal>,
      { type: 'Feature', properties: {}, geometry: unit } as Feature<Areal>,
    ]),
  );
  return common && area(common);
}

/**
 * The common area without clipping, for the usual case of a zone wholly inside or outside a
 * commune: when no boundary of the one meets a boundary of the other, each part of the shape
 * lies wholly in the unit or wholly out of it. Undefined, for the clipper to decide, when the
 * boundaries meet or a ring of the unit lies in the shape (an enclave, or a unit smaller than it).
 */
function areaWhereBoundariesApart(shape: Areal, unit: Areal): number | null | undefined {
  const parts = polygonsOf(shape);
  const unitRings = polygonsOf(unit).flat();
  if (boundariesMeet(parts.flat(), unitRings)) return undefined;
  if (unitRings.some((ring) => booleanPointInPolygon(ring[0], shape))) return undefined;
  const within = parts.filter((rings) => booleanPointInPolygon(rings[0][0], unit));
  return within.length ? within.reduce((sum, rings) => sum + area(polygon(rings)), 0) : null;
}

const polygonsOf = (g: Areal): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** The unit containing a point, or null when it lies in none. */
export function unitAt(point: Position, units: readonly { code: string; geometry: Areal }[]): string | null {
  return units.find((u) => booleanPointInPolygon(point, u.geometry))?.code ?? null;
}
