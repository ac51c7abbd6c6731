import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { twoZoneShapefilesZip, twoZoneTablesGeoPackage } from '../helpers/gdal.ts';
import { csv, importApp, RECOGNITION_HEADER, SOURCE } from './helpers.ts';

const sourceField = { source: JSON.stringify(SOURCE) };

let t: ReturnType<typeof importApp>;
beforeEach(() => {
  t = importApp();
});

describe('importing NTM recognitions from CSV', () => {
  it('shows the one bad row’s error (row number, column, message) and writes nothing', async () => {
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const before = [t.count('ntm_recognitions'), t.count('audit_log'), t.count('import_batches'), t.count('sources')];
    const file = csv([
      RECOGNITION_HEADER,
      ['2020', '03205', 'standard', 2024, '12/QĐ-UBND', '2025-01-10'],
      ['2020', '03208', 'đạt chuẩn', 2099, '13/QĐ-UBND', '31/02/2025'],
      ['2020', '03211', 'basic', 2023, '', ''],
    ]);
    const res = await editor.upload('ntm-recognitions', 'cong-nhan.csv', file, sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([{ row: 3, column: 'decisionDate', message: '"31/02/2025" is not a date; write YYYY-MM-DD or DD/MM/YYYY' }]);
    expect(preview.canCommit).toBe(false);
    expect(preview.summary).toMatchObject({ create: 2, update: 0, errors: 1 });
    expect(preview.changes.map((c: any) => [c.action, c.id, c.rows])).toEqual([
      ['create', '03205-standard-2024', [2]],
      ['create', '03211-basic-2023', [4]],
    ]);
    const commit = await editor.post(`/api/imports/${preview.id}/commit`);
    expect(commit.status).toBe(409);
    expect((await commit.json()).error.code).toBe('preview_has_errors');
    expect([t.count('ntm_recognitions'), t.count('audit_log'), t.count('import_batches'), t.count('sources')]).toEqual(before);
  });

  it('commits a clean file as one batch, and reverting the batch restores every layer byte for byte', async () => {
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const admin = await t.user('admin1', 'admin');
    const layers = ['/api/communes?asOf=2025-06-30', '/api/districts?asOf=2025-06-30', '/api/stats?asOf=2025-06-30', '/api/timeline', '/api/communes/03205'];
    const before = await Promise.all(layers.map(t.get));
    // 03226 has a recognition in the seed (a correction), 03205 none (a new one).
    const existing = JSON.parse(await t.get('/api/timeline')).recognitions.find((r: any) => r.status === 'standard' && r.yearFor !== null);
    const file = csv([
      RECOGNITION_HEADER,
      ['2020', '03205', 'standard', 2024, '12/QĐ-UBND', '2025-01-10'],
      ['2020', existing.communeCode, 'standard', existing.yearFor, '99/QĐ-UBND', `${existing.yearFor + 1}-02-01`],
    ]);
    const preview = await (await editor.upload('ntm-recognitions', 'cong-nhan.csv', file, sourceField)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c: any) => c.action)).toEqual(['create', 'update']);
    expect(preview.changes[1].fields.map((f: any) => f.field)).toContain('decision');
    const res = await editor.post(`/api/imports/${preview.id}/commit`);
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result).toMatchObject({ counts: { create: 1, update: 1 }, batchId: expect.stringMatching(/^imp-/) });
    expect(JSON.parse(await t.get('/api/communes?asOf=2025-06-30')).features.find((f: any) => f.id === '03205').properties.ntmStatus).toBe('standard');
    expect((await editor.post(`/api/imports/${preview.id}/commit`)).status).toBe(404);

    const revert = await admin.post(`/api/audit/batches/${result.batchId}/revert`, { reason: 'Nhập nhầm tệp' });
    expect(revert.status).toBe(201);
    expect(await Promise.all(layers.map(t.get))).toEqual(before);
  });

  it('refuses a commit when the data changed since the preview', async () => {
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const first = await (
      await editor.upload('ntm-recognitions', 'a.csv', csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '1/QĐ', '2025-01-10']]), sourceField)
    ).json();
    const second = await (
      await editor.upload('ntm-recognitions', 'b.csv', csv([RECOGNITION_HEADER, ['2020', '03208', 'basic', 2023, '2/QĐ', '2024-01-10']]), sourceField)
    ).json();
    expect((await editor.post(`/api/imports/${second.id}/commit`)).status).toBe(201);
    const stale = await editor.post(`/api/imports/${first.id}/commit`);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'preview_stale', message: expect.stringContaining('preview the file again') });
  });

  it('needs a login, the editor role and the programme', async () => {
    const form = new FormData();
    form.set('kind', 'ntm-recognitions');
    form.set('file', new File([csv([RECOGNITION_HEADER]) as Uint8Array<ArrayBuffer>], 'a.csv'));
    expect((await t.app.request('/api/imports', { method: 'POST', body: form })).status).toBe(401);
    const viewer = await t.user('v1', 'viewer');
    const ocop = await t.user('o1', 'editor', ['ocop']);
    for (const u of [viewer, ocop]) {
      const res = await u.upload(
        'ntm-recognitions',
        'a.csv',
        csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '1/QĐ', '2025-01-10']]),
        sourceField,
      );
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const preview = await (
      await editor.upload('ntm-recognitions', 'a.csv', csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '1/QĐ', '2025-01-10']]), sourceField)
    ).json();
    expect((await ocop.post(`/api/imports/${preview.id}/commit`)).status).toBe(404);
  });

  it('lets an editor scoped to a district import its communes, refusing rows elsewhere beside their row', async () => {
    const scoped = await t.user('tuan-giao', 'editor', ['ntm'], [{ set: '2020', code: '101' }]);
    const file = csv([
      RECOGNITION_HEADER,
      ['2020', '03205', 'standard', 2024, '1/QĐ', '2025-01-10'],
      ['2020', '03325', 'standard', 2024, '2/QĐ', '2025-01-10'],
    ]);
    const preview = await (await scoped.upload('ntm-recognitions', 'a.csv', file, sourceField)).json();
    expect(preview.changes.map((c: any) => c.id)).toEqual(['03205-standard-2024']);
    expect(preview.errors).toEqual([{ row: 3, column: null, message: expect.stringMatching(/may not edit ntm on unit 03325 of the 2020–2025 units/) }]);
  });

  it('needs a source for every fact', async () => {
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const preview = await (
      await editor.upload('ntm-recognitions', 'a.csv', csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '1/QĐ', '2025-01-10']]))
    ).json();
    expect(preview.errors).toEqual([{ row: 2, column: 'sourceTitle', message: expect.stringMatching(/no source/) }]);
  });
});

describe('templates', () => {
  it('round-trips: download the XLSX template, fill it, upload it, preview clean', async () => {
    const res = await t.app.request('/api/imports/templates/ocop-products.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toContain('mau-nhap-san-pham-ocop.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Hướng dẫn']);
    const sheet = wb.worksheets[0];
    const keys = (sheet.getRow(1).values as string[]).slice(1).map((h) => /\((\w+)\)$/.exec(h)![1]);
    const row = sheet.getRow(2);
    const fill: Record<string, string | number> = {
      name: 'Chè Shan tuyết Tả Phìn',
      producerName: 'HTX Chè Tả Phìn',
      producerType: 'HTX',
      group: 'II',
      stars: 4,
      decisionRef: '88/QĐ-UBND',
      decisionDate: '15/05/2024',
      communeCode: '03232',
      sourceTitle: 'Quyết định công nhận sản phẩm OCOP 2024',
      sourceDate: '2024-05-15',
      sourceUrl: 'https://dienbien.gov.vn/qd-88',
    };
    keys.forEach((k, i) => {
      row.getCell(i + 1).value = fill[k] ?? null;
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const editor = await t.user('ocop1', 'editor', ['ocop']);
    const preview = await (await editor.upload('ocop-products', 'san-pham.xlsx', bytes)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.canCommit).toBe(true);
    expect(preview.changes[0]).toMatchObject({
      action: 'create',
      entity: 'product',
      rows: [2],
      after: { name: 'Chè Shan tuyết Tả Phìn', stars: 4, group: 'II', communeCode: '03232' },
    });
  });

  it('refuses the template’s example row left in, and explains every column in the CSV', async () => {
    const bytes = new Uint8Array(await (await t.app.request('/api/imports/templates/ntm-recognitions.csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Mã xã (communeCode)');
    expect(text).toMatch(/^"?# communeCode: Mã xã \(bắt buộc \/ required\)/m);
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const preview = await (await editor.upload('ntm-recognitions', 'mau.csv', new TextEncoder().encode(text))).json();
    expect(preview.errors).toEqual([{ row: 2, column: null, message: expect.stringMatching(/example row/) }]);
  });

  it('refuses the example row of a template downloaded before the examples came from the data (its example link)', async () => {
    const text = new TextDecoder().decode(await (await t.app.request('/api/imports/templates/ntm-recognitions.csv')).arrayBuffer());
    const [header, example, ...rest] = text.split('\r\n');
    // The old template's row named a real commune; only its link says it is the example.
    const old = example!
      .replace(/^(\d{4}),\d{5},[^,]*/, '$1,03205,Na Son')
      .replace('https://example.org/van-ban/123-qd-ubnd', 'https://dienbien.gov.vn/van-ban/123');
    expect(old).toContain('03205');
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const preview = await (await editor.upload('ntm-recognitions', 'mau-cu.csv', new TextEncoder().encode([header, old, ...rest].join('\r\n')))).json();
    expect(preview.errors).toEqual([{ row: 2, column: null, message: expect.stringMatching(/example row/) }]);
  });
});

describe('limits', () => {
  it('answers 413 with the envelope for a file, rows or vertices over the limits', async () => {
    const small = importApp({ maxUploadBytes: 2048, maxRows: 3 });
    const editor = await small.user('ntm1', 'editor', ['ntm', 'zones']);
    const big = await editor.upload('ntm-recognitions', 'big.csv', new Uint8Array(10_000));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { code: 'file_too_large', message: expect.stringContaining('2 KiB') } });
    const rows = Array.from({ length: 5 }, (_, i) => ['2020', '03205', 'basic', 2015 + i, '', '']);
    const many = await editor.upload('ntm-recognitions', 'many.csv', csv([RECOGNITION_HEADER, ...rows]), sourceField);
    expect(many.status).toBe(413);
    expect((await many.json()).error.code).toBe('too_many_rows');
    const vertices = importApp({ maxVertices: 10 });
    const z = await vertices.user('z1', 'editor', ['zones']);
    const ring = Array.from({ length: 12 }, (_, i) => [103.35 + 0.01 * Math.cos(i), 21.95 + 0.01 * Math.sin(i)]);
    ring.push(ring[0]);
    const gj = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'x', crop: 'tea' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const res = await z.upload('zones', 'z.geojson', new TextEncoder().encode(JSON.stringify(gj)), sourceField);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_many_vertices');
  });

  it('answers 400 for a file that is not what it claims', async () => {
    const editor = await t.user('z1', 'editor', ['zones']);
    const res = await editor.upload('zones', 'x.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0]));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('unsupported_format');
  });
});

/** Files of several layers, as QGIS staff keep a project's: the two layers of zones, vung_che and vung_ca_phe. */
const SEVERAL_LAYERS = [
  {
    what: 'a GeoPackage of several tables',
    name: 'vung.gpkg',
    bytes: () => new Uint8Array(readFileSync(twoZoneTablesGeoPackage())),
    format: 'geopackage',
    several: 'the GeoPackage holds 2 feature tables (vung_ca_phe, vung_che); choose one',
    unknown: 'tệp GeoPackage không có bảng đối tượng "vung_lua"; các bảng là vung_ca_phe, vung_che',
    pick: 'vung_che',
    zone: 'Vùng chè Shan tuyết Tủa Chùa',
  },
  {
    // Named as QGIS names their layers: without the folder or .shp.
    what: 'a zip of several shapefiles',
    name: 'vung.zip',
    bytes: twoZoneShapefilesZip,
    format: 'shapefile',
    several: 'the zip archive holds 2 shapefiles (vung_ca_phe, vung_che); choose one',
    unknown: 'tệp nén không có shapefile "vung_lua"; các shapefile là vung_ca_phe, vung_che',
    pick: 'vung_ca_phe',
    zone: 'Vùng cà phê Mường Ảng',
  },
];

describe.each(SEVERAL_LAYERS)('$what', ({ name, bytes: make, format, several, unknown, pick, zone }) => {
  it('is refused with choose_layer, its layers listed in error.layers, and previews the layer then chosen as layer', async () => {
    const zones = await t.user('z1', 'editor', ['zones']);
    const bytes = make();
    const res = await zones.upload('zones', name, bytes, sourceField);
    /** The envelope, with the layers a page offers to choose from. */
    const refusal = (message: string) => ({ error: { code: 'choose_layer', message, layers: ['vung_ca_phe', 'vung_che'] } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(refusal(several));
    // A name the file does not hold: the same list, in the reader's language.
    const wrong = await zones.upload('zones', name, bytes, { ...sourceField, layer: 'vung_lua' }, { 'Accept-Language': 'vi' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual(refusal(unknown));
    const chosen = await zones.upload('zones', name, bytes, { ...sourceField, layer: pick });
    expect(chosen.status).toBe(201);
    const preview = await chosen.json();
    expect(preview).toMatchObject({ format, layer: pick, rows: 1, errors: [] });
    expect(preview.changes.map((c: any) => [c.action, c.label])).toEqual([['create', expect.stringContaining(zone)]]);
  });
});
