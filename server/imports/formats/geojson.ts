import type { Geometry } from 'geojson';
import { CRS84 } from '../../geo/crs.ts';
import { badFile } from '../limits.ts';
import { type CrsStatement, crsFromName, type GeoFile, type ReadFeature } from './geo-file.ts';

/**
 * A GeoJSON file: a FeatureCollection, a Feature or a bare geometry. RFC 7946 GeoJSON is
 * longitude/latitude on WGS 84; the older `crs` member (GDAL and QGIS still write it for other
 * systems) names the system when present.
 */
export function readGeoJson(text: string): GeoFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw badFile(`the file is not valid JSON: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object') throw badFile('the file is not a GeoJSON object');
  const o = doc as Record<string, unknown>;
  const features: ReadFeature[] =
    o.type === 'FeatureCollection' && Array.isArray(o.features)
      ? o.features.map(toFeature)
      : o.type === 'Feature'
        ? [toFeature(o)]
        : typeof o.type === 'string' && 'coordinates' in o
          ? [{ properties: {}, geometry: o as unknown as Geometry }]
          : [];
  if (!features.length && o.type !== 'FeatureCollection')
    throw badFile(`the file is not GeoJSON: expected a FeatureCollection, got type ${JSON.stringify(o.type)}`);
  return { format: 'geojson', layer: null, features, crs: crsMember(o.crs) };
}

function toFeature(f: unknown, i = 0): ReadFeature {
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') throw badFile(`feature ${i + 1} is not a GeoJSON Feature`);
  const { properties, geometry } = f as { properties?: unknown; geometry?: unknown };
  return {
    properties: properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {},
    geometry: geometry && typeof geometry === 'object' ? (geometry as Geometry) : null,
  };
}

function crsMember(crs: unknown): CrsStatement {
  if (crs === undefined || crs === null) return { kind: 'implied', code: CRS84, said: 'GeoJSON without a crs member (RFC 7946: WGS 84 longitude/latitude)' };
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return { kind: 'unknown', said: `crs member ${JSON.stringify(crs).slice(0, 200)}` };
  const code = crsFromName(name);
  return code ? { kind: 'known', code, said: name } : { kind: 'unknown', said: name };
}
