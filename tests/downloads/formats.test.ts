import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../server/catalog/columns.ts';
import { communes2020, products } from '../../server/catalog/index.ts';
import { forProvince } from '../../server/catalog/province-text.ts';
import { featureCounts, fieldTypes, ogrinfo, saveTemp } from '../helpers/gdal.ts';
import { committedProvince, getJson, testApp } from '../helpers/test-app.ts';
import { provinceDate } from '../../server/domain/dates.ts';

const { app } = testApp();

async function download(path: string) {
  const res = await app.request(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(bytes)}`);
  return { res, bytes, text: () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const fileName = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '';

const GADM_NOTE = committedProvince().licences.boundaries.terms.vi;
const VIEW = 'collections=communes-2020,ocop-products,zones,ntm-recognitions,targets&asOf=2021-06-30';

describe('CSV', async () => {
  const { res, bytes, text } = await download('/api/downloads/communes-2020.csv?asOf=2021-06-30');
  const rows: string[][] = parse(text().slice(1), { relax_column_count: false });
  const [header, ...data] = rows;
  const api = (await getJson(app, '/api/communes?asOf=2021-06-30')).body;

  it('is UTF-8 with a BOM, so Excel shows Vietnamese', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(text()).toContain('Điện Biên');
  });

  it('has one row per feature and nothing else: a rectangular table', () => {
    expect(data).toHaveLength(129);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
  });

  it('has the schema-derived columns, then wkt, asOf and licence', () => {
    const schemaKeys = columnsOf(communes2020.properties).map((c) => c.key);
    expect(header).toEqual([...schemaKeys, 'wkt', 'asOf', 'licence']);
    expect(header).toEqual(expect.arrayContaining(['decision.ref', 'labelPoint.lon', 'sources.title', 'sources.date', 'sources.url', 'sources.confidence']));
  });

  it('agrees with /api row by row, and carries the sources, the date and the boundary licence on every row', () => {
    const col = (k: string) => header.indexOf(k);
    const thanhYen = data.find((r) => r[col('code')] === '03346')!;
    expect(thanhYen[col('ntmStatus')]).toBe('standard');
    expect(thanhYen[col('decision.ref')]).toBe('QĐ 520/QĐ-UBND');
    expect(thanhYen[col('sources.url')]).toContain('huyendienbien.gov.vn');
    expect(thanhYen[col('wkt')]).toMatch(/^(MULTI)?POLYGON \(\(/);
    expect(data.map((r) => [r[col('code')], r[col('ntmStatus')]])).toEqual(api.features.map((f: any) => [f.properties.code, f.properties.ntmStatus]));
    for (const r of data) {
      expect(r[col('asOf')]).toBe('2021-06-30');
      expect(r[col('licence')]).toContain(GADM_NOTE);
    }
  });

  it('opens in GDAL (QGIS) with its shapes and the right count', () => {
    const path = saveTemp(fileName(res), bytes);
    const { stdout, stderr } = ogrinfo(['-so', '-al', '-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'AUTODETECT_TYPE=YES', path]);
    expect(stderr).toBe('');
    expect(featureCounts(stdout)).toEqual({ 'xa-ntm-2021-06-30': 129 });
    expect(fieldTypes(stdout)).toMatchObject({ areaKm2: 'Real', since: 'Date', ntmStatus: 'String' });
  });

  it('gives points as lon and lat columns, and never lets a text cell run as a formula', async () => {
    const csv = (await download('/api/downloads/ocop-products.csv')).text();
    const [h, ...r] = parse(csv.slice(1)) as string[][];
    expect(h.slice(-3)).toEqual(['lon', 'lat', 'licence']);
    expect(r.filter((row) => row[h.indexOf('lon')] !== '').every((row) => Number(row[h.indexOf('lat')]) > 20)).toBe(true);
    expect(r.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);
  });
});

describe('GeoJSON', () => {
  it('is the /api collection with what it is, its date and its licences', async () => {
    const { res, text } = await download('/api/downloads/communes-2020.geojson?asOf=2021-06-30&district=100');
    const body = JSON.parse(text());
    const api = (await getJson(app, '/api/communes?asOf=2021-06-30&district=100')).body;
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(body).toMatchObject({
      type: 'FeatureCollection',
      collection: 'communes-2020',
      unitSet: '2020',
      asOf: '2021-06-30',
      parameters: { asOf: '2021-06-30', district: '100' },
    });
    expect(body.features).toEqual(api.features);
    expect(body.licences.map((l: any) => l.id)).toEqual(['gadm', 'gso', 'research']);
    expect(body.licences[0].terms.vi).toBe(GADM_NOTE);
  });
});

describe('XLSX', async () => {
  const { res, bytes } = await download(`/api/downloads/view.xlsx?${VIEW}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const counts = { communes: 129, products: 0, zones: 0, recognitions: 0, targets: 0 };
  for (const [key, path] of [
    ['products', '/api/products'],
    ['zones', '/api/zones'],
  ] as const) {
    counts[key] = (await getJson(app, path)).body.features.length;
  }

  it('reads back with exceljs: one sheet per collection and a Sources & licences sheet', () => {
    expect(fileName(res)).toBe('ban-do-2021-06-30.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['xa_ntm', 'san_pham_ocop', 'vung_nguyen_lieu', 'cong_nhan_ntm', 'chi_tieu', 'Nguồn và giấy phép']);
    expect(wb.getWorksheet('xa_ntm')!.rowCount).toBe(1 + counts.communes);
    expect(wb.getWorksheet('vung_nguyen_lieu')!.rowCount).toBe(1 + counts.zones);
  });

  it('keeps numbers and booleans typed, with a header of the schema columns', () => {
    const ws = wb.getWorksheet('xa_ntm')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['code', 'unitSet', 'name']);
    expect(header).toContain('sources.title');
    const row = ws.getRow(2);
    expect(typeof row.getCell(header.indexOf('areaKm2') + 1).value).toBe('number');
    expect(typeof row.getCell(header.indexOf('disputed') + 1).value).toBe('boolean');
    expect(row.getCell(header.indexOf('code') + 1).value).toMatch(/^\d{5}$/);
  });

  it('filters OCOP products by the date, as /api/stats counts them', async () => {
    const stats = (await getJson(app, '/api/stats?asOf=2021-06-30')).body;
    expect(wb.getWorksheet('san_pham_ocop')!.rowCount - 1).toBe(stats.ocop.total);
  });

  it('says each layer’s date and the boundary licence on the Sources & licences sheet', () => {
    const text = (wb.getWorksheet('Nguồn và giấy phép')!.getSheetValues() as unknown[][])
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(text).toContain(GADM_NOTE);
    expect(text).toContain(committedProvince().licences.boundaries.terms.en);
    expect(text).toContain('2021-06-30');
    expect(text).toContain('huyendienbien.gov.vn');
  });

  it('opens in GDAL with the same counts', () => {
    const { stdout } = ogrinfo(['-so', '-al', saveTemp('view.xlsx', bytes)]);
    expect(featureCounts(stdout)).toMatchObject({ xa_ntm: 129, vung_nguyen_lieu: counts.zones });
  });
});

describe('GeoPackage', async () => {
  const { res, bytes } = await download(`/api/downloads/view.gpkg?${VIEW}`);
  const path = saveTemp(fileName(res), bytes);

  it('is a GeoPackage 1.3 SQLite file with the required tables and the standard spatial reference systems', () => {
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.prepare('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').pluck().all()).toEqual([-1, 0, 4326]);
    const contents = db.prepare('SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name').all();
    expect(contents).toEqual([
      { table_name: 'chi_tieu', data_type: 'attributes', srs_id: null },
      { table_name: 'cong_nhan_ntm', data_type: 'attributes', srs_id: null },
      { table_name: 'nguon_va_giay_phep', data_type: 'attributes', srs_id: null },
      { table_name: 'san_pham_ocop', data_type: 'features', srs_id: 4326 },
      { table_name: 'vung_nguyen_lieu', data_type: 'features', srs_id: 4326 },
      { table_name: 'xa_ntm', data_type: 'features', srs_id: 4326 },
    ]);
    expect(db.prepare('SELECT table_name, geometry_type_name FROM gpkg_geometry_columns ORDER BY table_name').all()).toEqual([
      { table_name: 'san_pham_ocop', geometry_type_name: 'POINT' },
      { table_name: 'vung_nguyen_lieu', geometry_type_name: 'MULTIPOLYGON' },
      { table_name: 'xa_ntm', geometry_type_name: 'MULTIPOLYGON' },
    ]);
    const blob = db.prepare('SELECT geom FROM xa_ntm LIMIT 1').pluck().get() as Buffer;
    expect(blob.subarray(0, 2).toString()).toBe('GP');
    expect(blob.readInt32LE(4)).toBe(4326);
    db.close();
  });

  it('opens in ogrinfo without warnings, with every layer’s feature count and geometry type', async () => {
    const { stdout, stderr } = ogrinfo(['-so', '-al', path]);
    expect(stderr).toBe('');
    const recognitions = (await download('/api/downloads/ntm-recognitions.geojson')).text();
    const targets = (await download('/api/downloads/targets.geojson')).text();
    const stats = (await getJson(app, '/api/stats?asOf=2021-06-30')).body;
    expect(featureCounts(stdout)).toEqual({
      xa_ntm: 129,
      san_pham_ocop: stats.ocop.total,
      vung_nguyen_lieu: (await getJson(app, '/api/zones')).body.features.length,
      cong_nhan_ntm: JSON.parse(recognitions).features.length,
      chi_tieu: JSON.parse(targets).features.length,
      nguon_va_giay_phep: 3 + 2 + 2 + 2 + 1,
    });
    expect(stdout).toMatch(/Layer name: xa_ntm\n[\s\S]*?Geometry: Multi Polygon/);
    expect(stdout).toMatch(/Layer name: san_pham_ocop\n[\s\S]*?Geometry: Point/);
  });

  it('has typed columns, the date of each layer and the licence as metadata QGIS shows', () => {
    const layer = ogrinfo(['-so', path, 'xa_ntm']).stdout;
    expect(fieldTypes(layer)).toMatchObject({
      code: 'String',
      areaKm2: 'Real',
      ntmYear: 'Integer64',
      disputed: 'Integer(Boolean)',
      since: 'Date',
      asOf: 'Date',
    });
    expect(layer).toContain('AS_OF=2021-06-30');
    expect(ogrinfo(['-so', path]).stdout).toContain(`LICENCE=GADM 4.1: ${GADM_NOTE}`);
  });

  it('says its licences in English with no Vietnamese in LICENCE_EN (the licence titles are Vietnamese names)', () => {
    const english = /LICENCE_EN=(.*)/.exec(ogrinfo(['-so', path]).stdout)?.[1] ?? '';
    expect(english).toContain('Facts from public sources, each record with its own: Facts re-expressed');
    expect(english).not.toMatch(/[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i);
  });

  it('holds the same features as /api, geometry included', async () => {
    const feature = ogrinfo(['-where', "code = '03346'", path, 'xa_ntm']).stdout;
    expect(feature).toContain('ntmStatus (String) = standard');
    expect(feature).toMatch(/MULTIPOLYGON \(\(\(103\.\d+ 21\.\d+/);
  });
});

describe('KML', async () => {
  const { res, bytes, text } = await download('/api/downloads/view.kml?collections=communes-2020,ocop-products&asOf=2021-06-30&stars=4,5');
  const kml = text();

  it('opens in GDAL: one folder per collection with its feature count and typed fields', async () => {
    const { stdout } = ogrinfo(['-so', '-al', saveTemp(fileName(res), bytes)]);
    const { byStars } = (await getJson(app, '/api/stats?asOf=2021-06-30')).body.ocop;
    expect(byStars['4'] + byStars['5']).toBeGreaterThan(0);
    const title = (c: typeof communes2020 | typeof products) => forProvince(c.title, committedProvince()).vi;
    expect(featureCounts(stdout)).toEqual({ [title(communes2020)]: 129, [title(products)]: byStars['4'] + byStars['5'] });
    expect(fieldTypes(stdout)).toMatchObject({ areaKm2: 'Real', ocopProducts: 'Integer', code: 'String' });
  });

  it('names placemarks, styles them by the map’s classes and puts the licence in the Document description', () => {
    expect(res.headers.get('content-type')).toBe('application/vnd.google-earth.kml+xml; charset=utf-8');
    expect(kml).toContain('<name>Xã Thanh Yên</name><styleUrl>#xa_ntm-2</styleUrl>');
    expect(kml).toMatch(/<Style id="xa_ntm-2"><LineStyle>.*<PolyStyle><color>b3c4b641<\/color>/);
    const description = /<Document>\n<name>.*<\/name>\n<description>([^<]*)<\/description>/.exec(kml)?.[1];
    expect(description).toContain('GADM 4.1: Ranh giới xã, huyện: GADM 4.1 — chỉ dùng phi thương mại');
    expect(kml).toContain('tính đến 2021-06-30');
  });

  it('escapes XML in every text', () => {
    expect(kml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});

describe('zip of CSV files for a view', () => {
  it('holds one UTF-8 CSV per collection and the sources and licences note', async () => {
    const { res, bytes } = await download('/api/downloads/view.csv?collections=communes-2020,zones&asOf=2021-06-30&crop=tea');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(fileName(res)).toBe('ban-do-2021-06-30.zip');
    const files = unzipSync(bytes);
    const today = provinceDate(new Date());
    expect(Object.keys(files)).toEqual(['xa-ntm-2021-06-30.csv', `vung-nguyen-lieu-${today}.csv`, 'NGUON-VA-GIAY-PHEP.txt']);
    const zones = parse(new TextDecoder().decode(files[`vung-nguyen-lieu-${today}.csv`]), { columns: true }) as Record<string, string>[];
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.every((z) => z.crop === 'tea')).toBe(true);
    const note = new TextDecoder().decode(files['NGUON-VA-GIAY-PHEP.txt']);
    expect(note).toContain(GADM_NOTE);
    expect(note).toContain('tính đến 2021-06-30');
  });
});
