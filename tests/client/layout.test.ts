import { describe, expect, it } from 'vitest';
import { buildLegend, inBounds } from '../../client/layers/legend.ts';
import { layerById } from '../../server/catalog/layer-registry.ts';
import { spreadOffsets } from '../../client/lib/spread.ts';

describe('spreading markers that share a place', () => {
  it('leaves a lone marker on its anchor and rings the others without overlap', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const offsets = spreadOffsets(items, (i) => (i === 'g' ? 'elsewhere' : 'here'), 16);
    expect(offsets[6]).toEqual([0, 0]);
    const ring = offsets.slice(0, 6);
    for (let i = 0; i < ring.length; i++) {
      for (let j = i + 1; j < ring.length; j++) {
        expect(Math.hypot(ring[i][0] - ring[j][0], ring[i][1] - ring[j][1])).toBeGreaterThanOrEqual(15.5);
      }
    }
  });
});

describe('legend counts', () => {
  const feature = (code: string, ntmStatus: string, x: number) => ({
    type: 'Feature' as const,
    properties: { code, ntmStatus, labelPoint: [x, 21], disputed: code === 'b', yearUnknown: false },
    geometry: { type: 'Point' as const, coordinates: [x, 21] },
  });
  const features = [feature('a', 'standard', 103), feature('b', 'standard', 103.1), feature('c', 'basic', 102.2), feature('d', 'weird', 103)];

  it('counts features per class in view, the unknown class included', () => {
    const legend = buildLegend(layerById('ntm-communes'), features, [102.9, 20.5, 103.5, 21.5]);
    const count = (k: string) => legend.entries.find((e) => e.key === k)!.count;
    expect([count('standard'), count('basic'), count('unknown')]).toEqual([2, 0, 1]);
    expect(legend.marks.find((m) => m.mark.id === 'disputed')!.count).toBe(1);
    expect(buildLegend(layerById('ntm-communes'), features, null).entries.find((e) => e.key === 'basic')!.count).toBe(1);
  });

  it('counts the whole layer beside the view, and says when they differ', () => {
    const legend = buildLegend(layerById('ntm-communes'), features, [102.9, 20.5, 103.5, 21.5]);
    expect(legend.entries.find((e) => e.key === 'basic')).toMatchObject({ count: 0, total: 1 });
    expect(legend.partial).toBe(true);
    expect(buildLegend(layerById('ntm-communes'), features, null).partial).toBe(false);
  });

  it('uses a label point, else the bounding box', () => {
    expect(inBounds(features[2], [103, 20, 104, 22])).toBe(false);
    const square = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [102, 20],
            [103.2, 20],
            [103.2, 21],
            [102, 21],
            [102, 20],
          ],
        ],
      },
    };
    expect(inBounds(square, [103, 20, 104, 22])).toBe(true);
    expect(inBounds(square, [103.3, 20, 104, 22])).toBe(false);
  });
});
