import { describe, expect, it } from 'vitest';
import { type DecorationSizes, layoutDecorations, overlaps, type Rect } from '../../client/lib/decoration-layout.ts';

/** A saved map's decorations never cover each other, and the map's content is fitted into the room they leave. */
const sizes = (width: number, height: number, legendHeight = 330): DecorationSizes => ({
  width,
  height,
  title: { width: Math.min(width - 80, 560), height: 78 },
  north: { width: 40, height: 44 },
  legend: { width: Math.min(360, width - 24), height: legendHeight },
  scale: { width: 132, height: 26 },
  licenceHeight: width < 500 ? 36 : 22,
});

const mapArea = (s: DecorationSizes, pad: ReturnType<typeof layoutDecorations>['mapPadding']): Rect => ({
  x: pad.left,
  y: pad.top,
  width: s.width - pad.left - pad.right,
  height: s.height - pad.top - pad.bottom,
});

describe('layoutDecorations', () => {
  it.each([
    ['phone', 390, 750],
    ['phone, short', 390, 560],
    ['tablet', 768, 1000],
    ['desktop', 1440, 900],
  ])('%s (%i × %i): title, north, legend, scale, licence and the map area are pairwise apart, all inside the image', (_, width, height) => {
    const s = sizes(width, height);
    const l = layoutDecorations(s);
    const boxes: [string, Rect][] = [
      ['title', l.title],
      ['north', l.north],
      ['legend', l.legend!],
      ['scale', l.scale],
      ['licence', l.licence],
      ['map', mapArea(s, l.mapPadding)],
    ];
    for (const [name, r] of boxes) {
      expect(r.x, name).toBeGreaterThanOrEqual(0);
      expect(r.y, name).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width, name).toBeLessThanOrEqual(width);
      expect(r.y + r.height, name).toBeLessThanOrEqual(height);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i][1], boxes[j][1]), `${boxes[i][0]} × ${boxes[j][0]}`).toBe(false);
    expect(mapArea(s, l.mapPadding).height).toBeGreaterThan(0);
  });

  it('on a phone the scale bar goes above the full-width legend; on a desktop beside it, and the map takes the column right of the legend', () => {
    const phone = layoutDecorations(sizes(390, 750));
    expect(phone.scale.y + phone.scale.height).toBeLessThanOrEqual(phone.legend!.y);
    expect(phone.mapPadding.bottom).toBeGreaterThanOrEqual(750 - phone.scale.y);
    const desk = layoutDecorations(sizes(1440, 900));
    expect(desk.scale.y + desk.scale.height).toBe(desk.licence.y - 12);
    expect(desk.mapPadding.left).toBe(desk.legend!.x + desk.legend!.width + 12);
  });

  it('shortens a legend that cannot fit between the title and the licence', () => {
    const l = layoutDecorations(sizes(390, 500, 900));
    expect(l.legend!.y).toBeGreaterThanOrEqual(l.title.y + l.title.height + 12 + 26 + 12);
    expect(l.legend!.height).toBeLessThan(900);
  });

  it('without a legend the scale sits at the bottom right and the map has the whole band', () => {
    const l = layoutDecorations({ ...sizes(390, 750), legend: null });
    expect(l.legend).toBeNull();
    expect(l.scale.y + l.scale.height).toBe(l.licence.y - 12);
    expect(l.mapPadding.bottom).toBe(750 - l.scale.y + 12);
  });
});
