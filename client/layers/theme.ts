import { UNKNOWN_COLOR } from '../../server/catalog/palette.ts';

/**
 * Colours of the interface that no layer class uses: charts, base map, markers, drawing. The
 * classes' colours are declared with the layer registry (server/catalog/palette.ts). Only this
 * file, palette.ts and layer-registry.ts hold colour literals.
 */
/** OCOP stars in charts (ColorBrewer OrRd, ordered). */
export const STAR_COLORS = { '3': '#fdcc8a', '4': '#fc8d59', '5': '#b30000', '?': UNKNOWN_COLOR } as const;

/** The base map drawn from our own data. */
export const BASE_COLORS = {
  noLand: '#e6e6e3',
  land: '#f7f6f2',
  countryLine: '#b9b9b0',
  province: '#ffffff',
  provinceLine: '#3d3d3d',
  districtLine: '#5a5a5a',
  communeLine: '#9a9a9a',
  label: '#1f1f1f',
  labelHalo: '#ffffff',
  highlight: '#ff00aa',
} as const;

/** Neutral colours of markers and legend swatches. */
export const NEUTRAL = { paper: '#ffffff', edge: '#555555', ink: '#333333' } as const;

/** "#41b6c4" → [65, 182, 196]; with alpha 0–255 appended when given. */
export function rgb(hex: string, alpha?: number): [number, number, number] | [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const c: [number, number, number] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return alpha === undefined ? c : [...c, alpha];
}

/** The outline being drawn (Terra Draw, client/map/draw.ts): a strong magenta that no class uses. */
export const DRAW_COLORS = { line: '#c2185b', fill: '#f48fb1', point: '#ffffff' } as const;

/** An OCOP product whose certificate has expired: a grey hollow marker. */
export const EXPIRED_COLOR = '#9e9e9e';
