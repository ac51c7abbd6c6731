import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../server/http/errors.ts';
import { readZip } from '../../server/imports/formats/archive.ts';
import { gpkgBlobToGeometry, wkbToGeometry } from '../../server/imports/formats/wkb.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../server/imports/limits.ts';
import { getJson } from '../helpers/test-app.ts';
import { squareCoordinates as square } from '../helpers/shapes.ts';
import { editorReq, importHarness, SOURCE } from './helpers.ts';

/**
 * Map files as GIS staff make them: GDAL's ogr2ogr writes the shapefile and GeoPackage fixtures
 * in VN-2000 / TM-3 103-00 (EPSG:9205), and PROJ's cs2cs says where their corners are in WGS 84.
 */
function cs2cs(from: string, to: string, points: Position[]): Position[] {
  const out = execFileSync('cs2cs', ['-f', '%.9f', from, to], { input: points.map((p) => `${p[0]} ${p[1]}`).join('\n') }).toString();
  return out
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).slice(0, 2).map(Number));
}

const dir = mkdtempSync(join(tmpdir(), 'import-geo-'));
/** A surveyed square in the province, in EPSG:9205 metres: the grid point of 103.35°E 21.95°N and 1.5 km east and north of it. */
const [[e0, n0]] = cs2cs('OGC:CRS84', 'EPSG:9205', [[103.35, 21.95]]);
const grid: Position[] = [
  [e0, n0],
  [e0 + 1500, n0],
  [e0 + 1500, n0 + 1500],
  [e0, n0 + 1500],
  [e0, n0],
].map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);

function geojsonIn9205(name: string, crsMember: boolean) {
  const fc = {
    type: 'FeatureCollection',
    ...(crsMember ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9205' } } } : {}),
    features: [
      {
        type: 'Feature',
        properties: { name: 'Vùng chè Shan tuyết đo đạc', crop: 'Chè', area_ha: 225, year: 2025 },
        geometry: { type: 'Polygon', coordinates: [grid] },
      },
    ],
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(fc));
  return path;
}

/** A zipped shapefile written by ogr2ogr, optionally without its .prj. */
function shapefileZip(withPrj = true): Uint8Array {
  const out = mkdtempSync(join(dir, 'shp-'));
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:9205', '-lco', 'ENCODING=UTF-8', join(out, 'vung.shp'), geojsonIn9205('in.geojson', false)]);
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(out)) if (withPrj || !f.endsWith('.prj')) files[`vung/${f}`] = readFileSync(join(out, f));
  return zipSync(files);
}

let h: ReturnType<typeof importHarness>;
beforeEach(() => {
  h = importHarness();
});

const zonesUpload = (fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
  kind: 'zones' as const,
  fileName,
  bytes,
  source: SOURCE,
  ...extra,
});

/** A GeoJSON file of small zones in the province, one per row of properties. */
function zonesGeoJson(rows: Record<string, unknown>[]) {
  const shape = {
    type: 'Polygon',
    coordinates: [
      [
        [103.35, 21.95],
        [103.36, 21.95],
        [103.36, 21.96],
        [103.35, 21.95],
      ],
    ],
  };
  return new TextEncoder().encode(
    JSON.stringify({ type: 'FeatureCollection', features: rows.map((properties) => ({ type: 'Feature', properties, geometry: shape })) }),
  );
}

async function importedZone(fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) {
  const preview = await h.importer.preview(editorReq(), zonesUpload(fileName, bytes, extra));
  expect(preview.errors).toEqual([]);
  h.importer.commit(editorReq(), preview.id);
  const zones = (await getJson(h.app, '/api/zones')).body.features;
  return { preview, zone: zones.find((f: any) => f.properties.name === 'Vùng chè Shan tuyết đo đạc') };
}

/**
 * The largest distance, in metres, from where cs2cs puts each grid corner to the stored vertex
 * nearest it (a shapefile stores its outer ring clockwise, so the order may differ).
 */
function worstMetres(ring: Position[]): number {
  expect(ring).toHaveLength(grid.length);
  const expected = cs2cs('EPSG:9205', 'OGC:CRS84', grid);
  const metres = ([x, y]: Position, [lon, lat]: Position) => Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 110_574);
  return Math.max(...expected.map((p) => Math.min(...ring.map((v) => metres(v, p)))));
}

describe('a zipped shapefile in EPSG:9205 (VN-2000 / TM-3 103-00)', () => {
  it('lands where PROJ’s cs2cs puts the same coordinates, within 1 m', async () => {
    const { preview, zone } = await importedZone('vung-che.zip', shapefileZip());
    expect(preview.format).toBe('shapefile');
    expect(preview.crs).toMatchObject({ code: 'EPSG:9205', from: 'file' });
    expect(zone.properties).toMatchObject({ crop: 'tea', extent: 'surveyed', areaHa: 225 });
    expect(worstMetres(zone.geometry.coordinates[0])).toBeLessThan(1);
  });

  it('without its .prj is refused unless the user names the system, and then lands the same', async () => {
    const bytes = shapefileZip(false);
    await expect(h.importer.preview(editorReq(), zonesUpload('vung.zip', bytes))).rejects.toMatchObject({ status: 400, code: 'crs_missing' });
    const { zone } = await importedZone('vung.zip', bytes, { crs: 'EPSG:9205' });
    expect(worstMetres(zone.geometry.coordinates[0])).toBeLessThan(1);
  });

  it('refuses a user’s system that contradicts the .prj', async () => {
    await expect(h.importer.preview(editorReq(), zonesUpload('vung.zip', shapefileZip(), { crs: 'EPSG:9206' }))).rejects.toMatchObject({
      code: 'crs_conflict',
    });
  });
});

describe('GeoPackage, GeoJSON and KML', () => {
  it('reads a GeoPackage in EPSG:9205 (gpkg_spatial_ref_sys, geometry blobs) to the same place', async () => {
    const path = join(dir, 'vung.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:9205', '-nln', 'vung_che', path, geojsonIn9205('g.geojson', false)]);
    const { preview, zone } = await importedZone('vung.gpkg', new Uint8Array(readFileSync(path)));
    expect(preview).toMatchObject({ format: 'geopackage', layer: 'vung_che', crs: { code: 'EPSG:9205' } });
    expect(worstMetres(zone.geometry.coordinates[0])).toBeLessThan(1);
  });

  it('reads the GeoJSON crs member; without one the file is WGS 84, and metres are refused', async () => {
    const { zone } = await importedZone('v.geojson', new Uint8Array(readFileSync(geojsonIn9205('crs.geojson', true))));
    expect(worstMetres(zone.geometry.coordinates[0])).toBeLessThan(1);
    const bare = new Uint8Array(readFileSync(geojsonIn9205('bare.geojson', false)));
    await expect(h.importer.preview(editorReq(), zonesUpload('bare.geojson', bare))).rejects.toMatchObject({
      code: 'crs_mismatch',
      message: expect.stringMatching(/projected metres/),
      // Where the system was read, in the reader's language too.
      text: { vi: expect.stringContaining('(GeoJSON không có thành phần crs (RFC 7946: kinh độ/vĩ độ WGS 84))') },
    });
  });

  it('refuses GeoJSON whose geometry is not GeoJSON’s shape, naming the feature (no 500)', async () => {
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const feature = (geometry: unknown) => ({ type: 'Feature', properties: { name: 'A', crop: 'tea' }, geometry });
    const bad: [unknown, RegExp][] = [
      [feature({ type: 'Polygon', coordinates: 5 }), /feature 1: a Polygon's coordinates/],
      [
        {
          type: 'FeatureCollection',
          features: [feature({ type: 'Polygon', coordinates: [[[103.35, 21.95]]] }), feature({ type: 'Polygon', coordinates: [[['x', 'y']]] })],
        },
        /feature 2:/,
      ],
      [
        {
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'EPSG:9205' } },
          features: [feature({ type: 'Polygon', coordinates: [[[1, null]]] })],
        },
        /feature 1:/,
      ],
      [feature({ type: 'Circle', coordinates: [103, 21] }), /unknown geometry type "Circle"/],
      [feature({ type: 'GeometryCollection' }), /"geometries" array/],
      [{ type: 'Polygon', coordinates: [[5]] }, /the geometry: a Polygon's coordinates/],
    ];
    for (const [doc, message] of bad) {
      await expect(h.importer.preview(editorReq(), zonesUpload('bad.geojson', enc(doc)))).rejects.toMatchObject({ status: 400, code: 'invalid_file', message });
    }
  });

  it('refuses an unknown coordinate system by name, never guessing', async () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:32648' } }, features: [] };
    await expect(h.importer.preview(editorReq(), zonesUpload('utm.geojson', new TextEncoder().encode(JSON.stringify(fc))))).rejects.toSatisfy(
      (e: ApiError) => e.status === 400 && (e.code === 'crs_unknown' || e.code === 'invalid_file'),
    );
    const gjUnknown = JSON.parse(readFileSync(geojsonIn9205('u.geojson', true), 'utf8'));
    gjUnknown.crs.properties.name = 'EPSG:32648';
    await expect(h.importer.preview(editorReq(), zonesUpload('utm.geojson', new TextEncoder().encode(JSON.stringify(gjUnknown))))).rejects.toMatchObject({
      code: 'crs_unknown',
      message: expect.stringContaining('EPSG:32648'),
    });
  });

  it('reads KML (always WGS 84) and refuses a DTD', async () => {
    const ring = cs2cs('EPSG:9205', 'OGC:CRS84', grid)
      .map(([x, y]) => `${x},${y}`)
      .join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Vùng chè Shan tuyết đo đạc</name>
      <ExtendedData><Data name="crop"><value>tea</value></Data><Data name="areaHa"><value>225</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const { preview, zone } = await importedZone('vung.kml', new TextEncoder().encode(kml));
    expect(preview.format).toBe('kml');
    expect(worstMetres(zone.geometry.coordinates[0])).toBeLessThan(1);
    const bomb = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml>&a;</kml>`;
    await expect(h.importer.preview(editorReq(), zonesUpload('b.kml', new TextEncoder().encode(bomb)))).rejects.toMatchObject({ code: 'unsafe_file' });
  });

  it('a row without an id edits the zone of its name; names alike but for their marks need the exact name or the id', async () => {
    const first = await h.importer.preview(
      editorReq(),
      zonesUpload(
        'a.geojson',
        zonesGeoJson([
          { name: 'Vùng chè Pá Khoang', crop: 'tea', areaHa: 10 },
          { name: 'Vùng chè Pá Khoàng', crop: 'tea', areaHa: 20 },
        ]),
      ),
    );
    expect(first.errors).toEqual([]);
    h.importer.commit(editorReq(), first.id);
    // Typed without marks, the name fits both: the row must say which.
    const loose = await h.importer.preview(editorReq(), zonesUpload('b.geojson', zonesGeoJson([{ name: 'vung che pa khoang', crop: 'tea', areaHa: 30 }])));
    expect(loose.errors).toEqual([{ row: 1, column: 'id', message: expect.stringMatching(/2 zones are named like .*give the id/) }]);
    const exact = await h.importer.preview(editorReq(), zonesUpload('c.geojson', zonesGeoJson([{ name: 'Vùng chè Pá Khoàng', crop: 'tea', areaHa: 25 }])));
    expect(exact.errors).toEqual([]);
    h.importer.commit(editorReq(), exact.id);
    const areas = Object.fromEntries(
      (await getJson(h.app, '/api/zones?skipGeometry=true')).body.features.map((f: any) => [f.properties.name, f.properties.areaHa]),
    );
    expect(areas).toMatchObject({ 'Vùng chè Pá Khoang': 10, 'Vùng chè Pá Khoàng': 25 });
  });

  it('names the products a zone links, beside their ids', async () => {
    const product = h.db.prepare('SELECT id, name FROM ocop_products LIMIT 1').get() as { id: string; name: string };
    const preview = await h.importer.preview(
      editorReq(),
      zonesUpload('z.geojson', zonesGeoJson([{ name: 'Vùng chè có sản phẩm', crop: 'tea', areaHa: 10, products: product.id }])),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.changes[0].names[product.id]).toBe(product.name);
  });

  it('reports a zone whose MultiPolygon parts overlap against its row, naming the parts, and writes nothing', async () => {
    const feature = (name: string, ...parts: Position[][][]) => ({
      type: 'Feature',
      properties: { name, crop: 'tea' },
      geometry: { type: 'MultiPolygon', coordinates: parts },
    });
    const file = {
      type: 'FeatureCollection',
      features: [
        feature('Hai mảnh chồng nhau', square(103.35, 21.95, 0.02), square(103.4, 21.95, 0.01), square(103.36, 21.96, 0.02)),
        feature('Một mảnh trong mảnh kia', square(103.35, 21.95, 0.02), square(103.355, 21.955, 0.005)),
      ],
    };
    const before = h.count('zones');
    const preview = await h.importer.preview(editorReq(), zonesUpload('parts.geojson', new TextEncoder().encode(JSON.stringify(file))));
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toEqual([
      { row: 1, column: 'geometry', message: expect.stringMatching(/^polygons 1 and 3 overlap: /) },
      { row: 2, column: 'geometry', message: expect.stringMatching(/^polygon 2 lies inside polygon 1: /) },
    ]);
    expect(h.count('zones')).toBe(before);
  });

  it('reports a zone with a ring of no area against its row, naming the ring, and writes nothing', async () => {
    const line: Position[] = [
      [103.35, 21.95],
      [103.355, 21.955],
      [103.36, 21.96],
      [103.35, 21.95],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Vùng chè có lỗ thẳng hàng', crop: 'tea' },
          geometry: { type: 'Polygon', coordinates: [...square(103.3, 21.9, 0.1), line] },
        },
      ],
    };
    const before = h.count('zones');
    const preview = await h.importer.preview(editorReq(), zonesUpload('flat.geojson', new TextEncoder().encode(JSON.stringify(file))));
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toEqual([{ row: 1, column: 'geometry', message: 'polygon 1, ring 2: the ring has no area (all its corners lie on one line)' }]);
    expect(h.count('zones')).toBe(before);
  });

  it('reports a feature outside the province against its row, and writes nothing', async () => {
    const far = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Ngoài tỉnh', crop: 'tea' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [105.8, 21],
                [105.81, 21],
                [105.81, 21.01],
                [105.8, 21],
              ],
            ],
          },
        },
      ],
    };
    const before = h.count('zones');
    const preview = await h.importer.preview(editorReq(), zonesUpload('far.geojson', new TextEncoder().encode(JSON.stringify(far))));
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toEqual([{ row: 1, column: 'geometry', message: expect.stringMatching(/lies in the province/) }]);
    expect(h.count('zones')).toBe(before);
    expect(h.count('audit_log')).toBe(0);
  });
});

describe('archives are read defensively', () => {
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxUnzippedBytes: 8 * 1024 * 1024 };
  const refusal = (bytes: Uint8Array) => {
    try {
      readZip(bytes, limits);
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('the archive was accepted');
  };

  it('refuses path traversal and absolute names', () => {
    expect(refusal(zipSync({ '../../etc/passwd': new Uint8Array([1]) }))).toMatchObject({
      status: 400,
      code: 'unsafe_archive',
      message: expect.stringContaining('..'),
    });
    expect(refusal(zipSync({ '/etc/x.shp': new Uint8Array([1]) }))).toMatchObject({ code: 'unsafe_archive' });
  });

  it('refuses symbolic links', () => {
    const zip = zipSync({ 'link.shp': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(refusal(zip)).toMatchObject({ code: 'unsafe_archive', message: expect.stringContaining('symbolic link') });
  });

  it('stops a decompression bomb at the limit (413) and caps the entry count', () => {
    const bomb = zipSync({ 'a.shp': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(refusal(bomb)).toMatchObject({ status: 413, code: 'archive_too_large' });
    const many = zipSync(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}.txt`, new Uint8Array([i])])));
    expect(refusal(many)).toMatchObject({ status: 413, message: expect.stringContaining('100 entries') });
  });
});

describe('WKB and GeoPackage geometry blobs', () => {
  it('reads ISO WKB with Z, both byte orders, and refuses counts larger than the blob', () => {
    const b = Buffer.alloc(1 + 4 + 4 + 3 * 24);
    b.writeUInt8(1, 0);
    b.writeUInt32LE(1002, 1); // LineString Z
    b.writeUInt32LE(3, 5);
    for (const [i, v] of [103.1, 21.2, 500, 103.2, 21.3, 510, 103.3, 21.4, 520].entries()) b.writeDoubleLE(v, 9 + i * 8);
    expect(wkbToGeometry(b)).toEqual({
      type: 'LineString',
      coordinates: [
        [103.1, 21.2],
        [103.2, 21.3],
        [103.3, 21.4],
      ],
    });
    const big = Buffer.alloc(9 + 16);
    big.writeUInt8(0, 0);
    big.writeUInt32BE(2, 1);
    big.writeUInt32BE(1_000_000, 5);
    expect(() => wkbToGeometry(big)).toThrow(/more than the blob holds/);
    const gp = Buffer.concat([Buffer.from([0x47, 0x50, 0, 1, 0, 0, 0, 0]), b]);
    expect(gpkgBlobToGeometry(gp)?.type).toBe('LineString');
    expect(gpkgBlobToGeometry(Buffer.from([0x47, 0x50, 0, 0b10001, 0, 0, 0, 0]))).toBeNull();
  });
});
