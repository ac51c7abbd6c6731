import { type Text, verbatim } from '../../messages/text.ts';
import { importFileMessages as I } from '../../messages/import-files.ts';
import type { Geometry } from 'geojson';
import { CRS84 } from '../../geo/crs.ts';
import { jsonErrorPlace } from '../../http/json-syntax.ts';
import { badFile } from '../limits.ts';
import { type CrsStatement, crsFromName, type GeoFile, type ReadFeature } from './geo-file.ts';

/**
 * A GeoJSON file: a FeatureCollection, a Feature or a bare geometry. RFC 7946 GeoJSON is
 * longitude/latitude on WGS 84; the older `crs` member (GDAL and QGIS still write it for other
 * systems) names the system when present.
 */
export function readGeoJson(text: string): GeoFile {
  let doc: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(json);
  } catch {
    throw badFile(I.notJsonFile(jsonErrorPlace(json)));
  }
  if (!doc || typeof doc !== 'object') throw badFile(I.notGeoJsonObject);
  const o = doc as Record<string, unknown>;
  const features: ReadFeature[] =
    o.type === 'FeatureCollection' && Array.isArray(o.features)
      ? o.features.map(toFeature)
      : o.type === 'Feature'
        ? [toFeature(o)]
        : typeof o.type === 'string' && 'coordinates' in o
          ? [{ properties: {}, geometry: checkedGeometry(o, I.theGeometry) }]
          : [];
  if (!features.length && o.type !== 'FeatureCollection') throw badFile(I.notFeatureCollection(JSON.stringify(o.type)));
  return { format: 'geojson', layer: null, features, crs: crsMember(o.crs) };
}

function toFeature(f: unknown, i = 0): ReadFeature {
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') throw badFile(I.notFeature(i + 1));
  const { properties, geometry } = f as { properties?: unknown; geometry?: unknown };
  return {
    properties: properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {},
    geometry: geometry === null || geometry === undefined ? null : checkedGeometry(geometry, I.featureN(i + 1)),
  };
}

/** How deep each geometry type nests its positions (a position is depth 0). */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** The geometry when it is GeoJSON's shape: a known type, and positions of finite numbers nested as the type says. */
function checkedGeometry(g: unknown, what: Text): Geometry {
  const bad = (why: Text) => badFile(I.badGeometry(what, why));
  if (!g || typeof g !== 'object') throw bad(I.notGeometryObject);
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries)) throw bad(I.collectionNeedsGeometries);
    for (const part of geometries) checkedGeometry(part, what);
    return g as Geometry;
  }
  if (typeof type !== 'string' || !(type in DEPTH)) throw bad(I.unknownGeometryType(JSON.stringify(type)));
  const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
  const nested = (c: unknown, depth: number): boolean => (depth === 0 ? isPosition(c) : Array.isArray(c) && c.every((x) => nested(x, depth - 1)));
  if (!nested(coordinates, DEPTH[type])) throw bad(I.badNesting(type, DEPTH[type]));
  return g as Geometry;
}

function crsMember(crs: unknown): CrsStatement {
  if (crs === undefined || crs === null) return { kind: 'implied', code: CRS84, said: I.crsSaidGeoJson };
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return { kind: 'unknown', said: I.crsSaidMember(JSON.stringify(crs).slice(0, 200)) };
  const code = crsFromName(name);
  return code ? { kind: 'known', code, said: verbatim(name) } : { kind: 'unknown', said: verbatim(name) };
}
