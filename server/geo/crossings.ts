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

/** Pairs of segments that meet, of the rings whose indexes `paired` accepts, up to `enough` of them. */
function meetings(rings: readonly Position[][], paired: (ring: number, other: number) => boolean, enough: number): number {
  const segments: Segment[] = [];
  for (const [r, ring] of rings.entries()) {
    for (let i = 0; i < ring.length - 1; i++) segments.push(segment(r, i, ring[i], ring[i + 1]));
  }
  segments.sort((a, b) => a.west - b.west);
  let count = 0;
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((a) => a.east >= s.west);
    for (const a of active) {
      if (a.north < s.south || a.south > s.north || !paired(a.ring, s.ring) || neighbours(a, s, rings)) continue;
      if (meet(a, s) && ++count >= enough) return count;
    }
    active.push(s);
  }
  return count;
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
