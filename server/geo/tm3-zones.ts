/**
 * The VN-2000 / TM-3 zones, apart from the transforms (server/geo/crs.ts) so that the province's
 * schema, which the client loads, can name them without bundling proj4.
 */

/** The VN-2000 / TM-3 zones EPSG registers: code → central meridian (degrees); each province surveys in one (geodata/province.json). */
export const TM3_ZONES = {
  9205: 103,
  9206: 104,
  9207: 104.5,
  9208: 104.75,
  9209: 105.5,
  9210: 105.75,
  9211: 106,
  9212: 106.25,
  9213: 106.5,
  9214: 107,
  9215: 107.25,
  9216: 107.5,
  9217: 108.25,
  9218: 108.5,
} as const;

/** The provincial grids (VN-2000 / TM-3 zones) a province's data may name as its local CRS. */
export const LOCAL_CRS_CODES = Object.keys(TM3_ZONES).map((code) => `EPSG:${code}`) as [
  `EPSG:${keyof typeof TM3_ZONES}`,
  ...`EPSG:${keyof typeof TM3_ZONES}`[],
];
