import { area, bbox, featureCollection, intersect, kinks, polygon } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossings } from '../../server/geo/crossings.ts';
import { type GeometryError, overlapShare, parseAreal, tooLittleInside, unitOverlaps } from '../../server/geo/validate.ts';
import { roundPosition } from '../../server/geo/round.ts';

/**
 * Checks of drawn and uploaded shapes, made fast for large imports: self-intersections with the
 * same verdicts and counts as turf's `kinks` (all pairs of segments), and the share inside the
 * units as clipping the shape with each unit gives it.
 */

const closed = (ring: Position[]): Position[] => [...ring, ring[0]];
const square = (w: number, s: number, size: number): Position[] =>
  closed([
    [w, s],
    [w + size, s],
    [w + size, s + size],
    [w, s + size],
  ]);
const shape = (...rings: Position[][]) => ({ type: 'Polygon', coordinates: rings });

describe('parseAreal: rings that cross or touch', () => {
  it('numbers polygons and rings from 1, as rows, features and QGIS’s parts are: the first ring is the outer one', () => {
    const open = square(103.35, 21.95, 0.1).slice(0, -1);
    expect(() => parseAreal(shape(square(103.3, 21.9, 0.2), open))).toThrow(/^polygon 1, ring 2: the ring is not closed/);
    const multi = { type: 'MultiPolygon', coordinates: [[square(103.3, 21.9, 0.05)], [open]] };
    expect(() => parseAreal(multi)).toThrow(/^polygon 2, ring 1: the ring is not closed/);
  });

  it('refuses a figure of eight, saying how many crossings', () => {
    const eight = closed([
      [103.3, 21.9],
      [103.4, 22.0],
      [103.4, 21.9],
      [103.3, 22.0],
    ]);
    expect(() => parseAreal(shape(eight))).toThrow('polygon 1 crosses itself (1 self-intersection)');
  });

  it('refuses a hole crossing its outer ring, and one touching it', () => {
    const outer = square(103.3, 21.9, 0.1);
    expect(() => parseAreal(shape(outer, square(103.35, 21.95, 0.1)))).toThrow(/polygon 1 crosses itself \(2 self-intersections\)/);
    const touching = closed([
      [103.3, 21.95],
      [103.35, 21.93],
      [103.35, 21.97],
    ]);
    expect(() => parseAreal(shape(outer, touching))).toThrow(/crosses itself/);
  });

  it('refuses a ring touching itself on a north–south edge, where a sweep line must not drop that edge early', () => {
    // A notch from the east whose tip rests on the west edge: no crossing, one touch (two segments meet it).
    const notched = closed([
      [103.3, 21.9],
      [103.4, 21.9],
      [103.4, 21.93],
      [103.3, 21.95],
      [103.4, 21.97],
      [103.4, 22.0],
      [103.3, 22.0],
    ]);
    expect(() => parseAreal(shape(notched))).toThrow('polygon 1 crosses itself (2 self-intersections)');
    // The same with the segments ending at that longitude ordered as in the case the npm sweep lines miss.
    expect(
      crossings([
        closed([
          [2, 6],
          [6, 6],
          [5, 1],
          [3, 4],
          [5, 3],
          [2, 4],
          [0, 2],
          [2, 3],
        ]),
      ]),
    ).toBe(3);
  });

  it('refuses a ring passing twice through one vertex', () => {
    const bowtie = closed([
      [103.3, 21.9],
      [103.35, 21.95],
      [103.4, 21.9],
      [103.4, 22.0],
      [103.35, 21.95],
      [103.3, 22.0],
    ]);
    expect(() => parseAreal(shape(bowtie))).toThrow(/crosses itself/);
  });

  it('drops a position repeated at once (as GIS exports write them) instead of calling it a crossing', () => {
    const ring = square(103.3, 21.9, 0.1);
    const stored = ring.map((p) => roundPosition(p));
    const repeated = [ring[0], ring[1], ring[1], ring[2], ring[3], ring[3], ring[4]];
    expect(parseAreal(shape(repeated)).coordinates[0]).toEqual(stored);
    // Two positions under a metre apart are one once rounded.
    const near = [ring[0], ring[1], [ring[1][0] + 0.000001, ring[1][1]], ring[2], ring[3], ring[4]];
    expect(parseAreal(shape(near)).coordinates[0]).toEqual(stored);
    expect(() => parseAreal(shape([ring[0], ring[1], ring[1], ring[0]]))).toThrow('at least 3 distinct corners');
  });

  it('refuses a ring with no area, numbering it from 1: corners on one line, or only two places visited back and forth', () => {
    const line = closed([
      [103.3, 21.9],
      [103.35, 21.95],
      [103.4, 22.0],
    ]);
    expect(() => parseAreal(shape(line))).toThrow(/^polygon 1, ring 1: the ring has no area \(all its corners lie on one line\)$/);
    // Out along a line and back again: no corner is repeated at once, and no two edges cross.
    const spike = closed([
      [103.3, 21.9],
      [103.4, 21.9],
      [103.45, 21.9],
      [103.35, 21.9],
    ]);
    const hole = { type: 'MultiPolygon', coordinates: [[square(103.5, 21.9, 0.05)], [square(103.3, 21.8, 0.2), spike]] };
    expect(() => parseAreal(hole)).toThrow(/^polygon 2, ring 2: the ring has no area/);
    const twoPlaces = [
      [103.3, 21.9],
      [103.4, 22.0],
      [103.3, 21.9],
      [103.4, 22.0],
      [103.3, 21.9],
    ];
    expect(() => parseAreal(shape(twoPlaces))).toThrow(/^polygon 1, ring 1: a ring needs at least 3 distinct corners/);
  });

  it('says a ring with no area in Vietnamese too, and keeps a thin ring whose corners are off the line by a metre', () => {
    const line = closed([
      [103.3, 21.9],
      [103.3, 21.95],
      [103.3, 22.0],
    ]);
    let refusal: GeometryError | undefined;
    try {
      parseAreal(shape(line));
    } catch (e) {
      refusal = e as GeometryError;
    }
    expect(refusal?.text.vi).toBe('đa giác 1, vòng 1: vòng không có diện tích (mọi đỉnh nằm trên một đường thẳng)');
    const thin = closed([
      [103.3, 21.9],
      [103.30001, 21.95],
      [103.3, 22.0],
    ]);
    expect(parseAreal(shape(thin)).type).toBe('Polygon');
  });

  it('checks the shape as stored: rounding that makes a ring touch itself is refused', () => {
    // A notch whose tip lies 0.4 m from the west edge: apart before rounding to 5 decimals, touching after.
    const notched = closed([
      [103.3, 21.9],
      [103.4, 21.9],
      [103.4, 21.93],
      [103.300004, 21.95],
      [103.4, 21.97],
      [103.4, 22.0],
      [103.3, 22.0],
    ]);
    expect(() => parseAreal(shape(notched))).toThrow(/crosses itself/);
  });

  it('accepts a polygon with a hole, and a MultiPolygon of two parts', () => {
    expect(parseAreal(shape(square(103.3, 21.9, 0.1), square(103.32, 21.92, 0.02))).coordinates).toHaveLength(2);
    const parts = { type: 'MultiPolygon', coordinates: [[square(103.3, 21.9, 0.1)], [square(103.45, 21.9, 0.1)]] };
    expect(parseAreal(parts).type).toBe('MultiPolygon');
  });

  it('accepts a large valid ring: 20 000 vertices of a wavy outline, with north–south and east–west runs', () => {
    const ring: Position[] = [];
    for (let k = 0; k < 20_000; k++) {
      const a = (2 * Math.PI * k) / 20_000;
      // About 11 km across: its vertices lie metres apart, so rounding to ~1 m keeps every one.
      const r = 0.1 * (1 + 0.3 * Math.sin(40 * a));
      ring.push([103.35 + r * Math.cos(a), 21.95 + r * Math.sin(a)]);
    }
    // A staircase along part of it: exact north–south and east–west edges sharing longitudes.
    const stairs = ring.slice(0, 100).flatMap((p, i, all) => (i ? [[all[i - 1][0], p[1]], p] : [p]));
    const outline = closed([...stairs, ...ring.slice(100)]);
    expect(crossings([outline])).toBe(0);
    expect(parseAreal(shape(outline)).coordinates[0].length).toBeGreaterThan(20_000);
  });
});

describe('parseAreal: the parts of a MultiPolygon', () => {
  const multi = (...parts: Position[][][]) => ({ type: 'MultiPolygon', coordinates: parts });
  const outer = square(103.3, 21.9, 0.1);
  const triangle = (...corners: Position[]) => closed(corners);

  it('refuses two parts whose edges cross, naming them', () => {
    const far = [square(103.6, 21.9, 0.05)];
    expect(() => parseAreal(multi([outer], far, [square(103.35, 21.95, 0.1)]))).toThrow(/^polygons 1 and 3 overlap: /);
  });

  it('refuses a part lying wholly inside another, whichever comes first, and accepts one in the other’s hole', () => {
    const inner = square(103.32, 21.92, 0.02);
    expect(() => parseAreal(multi([outer], [inner]))).toThrow(/^polygon 2 lies inside polygon 1: /);
    expect(() => parseAreal(multi([inner], [outer]))).toThrow(/^polygon 1 lies inside polygon 2: /);
    // An island in a lake: the hole holds the other part.
    const lake = square(103.31, 21.91, 0.05);
    expect(parseAreal(multi([outer, lake], [inner])).type).toBe('MultiPolygon');
    // The hole's part inside the part with the hole, but outside its hole.
    expect(() => parseAreal(multi([outer, lake], [square(103.37, 21.97, 0.02)]))).toThrow(/polygon 2 lies inside polygon 1/);
  });

  it('accepts parts touching at a corner, or one’s corner on the other’s edge', () => {
    expect(parseAreal(multi([outer], [square(103.4, 22.0, 0.1)])).type).toBe('MultiPolygon');
    const onEdge = triangle([103.4, 21.95], [103.45, 21.92], [103.45, 21.98]);
    expect(parseAreal(multi([outer], [onEdge])).type).toBe('MultiPolygon');
    // In a hole, touching its edge from inside.
    const hole = square(103.32, 21.92, 0.06);
    expect(parseAreal(multi([outer, hole], [triangle([103.32, 21.95], [103.35, 21.93], [103.35, 21.97])])).type).toBe('MultiPolygon');
  });

  it('refuses a part inside another that touches its edge at one point, and one crossing it through a vertex', () => {
    const inTouching = triangle([103.3, 21.95], [103.35, 21.93], [103.35, 21.97]);
    expect(() => parseAreal(multi([outer], [inTouching]))).toThrow(/^polygons 1 and 2 overlap/);
    // A corner of each on the other's edge, reaching in: no edges cross inside both.
    const through = triangle([103.4, 21.95], [103.35, 21.9], [103.45, 21.85]);
    expect(() => parseAreal(multi([outer], [through]))).toThrow(/^polygons 1 and 2 overlap/);
  });

  it('refuses parts with an edge in common, whole or in part', () => {
    expect(() => parseAreal(multi([outer], [square(103.4, 21.9, 0.1)]))).toThrow(/^polygons 1 and 2 share an edge: /);
    expect(() => parseAreal(multi([outer], [square(103.4, 21.95, 0.1)]))).toThrow(/share an edge/);
  });

  it('checks the parts as stored: parts 0.4 m apart have an edge in common once rounded to ~1 m', () => {
    expect(() => parseAreal(multi([outer], [square(103.400004, 21.95, 0.05)]))).toThrow(/^polygons 1 and 2 share an edge/);
  });

  it('agrees with the rectangles’ own arithmetic: overlap refused, a common edge refused, a corner or a gap accepted', () => {
    const rect = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .map(([x, y, w, h]) => [x, y, x + w, y + h] as const);
    const ring = ([x0, y0, x1, y1]: readonly number[]) =>
      closed([
        [103 + x0 / 100, 21 + y0 / 100],
        [103 + x1 / 100, 21 + y0 / 100],
        [103 + x1 / 100, 21 + y1 / 100],
        [103 + x0 / 100, 21 + y1 / 100],
      ]);
    fc.assert(
      fc.property(rect, rect, (a, b) => {
        const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        const shape = multi([ring(a)], [ring(b)]);
        if (width > 0 && height > 0) expect(() => parseAreal(shape)).toThrow(/overlap|lies inside/);
        else if ((width > 0 && height === 0) || (width === 0 && height > 0)) expect(() => parseAreal(shape)).toThrow(/share an edge/);
        else expect(parseAreal(shape).type).toBe('MultiPolygon');
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with clipping for triangles on a grid (corners on edges, shared corners, nesting): overlap exactly when they have area in common', () => {
    const corner = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    const triangle = fc
      .tuple(corner, corner, corner)
      .filter(([a, b, c]) => (b[0] - a[0]) * (c[1] - a[1]) !== (c[0] - a[0]) * (b[1] - a[1]))
      .map((corners) => corners.map(([x, y]): Position => [103 + x / 100, 21 + y / 100]));
    fc.assert(
      fc.property(triangle, triangle, (a, b) => {
        let common: ReturnType<typeof intersect>;
        try {
          common = intersect(featureCollection([polygon([closed(a)]), polygon([closed(b)])]));
        } catch {
          return fc.pre(false); // the clipper fails on a few such pairs (polyclip-ts): no verdict to compare
        }
        const overlapping = !!common && area(common) > 1;
        let refusal = '';
        try {
          parseAreal(multi([closed(a)], [closed(b)]));
        } catch (e) {
          refusal = (e as Error).message;
        }
        if (overlapping) expect(refusal).toMatch(/overlap|lies inside/);
        else expect(refusal).toMatch(/^$|share an edge/);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts 2 000 parts near one another but apart (each tested against its neighbours only)', () => {
    const parts: Position[][][] = [];
    for (let k = 0; k < 2_000; k++) {
      const [cx, cy] = [103.0 + (k % 50) * 0.01, 21.5 + Math.floor(k / 50) * 0.01];
      const ring: Position[] = [];
      for (let v = 0; v < 24; v++) ring.push([cx + 0.004 * Math.cos((2 * Math.PI * v) / 24), cy + 0.004 * Math.sin((2 * Math.PI * v) / 24)]);
      parts.push([closed(ring)]);
    }
    expect(parseAreal(multi(...parts)).coordinates).toHaveLength(2_000);
  });
});

describe('crossings', () => {
  // Small integer grids make touching vertices, shared longitudes and parallel edges common.
  const ring = (size: number) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), { minLength: 3, maxLength: 12 }).map((r) => closed(r));

  it('counts as kinks does for one ring', () => {
    fc.assert(
      fc.property(ring(6), (r) => {
        expect(crossings([r])).toBe(kinks(polygon([r])).features.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses the same polygons with holes as kinks does (kinks counts some pairs of rings twice)', () => {
    fc.assert(
      fc.property(ring(6), ring(6), (outer, hole) => {
        const expected = kinks(polygon([outer, hole])).features.length;
        const count = crossings([outer, hole]);
        expect(count > 0).toBe(expected > 0);
        expect(count).toBeLessThanOrEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('unitOverlaps and overlapShare', () => {
  type Areal = Polygon | MultiPolygon;
  /** The former way, clipping the shape with every unit its bounding box meets: the oracle. */
  function clipped(shape: Areal, units: { code: string; geometry: Areal }[]) {
    const total = area(shape);
    const [w, s, e, n] = bbox(shape);
    let inside = 0;
    const codes: string[] = [];
    for (const u of units) {
      const [uw, us, ue, un] = bbox(u.geometry);
      if (ue < w || uw > e || un < s || us > n) continue;
      const common = intersect(featureCollection([shape, u.geometry].map((g) => ({ type: 'Feature', properties: {}, geometry: g }) as Feature<Areal>)));
      if (!common) continue;
      inside += area(common);
      codes.push(u.code);
    }
    return { share: Math.min(1, inside / total), codes: codes.sort() };
  }

  const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
  // A with an enclave C, B beside A sharing its east edge, D small and apart.
  const units = [
    { code: 'A', geometry: poly(square(103.3, 21.9, 0.1), square(103.33, 21.93, 0.02)) },
    { code: 'B', geometry: poly(square(103.4, 21.9, 0.1)) },
    { code: 'C', geometry: poly(square(103.33, 21.93, 0.02)) },
    { code: 'D', geometry: poly(square(103.6, 21.9, 0.01)) },
  ];
  const cases: [string, Areal, string[]][] = [
    ['inside one unit', poly(square(103.31, 21.91, 0.01)), ['A']],
    ['across the edge of two units', poly(square(103.38, 21.95, 0.04)), ['A', 'B']],
    ['around an enclave', poly(square(103.32, 21.92, 0.04)), ['A', 'C']],
    ['inside the enclave, in the hole of the unit around it', poly(square(103.335, 21.935, 0.01)), ['C']],
    ['around a whole unit', poly(square(103.55, 21.85, 0.1)), ['D']],
    ['half outside the units', poly(square(103.45, 21.95, 0.1)), ['B']],
    ['with a hole holding a unit', poly(square(103.55, 21.85, 0.1), square(103.59, 21.89, 0.03)), []],
    ['of two parts, one far outside', { type: 'MultiPolygon', coordinates: [[square(103.31, 21.91, 0.01)], [square(105.8, 21.0, 0.01)]] }, ['A']],
  ];

  it.each(cases)('a shape %s: the same share and units as clipping each', (_, shape, codes) => {
    const got = overlapShare(unitOverlaps(shape, units));
    const expected = clipped(shape, units);
    expect(got.codes).toEqual(codes);
    expect(got.codes).toEqual(expected.codes);
    expect(got.share).toBeCloseTo(expected.share, 9);
  });

  it('counts only the units asked for (a boundary import: the share inside its own unit)', () => {
    const shape = poly(square(103.38, 21.95, 0.04));
    const overlap = unitOverlaps(shape, units);
    const inA = overlapShare(overlap, (c) => c === 'A');
    const inB = overlapShare(overlap, (c) => c === 'B');
    expect(inA.codes).toEqual(['A']);
    expect(inA.share).toBeCloseTo(clipped(shape, units.slice(0, 1)).share, 9);
    expect(inA.share + inB.share).toBeCloseTo(overlapShare(overlap).share, 9);
    expect(overlapShare(overlap, () => false)).toEqual({ share: 0, codes: [] });
  });
});

describe('tooLittleInside', () => {
  it('rounds the share down, so a refused shape never reads as having the share required', () => {
    expect(tooLittleInside(0.9496).en).toBe('only 94.9 % of the shape lies in the province (at least 95 % is required)');
    expect(tooLittleInside(0.5).en).toContain('only 50 %');
    // Vietnamese writes the decimal comma, as the map's own figures do.
    expect(tooLittleInside(0.9496).vi).toBe('chỉ 94,9 % diện tích hình nằm trong tỉnh (cần ít nhất 95 %)');
  });
});
