import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { TM3_ZONES } from './tm3-zones.ts';

/**
 * Coordinate reference systems of Vietnam's national datum VN-2000 and of WGS 84, and the
 * transforms between them (proj4). Isomorphic: the OGC API reprojects its output with it, and
 * data import reads VN-2000 shapefiles with it (crsFromPrj).
 *
 * Positions are always easting/longitude first, as in GeoJSON and shapefiles, whatever axis
 * order the EPSG registry gives a geographic CRS (EPSG:4326 and EPSG:4756 are latitude-first
 * there): callers that serve those by the registry's order must swap themselves.
 */

/**
 * VN-2000 → WGS 84, EPSG:6960 ("VN-2000 to WGS 84 (2)"), as proj4's `+towgs84`. EPSG publishes
 * the rotations in the coordinate-frame convention (-0.00928836, 0.01975479, -0.00427372");
 * `+towgs84` takes the position-vector convention, so their signs are flipped here. Copying
 * EPSG's signs into `+towgs84` moves points about 0.8 m in north-west Vietnam, and leaving the shift
 * out about 220 m (tests/geo/crs.test.ts checks both against PROJ's cs2cs).
 */
const VN2000_TOWGS84 = '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';
const VN2000 = `+ellps=WGS84 ${VN2000_TOWGS84}`;

export interface CrsDefinition {
  /** The EPSG name, as in the registry. */
  name: string;
  /** The proj4 definition. */
  proj4: string;
  /** Geographic (degrees) or projected (metres, easting/northing). */
  kind: 'geographic' | 'projected';
  /** True when the registry orders its axes latitude first (the functions here still take longitude first). */
  latitudeFirst: boolean;
}

/** `103.75` → `103-45`, as in EPSG's zone names. */
function meridianName(degrees: number): string {
  const whole = Math.floor(degrees);
  return `${whole}-${String(Math.round((degrees - whole) * 60)).padStart(2, '0')}`;
}

const tm3 = Object.fromEntries(
  Object.entries(TM3_ZONES).map(([code, meridian]) => [
    `EPSG:${code}`,
    {
      name: `VN-2000 / TM-3 ${meridianName(meridian)}`,
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=0.9999 +x_0=500000 +y_0=0 ${VN2000} +units=m +no_defs`,
      kind: 'projected',
      latitudeFirst: false,
    },
  ]),
) as Record<`EPSG:${keyof typeof TM3_ZONES}`, CrsDefinition>;

/** Every CRS this module knows, by code. */
export const CRS_DEFINITIONS = {
  'OGC:CRS84': { name: 'WGS 84 (CRS84)', proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', latitudeFirst: false },
  'EPSG:4326': { name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', latitudeFirst: true },
  'EPSG:4756': { name: 'VN-2000', proj4: `+proj=longlat ${VN2000} +no_defs`, kind: 'geographic', latitudeFirst: true },
  'EPSG:3405': {
    name: 'VN-2000 / UTM zone 48N',
    proj4: `+proj=utm +zone=48 ${VN2000} +units=m +no_defs`,
    kind: 'projected',
    latitudeFirst: false,
  },
  ...tm3,
} as const satisfies Record<string, CrsDefinition>;

export type CrsCode = keyof typeof CRS_DEFINITIONS;

export const CRS84: CrsCode = 'OGC:CRS84';

const OGC_CRS_URI = /^https?:\/\/www\.opengis\.net\/def\/crs\/(EPSG|OGC)\/[0-9.]+\/([0-9A-Za-z]+)$/;

/** The OGC URI of a CRS: `http://www.opengis.net/def/crs/EPSG/0/9205`, `…/OGC/1.3/CRS84`. */
export function crsUri(code: CrsCode): string {
  const [authority, id] = code.split(':');
  return `http://www.opengis.net/def/crs/${authority}/${authority === 'OGC' ? '1.3' : '0'}/${id}`;
}

/** The code of an OGC CRS URI (http or https), or undefined when it is not one this module knows. */
export function crsFromUri(uri: string): CrsCode | undefined {
  const m = OGC_CRS_URI.exec(uri);
  if (!m) return undefined;
  const code = `${m[1]}:${m[2]}`;
  return Object.hasOwn(CRS_DEFINITIONS, code) ? (code as CrsCode) : undefined;
}

type Convert = (p: Position) => Position;
const converters = new Map<string, Convert>();

/** A function taking positions from one CRS to another (compiled once per pair). */
export function converter(from: CrsCode, to: CrsCode): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    if (CRS_DEFINITIONS[from].proj4 === CRS_DEFINITIONS[to].proj4) convert = (p) => [p[0], p[1]];
    else {
      const c = proj4(CRS_DEFINITIONS[from].proj4, CRS_DEFINITIONS[to].proj4);
      convert = (p) => c.forward([p[0], p[1]]);
    }
    converters.set(key, convert);
  }
  return convert;
}

/** A position of `crs` (easting/longitude first) in WGS 84 longitude/latitude. */
export function toWgs84(crs: CrsCode, position: Position): Position {
  return converter(crs, CRS84)(position);
}

/** A WGS 84 longitude/latitude in `crs` (easting/longitude first). */
export function fromWgs84(crs: CrsCode, position: Position): Position {
  return converter(CRS84, crs)(position);
}

/**
 * A geometry of any type with every position taken from one CRS to another.
 * @param decimals rounds the output coordinates (2 for centimetres, 7 for ~1 cm in degrees); none by default
 */
export function transformGeometry<G extends Geometry>(geometry: G, from: CrsCode, to: CrsCode, decimals?: number): G {
  const convert = converter(from, to);
  const f = decimals === undefined ? 0 : 10 ** decimals;
  const one = f ? (p: Position) => convert(p).map((v) => Math.round(v * f) / f) : convert;
  return mapPositions(geometry, one);
}

/** A geometry with `fn` applied to every position. */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(fn) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((line) => line.map(fn)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(fn))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((part) => mapPositions(part, fn)) } as G;
  }
}

/**
 * Recognises the CRS of a shapefile's .prj (ESRI or OGC WKT 1) among those this module knows:
 * an EPSG authority code when present, otherwise a VN-2000 datum (by name or by its shift) with
 * Transverse Mercator at a TM-3 meridian (scale 0.9999) or at 105° (scale 0.9996: UTM 48N), or a
 * geographic VN-2000 or WGS 84. The file's own TOWGS84 is not used: Vietnamese .prj files carry
 * the shift with either sign convention, and the EPSG shift above is the right one.
 * @returns the code, or null when the file describes another CRS
 */
export function crsFromPrj(wkt: string): CrsCode | null {
  const text = wkt.trim();
  const outer = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[/i.exec(text)?.[1]?.toUpperCase();
  if (!outer) return null;
  const authority = /(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text)?.[1];
  if (authority && Object.hasOwn(CRS_DEFINITIONS, `EPSG:${authority}`)) return `EPSG:${authority}` as CrsCode;

  const vn2000 = /VN[-_ ]?2000|Vietnam[-_ ]?2000|-191\.904/i.test(text);
  if (outer.startsWith('GEOG')) return vn2000 ? 'EPSG:4756' : /DATUM\s*\[\s*"(D_)?WGS[-_ ]?(19)?84/i.test(text) ? CRS84 : null;

  if (!vn2000 || !/Transverse[-_ ]?Mercator/i.test(text)) return null;
  const param = (name: string) => {
    const m = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*(-?[0-9.]+)`, 'i').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const meridian = param('central_meridian') ?? param('longitude_of_origin');
  const scale = param('scale_factor');
  const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-9;
  if (!near(param('false_easting'), 500000) || !near(param('false_northing') ?? 0, 0) || !near(param('latitude_of_origin') ?? 0, 0)) return null;
  if (near(scale, 0.9996)) return near(meridian, 105) ? 'EPSG:3405' : null;
  if (!near(scale, 0.9999)) return null;
  const zone = Object.entries(TM3_ZONES).find(([, m]) => near(meridian, m));
  return zone ? (`EPSG:${zone[0]}` as CrsCode) : null;
}
