import { describe, expect, it } from 'vitest';
import { type Anchor, boxAt, overlaps, placeLabels } from '../../client/lib/label-placement.ts';

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
});
