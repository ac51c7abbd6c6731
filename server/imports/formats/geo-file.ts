import type { Text } from '../../messages/text.ts';
import type { Geometry } from 'geojson';
import { CRS84, type CrsCode, crsFromUri, CRS_DEFINITIONS } from '../../geo/crs.ts';

/** A feature as read from a file: its attributes and its geometry in the file's own coordinates. */
export interface ReadFeature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/**
 * What a file says about its coordinate system: a CRS this app knows, one it does not
 * (refused unless the user names it), nothing (refused unless the user names it), or the
 * format's own rule (GeoJSON by RFC 7946 and KML: longitude/latitude on WGS 84).
 */
export type CrsStatement =
  | { kind: 'known'; code: CrsCode; said: Text }
  | { kind: 'unknown'; said: Text }
  | { kind: 'missing' }
  | { kind: 'implied'; code: CrsCode; said: Text };

export type GeoFormat = 'geojson' | 'kml' | 'shapefile' | 'geopackage';

export interface GeoFile {
  format: GeoFormat;
  /** The layer read (a shapefile's or a GeoPackage table's name). */
  layer: string | null;
  features: ReadFeature[];
  crs: CrsStatement;
}

/**
 * A CRS named by an authority code, in any of the spellings files use: `EPSG:9205`,
 * `urn:ogc:def:crs:EPSG::9205`, `http://www.opengis.net/def/crs/EPSG/0/9205`, CRS84. EPSG:4326
 * is read as CRS84: GeoJSON and GeoPackage store longitude first whatever the code says.
 */
export function crsFromName(name: string): CrsCode | null {
  const text = name.trim();
  if (/^(urn:ogc:def:crs:OGC:1\.3:CRS84|OGC:CRS84|CRS84)$/i.test(text)) return CRS84;
  const epsg = /^(?:EPSG:|urn:ogc:def:crs:EPSG:[0-9.]*:)(\d+)$/i.exec(text)?.[1] ?? null;
  const code = epsg ? `EPSG:${epsg}` : crsFromUri(text);
  if (!code) return null;
  if (code === 'EPSG:4326') return CRS84;
  return Object.hasOwn(CRS_DEFINITIONS, code) ? (code as CrsCode) : null;
}

/** Every position of a geometry, counted. */
export function vertexCount(g: Geometry | null): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, part) => n + vertexCount(part), 0);
  }
}
