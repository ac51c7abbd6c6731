/**
 * The province the app is about, declared once: its name and codes, where it lies, and the
 * district codes the data pipeline checks the 2020–2025 boundaries against.
 */
export const PROVINCE = {
  name: 'Điện Biên',
  fullName: 'Tỉnh Điện Biên',
  /** GSO code of the province. */
  gsoCode: '11',
  /** ISO 3166-2 code. */
  iso: 'VN-71',
  /** The whole province with a margin, [west, south, east, north] in degrees (CRS84). */
  bounds: [102.05, 20.85, 103.7, 22.6] as [number, number, number, number],
  /** How far the map may be panned, [west, south, east, north]; room to the south for a phone's bottom sheet. */
  panBounds: [99.5, 17.5, 106.5, 24] as [number, number, number, number],
  /** The 10 district-level units of 2020–2025 (GSO codes). */
  districtCodes2020: ['094', '095', '096', '097', '098', '099', '100', '101', '102', '103'],
  /** The local grid its surveyors use: VN-2000 / TM-3 103-00 (see server/geo/crs.ts). */
  localCrs: 'EPSG:9205',
} as const;
