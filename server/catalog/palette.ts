/**
 * Colours of the thematic layers' classes and marks, declared with the layer registry
 * (layer-registry.ts) so that the map, its legend and charts, and the KML downloads colour a class
 * alike. The ordered palettes are ColorBrewer (YlGnBu, Blues: colour-blind safe); the categorical
 * ones are checked for colour-blind vision by a test (tests/client/palette.test.ts). Only this file,
 * layer-registry.ts and the client's theme (client/layers/theme.ts) hold colour literals.
 */
export const NTM_STATUS_COLORS = {
  // Not in the programme (wards, townships): a plain grey, apart from the statuses' scale.
  urban: '#d9d9d9',
  none: '#f2efe4',
  basic: '#c7e9b4',
  standard: '#41b6c4',
  advanced: '#2c7fb8',
  model: '#253494',
} as const;

export const NTM_SHARE_COLORS = ['#fde0c5', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/** Share of a new unit's area whose former commune was an NTM commune (ColorBrewer Greens). */
export const FORMER_SHARE_COLORS = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'] as const;

/**
 * OCOP groups (product markers) and crops (zone areas) are told apart by lightness first: dark,
 * saturated markers (ColorBrewer PuOr/BrBG/PiYG/RdBu ends) over light crop tints (after Paul Tol's
 * "light" scheme). Every pair differs by ΔE ≥ 14 in normal, deuteranope and protanope vision
 * (tests/client/palette.test.ts).
 */
export const OCOP_GROUP_COLORS = {
  I: '#7f3b08',
  II: '#006360',
  III: '#1b7837',
  IV: '#762a83',
  V: '#2166ac',
  VI: '#c81d7a',
} as const;

export const CROP_COLORS = {
  tea: '#38ba94',
  rice: '#eedd88',
  coffee: '#b87e6e',
  macadamia: '#ee8866',
  honey: '#aaaa00',
  taro: '#cf9bf5',
  'wax-gourd': '#bddb2f',
  peanut: '#ffabb8',
  pineapple: '#99ddff',
  arrowroot: '#dee2e7',
  medicinal: '#7ab2ce',
} as const;

export const UNKNOWN_COLOR = '#8c8c8c';

/** Marks layered on top of a class colour. */
export const MARK_COLORS = {
  disputed: '#b35806',
  yearUnknown: '#542788',
  noNtm: '#c51b1b',
  approximate: '#333333',
} as const;
