import type { Position } from 'geojson';

/**
 * How many times the closed rings of one polygon cross or touch themselves or one another: 0 for
 * a valid outline. Counted as turf's `kinks` counts: one per pair of segments that meet (cross,
 * or touch with a vertex), except consecutive segments of a ring, its first and last (they meet
 * where it closes) and parallel ones. `kinks` tests every pair, over half a minute for a ring
 * of 50 000 vertices; this sweeps west to east and tests only segments whose longitudes overlap.
 *
 * The sweep is ours, not sweepline-intersections' (nor turf's copy of it): theirs drops a segment
 * from the sweep when another ends at the same longitude, so a vertex touching a north–south edge
 * of its own ring goes unseen. Pairs of segments of two rings count once (`kinks` counts some twice).
 */
export function crossings(rings: readonly Position[][]): number {
  return meetings(rings, () => true, Infinity);
}

/** Whether a boundary of the one set of rings meets (crosses or touches) one of the other; their own crossings aside. */
export function boundariesMeet(a: readonly Position[][], b: readonly Position[][]): boolean {
  return meetings([...a, ...b], (r, s) => r < a.length !== s < a.length, 1) > 0;
}

/**
 * How the boundaries of two parts of one MultiPolygon meet, for each pair of parts whose boundaries
 * do: `cross` where two edges cross inside both (the parts then overlap), `share` where edges run
 * along one another (an edge in common), else `touch` (at vertices only: a vertex on the other's
 * edge, or on its vertex). Sorted by pair; the sweep stops at the first crossing, which settles it.
 * Holes count as their part's boundary; rings of one part are `crossings`' concern.
 */
export function partsMeet(parts: readonly Position[][][]): PartsMeeting[] {
  const rings = parts.flat();
  const partOf = parts.flatMap((p, i) => p.map(() => i));
  const found = new Map<string, PartsMeeting>();
  sweep(
    rings,
    (r, s) => partOf[r] !== partOf[s],
    (a, b) => {
      const how = contact(a, b);
      if (!how) return false;
      const pair: [number, number] = partOf[a.ring] < partOf[b.ring] ? [partOf[a.ring], partOf[b.ring]] : [partOf[b.ring], partOf[a.ring]];
      const key = pair.join();
      const before = found.get(key);
      if (!before || STRENGTH[how] > STRENGTH[before.how]) found.set(key, { parts: pair, how });
      return how === 'cross';
    },
  );
  return [...found.values()].sort((x, y) => x.parts[0] - y.parts[0] || x.parts[1] - y.parts[1]);
}

export type PartsMeeting = { parts: [number, number]; how: 'cross' | 'share' | 'touch' };
const STRENGTH = { touch: 0, share: 1, cross: 2 } as const;

/** Pairs of segments that meet, of the rings whose indexes `paired` accepts, up to `enough` of them. */
function meetings(rings: readonly Position[][], paired: (ring: number, other: number) => boolean, enough: number): number {
  let count = 0;
  sweep(rings, paired, (a, b) => meet(a, b) && ++count >= enough);
  return count;
}

/**
 * Visits the pairs of segments whose boxes overlap, of the rings whose indexes `paired` accepts,
 * save a ring's neighbouring segments; stops when `visit` returns true.
 */
function sweep(rings: readonly Position[][], paired: (ring: number, other: number) => boolean, visit: (a: Segment, b: Segment) => boolean): void {
  const segments: Segment[] = [];
  for (const [r, ring] of rings.entries()) {
    for (let i = 0; i < ring.length - 1; i++) segments.push(segment(r, i, ring[i], ring[i + 1]));
  }
  segments.sort((a, b) => a.west - b.west);
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((a) => a.east >= s.west);
    for (const a of active) {
      if (a.north < s.south || a.south > s.north || !paired(a.ring, s.ring) || neighbours(a, s, rings)) continue;
      if (visit(a, s)) return;
    }
    active.push(s);
  }
}

type Segment = { ring: number; index: number; x0: number; y0: number; x1: number; y1: number; west: number; east: number; south: number; north: number };

function segment(ring: number, index: number, [x0, y0]: Position, [x1, y1]: Position): Segment {
  return { ring, index, x0, y0, x1, y1, west: Math.min(x0, x1), east: Math.max(x0, x1), south: Math.min(y0, y1), north: Math.max(y0, y1) };
}

/** Consecutive segments of one ring, or its first and last: they share a vertex by construction. */
function neighbours(a: Segment, b: Segment, rings: readonly Position[][]): boolean {
  if (a.ring !== b.ring) return false;
  const gap = Math.abs(a.index - b.index);
  return gap === 1 || gap === rings[a.ring].length - 2;
}

/** `kinks`' own test: the segments are not parallel and meet within both, ends included. */
function meet(a: Segment, b: Segment): boolean {
  const denominator = (b.y1 - b.y0) * (a.x1 - a.x0) - (b.x1 - b.x0) * (a.y1 - a.y0);
  if (denominator === 0) return false;
  const dy = a.y0 - b.y0;
  const dx = a.x0 - b.x0;
  const alongA = ((b.x1 - b.x0) * dy - (b.y1 - b.y0) * dx) / denominator;
  const alongB = ((a.x1 - a.x0) * dy - (a.y1 - a.y0) * dx) / denominator;
  return alongA >= 0 && alongA <= 1 && alongB >= 0 && alongB <= 1;
}

/** Along a segment, how near an end a point must be to count as that end: far below the ~1 m of stored positions. */
const AT_END = 1e-9;

/** The sine of the angle below which two segments count as parallel. */
const PARALLEL = 1e-10;

/** How two segments meet: crossing inside both, along one another, touching at an end, or not at all. */
function contact(a: Segment, b: Segment): PartsMeeting['how'] | null {
  const ax = a.x1 - a.x0;
  const ay = a.y1 - a.y0;
  const [bx, by] = [b.x1 - b.x0, b.y1 - b.y0];
  const denominator = by * ax - bx * ay;
  // Parallel within rounding: edges along one line written in decimals rarely cancel exactly.
  if (Math.abs(denominator) <= PARALLEL * Math.hypot(ax, ay) * Math.hypot(bx, by)) return collinearContact(a, b);
  const dy = a.y0 - b.y0;
  const dx = a.x0 - b.x0;
  const alongA = (bx * dy - by * dx) / denominator;
  const alongB = (ax * dy - ay * dx) / denominator;
  if (alongA < -AT_END || alongA > 1 + AT_END || alongB < -AT_END || alongB > 1 + AT_END) return null;
  const inside = (t: number) => t > AT_END && t < 1 - AT_END;
  return inside(alongA) && inside(alongB) ? 'cross' : 'touch';
}

/** Parallel segments: along one another when on one line and overlapping for a length, touching when only their ends meet. */
function collinearContact(a: Segment, b: Segment): PartsMeeting['how'] | null {
  const ax = a.x1 - a.x0;
  const ay = a.y1 - a.y0;
  const length2 = ax * ax + ay * ay;
  const offLine = (x: number, y: number) => Math.abs((x - a.x0) * ay - (y - a.y0) * ax) / Math.sqrt(length2);
  if (offLine(b.x0, b.y0) > AT_END || offLine(b.x1, b.y1) > AT_END) return null;
  const along = (x: number, y: number) => ((x - a.x0) * ax + (y - a.y0) * ay) / length2;
  const [t0, t1] = [along(b.x0, b.y0), along(b.x1, b.y1)];
  const overlap = Math.min(1, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1));
  return overlap > AT_END ? 'share' : overlap > -AT_END ? 'touch' : null;
}
