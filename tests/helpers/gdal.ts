import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { squareCoordinates } from './shapes.ts';

/**
 * GDAL's ogrinfo (Debian gdal-bin, installed by .ci/run) as the GIS client that checks our files:
 * it must open them without warnings and list the right layers and counts.
 */
export function ogrinfo(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`ogrinfo could not run (install Debian's gdal-bin): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ogrinfo ${args.join(' ')} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** Layer name → feature count, from `ogrinfo -so -al`. */
export function featureCounts(summary: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let layer: string | null = null;
  for (const line of summary.split('\n')) {
    const name = /^Layer name: (.*)$/.exec(line);
    if (name) layer = name[1];
    const count = /^Feature Count: (\d+)$/.exec(line);
    if (count && layer !== null) counts[layer] = Number(count[1]);
  }
  return counts;
}

/** Field name → GDAL type of one layer, from `ogrinfo -so`. */
export function fieldTypes(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/^([^\s:][^:\n]*): (\w+(?:\(\w+\))?) \(/gm)].map((m) => [m[1], m[2]]));
}

/** Saves bytes under a fresh temporary folder and returns the path. */
export function saveTemp(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dl-test-')), name);
  writeFileSync(path, bytes);
  return path;
}

type Features = { properties: Record<string, unknown>; geometry: unknown }[];

/**
 * GDAL's ogr2ogr writing `features` (GeoJSON, in longitude/latitude: EPSG:4326) as the layer `name` of `path`; a
 * shapefile's .dbf in `encoding` (a .cpg naming it, or an LDID such as `LDID/87`).
 */
function ogr2ogr(format: 'GPKG' | 'ESRI Shapefile', path: string, name: string, features: Features, update = false, encoding = 'UTF-8'): void {
  const input = join(mkdtempSync(join(tmpdir(), 'ogr-input-')), `${name}.geojson`);
  writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) }));
  // A shapefile's .dbf in UTF-8 (its .cpg says so) by default, as QGIS writes one; GDAL's default is Latin-1.
  const options = [...(update ? ['-update'] : []), ...(format === 'ESRI Shapefile' ? ['-lco', `ENCODING=${encoding}`] : [])];
  const run = spawnSync('ogr2ogr', ['-f', format, ...options, '-a_srs', 'EPSG:4326', '-nln', name, path, input], { encoding: 'utf8' });
  if (run.error) throw new Error(`ogr2ogr could not run (install Debian's gdal-bin): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ogr2ogr writing ${name} failed: ${run.stderr}`);
}

/**
 * A GeoPackage of several feature tables, as QGIS or ogr2ogr write one: each table from GeoJSON features in
 * longitude/latitude (EPSG:4326), written by GDAL's ogr2ogr one table after the other. Returns the file's path.
 */
export function geoPackageOf(tables: Record<string, Features>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gpkg-test-')), 'tables.gpkg');
  for (const [name, features] of Object.entries(tables)) ogr2ogr('GPKG', path, name, features, existsSync(path));
  return path;
}

/**
 * A zip of several shapefiles, as staff zip a folder of them: each written by ogr2ogr (its .shp, .shx, .dbf, .prj
 * and .cpg) from GeoJSON features in longitude/latitude, in `folder` when given. Returns the zip's bytes.
 * @param encoding the .dbf's text encoding (ogr2ogr's ENCODING) @default UTF-8
 * @param cpg whether the zip holds the .cpg that names it @default true
 */
export function shapefilesZip(layers: Record<string, Features>, folder = '', { encoding = 'UTF-8', cpg = true } = {}): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'shp-test-'));
  for (const [name, features] of Object.entries(layers)) ogr2ogr('ESRI Shapefile', join(dir, `${name}.shp`), name, features, false, encoding);
  const files = readdirSync(dir).filter((f) => cpg || !f.endsWith('.cpg'));
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}${f}`, new Uint8Array(readFileSync(join(dir, f)))])));
}

/** Two layers of zones in the province, a square of about 1.5 km each, as QGIS staff keep a project's layers: `vung_che` and `vung_ca_phe`. */
function twoZoneLayers(): Record<string, Features> {
  const zone = (name: string, crop: string, lon: number, lat: number) => ({
    properties: { name, crop, areaHa: 225, year: 2025 },
    geometry: { type: 'Polygon', coordinates: squareCoordinates(lon, lat, 0.014) },
  });
  return {
    vung_che: [zone('Vùng chè Shan tuyết Tủa Chùa', 'Chè', 103.35, 21.95)],
    vung_ca_phe: [zone('Vùng cà phê Mường Ảng', 'Cà phê', 103.2, 21.5)],
  };
}

/** The two layers of zones as the two tables of a GeoPackage. Returns the file's path. */
export function twoZoneTablesGeoPackage(): string {
  return geoPackageOf(twoZoneLayers());
}

/** The two layers of zones as two shapefiles zipped in a folder, `vung/vung_che.shp` and `vung/vung_ca_phe.shp`. */
export function twoZoneShapefilesZip(): Uint8Array {
  return shapefilesZip(twoZoneLayers(), 'vung/');
}
