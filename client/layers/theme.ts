/**
 * Colours of the map and its legend. The palettes are ColorBrewer (YlGnBu, Blues: ordered and
 * colour-blind safe) and Okabe–Ito (categorical, colour-blind safe). Only this file and
 * registry.ts hold colour literals.
 */
export const NTM_STATUS_COLORS = {
  none: '#f2efe4',
  basic: '#c7e9b4',
  standard: '#41b6c4',
  advanced: '#2c7fb8',
  model: '#253494',
} as const;

export const NTM_SHARE_COLORS = ['#fde0c5', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/** Share of a new unit's area whose former commune was an NTM commune (ColorBrewer Greens). */
export const FORMER_SHARE_COLORS = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'] as const;

export const OCOP_GROUP_COLORS = {
  I: '#e69f00',
  II: '#56b4e9',
  III: '#009e73',
  IV: '#cc79a7',
  V: '#0072b2',
  VI: '#d55e00',
} as const;

export const CROP_COLORS = {
  tea: '#1b9e77',
  rice: '#e6ab02',
  coffee: '#7f3b08',
  macadamia: '#d95f02',
  honey: '#b8860b',
  taro: '#984ea3',
  'wax-gourd': '#66a61e',
  peanut: '#e7298a',
  pineapple: '#a6761d',
  arrowroot: '#1f78b4',
  medicinal: '#7570b3',
} as const;

export const UNKNOWN_COLOR = '#8c8c8c';

/** OCOP stars in charts (ColorBrewer OrRd, ordered). */
export const STAR_COLORS = { '3': '#fdcc8a', '4': '#fc8d59', '5': '#b30000', '?': UNKNOWN_COLOR } as const;

/** Marks layered on top of a class colour. */
export const MARK_COLORS = {
  disputed: '#b35806',
  yearUnknown: '#542788',
  noNtm: '#c51b1b',
  approximate: '#333333',
} as const;

/** The base map drawn from our own data. */
export const BASE_COLORS = {
  background: '#dfe7ec',
  country: '#f7f6f2',
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
