import { describe, expect, it } from 'vitest';
import { type Anchor, type Box, boxAt, overlaps, placeLabels } from '../../client/lib/label-placement.ts';
import { around, layoutTargets } from '../../client/ui/charts/target-layout.ts';

describe('label placement around points', () => {
  it('centres a label that collides with nothing, and moves one that would collide', () => {
    const labels = [
      { x: 100, y: 100, width: 80, height: 16 },
      { x: 110, y: 106, width: 60, height: 16 },
      { x: 400, y: 100, width: 60, height: 16 },
    ];
    const anchors = placeLabels(labels, 6);
    expect(anchors[0]).toBe('center');
    expect(anchors[1]).not.toBe('center');
    expect(anchors[2]).toBe('center');
    const boxes = labels.map((l, i) => boxAt(l, anchors[i] as Anchor, 6));
    expect(overlaps(boxes[0], boxes[1])).toBe(false);
  });

  it('never drops a label: one that fits nowhere stays centred', () => {
    const crowd = Array.from({ length: 7 }, () => ({ x: 0, y: 0, width: 200, height: 200 }));
    expect(placeLabels(crowd, 4)).toHaveLength(7);
  });

  it('keeps labels off other marks and inside a frame, trying the anchors given', () => {
    const frame = { left: 0, top: 0, right: 300, bottom: 200 };
    const dot = around(120, 100, 4);
    const [beside, atEdge] = placeLabels(
      [
        { x: 100, y: 100, width: 20, height: 12 },
        { x: 295, y: 50, width: 20, height: 12 },
      ],
      8,
      { anchors: ['left', 'right', 'bottom', 'top'], avoid: [dot], within: frame },
    );
    expect(beside).toBe('right');
    expect(atEdge).toBe('right');
  });
});

/** The NTM chart's targets: every star drawn, none on another or on a reported total, each number clear and inside. */
describe('target stars and their numbers', () => {
  const frame: Box = { left: 36, top: 0, right: 334, bottom: 226 };
  const R = 10;
  const star = (x: number, y: number) => ({ x, y, labelWidth: 16, labelHeight: 13 });
  const apart = (a: Box, b: Box) => !overlaps(a, b);

  it('moves a star sideways only as far as it must, never up or down, and keeps every one', () => {
    const dots = [around(158, 160, 4.5)];
    const placed = layoutTargets([star(146, 163), star(200, 80), star(200, 82), star(330, 130)], R, { dots, rules: [] }, frame);
    expect(placed).toHaveLength(4);
    expect(placed.map((p) => p.y)).toEqual([163, 80, 82, 130]);
    const boxes = placed.map((p) => around(p.x, p.y, R));
    for (const [i, a] of boxes.entries()) {
      for (const b of [...boxes.slice(i + 1), ...dots]) expect(apart(a, b)).toBe(true);
      expect(a.left >= frame.left && a.right <= frame.right).toBe(true);
    }
    expect(Math.abs(placed[0].x - 146)).toBeLessThanOrEqual(R);
    expect(placed[0].x).toBeLessThan(146);
  });

  it('never moves a star farther than it may (half a year on the chart), even to free it', () => {
    const crowded = [star(100, 100), star(100, 101), star(100, 102)];
    const placed = layoutTargets(crowded, R, { dots: [], rules: [] }, frame, 8);
    for (const p of placed) expect(Math.abs(p.x - 100)).toBeLessThanOrEqual(8);
    expect(placed.map((p) => p.y)).toEqual([100, 101, 102]);
  });

  it('puts each number where it covers no star, dot, rule or other number, inside the chart', () => {
    const dots = [around(158, 160, 4.5), around(190, 90, 4.5)];
    const rules = [{ left: 157, right: 159, top: 160, bottom: 200 }];
    const stars = [star(140, 163), star(170, 90), star(170, 140), star(320, 130)];
    const placed = layoutTargets(stars, R, { dots, rules }, frame);
    const numbers = placed.map((p) => ({ left: p.labelX - 8, right: p.labelX + 8, top: p.labelY - 6.5, bottom: p.labelY + 6.5 }));
    const starBoxes = placed.map((p) => around(p.x, p.y, R));
    for (const [i, n] of numbers.entries()) {
      for (const b of [...starBoxes, ...dots, ...rules, ...numbers.slice(i + 1)]) expect(apart(n, b)).toBe(true);
      expect(n.left >= frame.left && n.right <= frame.right && n.top >= frame.top && n.bottom <= frame.bottom).toBe(true);
    }
  });
});
