import { describe, expect, it } from 'vitest';
import { CROP_COLORS, OCOP_GROUP_COLORS } from '../../server/catalog/palette.ts';

/**
 * Colour-blind safety of the categorical palettes: CIE76 ΔE in CIELAB between colours as seen
 * with normal vision and with full deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009).
 */
const VISION = {
  normal: null,
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

function lab(hex: string, m: number[][] | null): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = m ? m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))) : lin;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** The smallest ΔE between two colours over the three kinds of vision. */
const distance = (a: string, b: string) => Math.min(...Object.values(VISION).map((m) => Math.hypot(...lab(a, m).map((v, i) => v - lab(b, m)[i]))));

const pairs = (xs: string[], ys: string[] = xs) => xs.flatMap((x, i) => (ys === xs ? xs.slice(i + 1) : ys).map((y) => [x, y] as const));
const crops = Object.values(CROP_COLORS);
const groups = Object.values(OCOP_GROUP_COLORS);

describe('categorical palettes, for colour-blind vision too', () => {
  it('keeps every crop colour clearly apart from every OCOP group colour', () => {
    for (const [c, g] of pairs(crops, groups)) expect(distance(c, g), `${c} vs ${g}`).toBeGreaterThanOrEqual(15);
  });

  it('keeps the crops apart from each other, and the groups', () => {
    for (const [a, b] of pairs(crops)) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(12);
    for (const [a, b] of pairs(groups)) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(12);
  });

  it('uses dark markers over light zones, so lightness alone tells them apart', () => {
    expect(Math.max(...groups.map((g) => lab(g, null)[0]))).toBeLessThan(Math.min(...crops.map((c) => lab(c, null)[0])));
  });
});
