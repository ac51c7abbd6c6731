import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { dbfNames } from '../../server/imports/plans/features.ts';
import { ALIASES as ZONE_ALIASES } from '../../server/imports/plans/zones.ts';
import { REASON, SOURCE_COLUMNS } from '../../server/imports/tables/columns.ts';
import { TABLE_SPECS } from '../../server/imports/tables/specs.ts';
import { localizeStated } from '../../client/lib/stated-text.ts';
import { changedFields } from '../../client/ui/history/describe.ts';
import { changeWords } from '../../client/ui/imports/preview-rows.ts';
import { factAreaText } from '../../client/ui/zone-facts.ts';
import { getJson } from '../helpers/test-app.ts';
import { editorReq, importHarness } from './helpers.ts';

/** A zone as GIS staff send it: a surveyed square with its figures and its own source columns. */
const ZONE = {
  name: 'Vùng chè Shan tuyết Tủa Thàng',
  crop: 'tea',
  areaHa: 120,
  year: 2025,
  sourceTitle: 'Báo cáo Sở Nông nghiệp 2025',
  sourceDate: '2025-05-01',
  sourceUrl: 'https://sonn.dienbien.gov.vn/bc',
};
const square = [
  [
    [103.35, 21.95],
    [103.365, 21.95],
    [103.365, 21.965],
    [103.35, 21.965],
    [103.35, 21.95],
  ],
];
const dir = mkdtempSync(join(tmpdir(), 'zone-facts-'));
function geojson(properties: Record<string, unknown> = ZONE): string {
  const path = join(dir, `z-${Math.random().toString(36).slice(2)}.geojson`);
  writeFileSync(
    path,
    JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square } }] }),
  );
  return path;
}

let h: ReturnType<typeof importHarness>;
beforeEach(() => {
  h = importHarness();
});

const upload = (fileName: string, bytes: Uint8Array) => ({ kind: 'zones' as const, fileName, bytes, source: null });
async function importOnce(fileName: string, bytes: Uint8Array) {
  const preview = await h.importer.preview(editorReq(), upload(fileName, bytes));
  expect(preview.errors).toEqual([]);
  if (preview.canCommit) h.importer.commit(editorReq(), preview.id);
  return preview;
}
async function zone() {
  const features = (await getJson(h.app, '/api/zones')).body.features;
  return features.find((f: any) => f.properties.name === ZONE.name).properties;
}

describe('importing the same zones twice writes them once', () => {
  it('a GeoJSON file: the second preview is unchanged and the zone keeps one sourced figure', async () => {
    const bytes = new Uint8Array(readFileSync(geojson()));
    const first = await importOnce('vung.geojson', bytes);
    expect(first.changes.map((c: any) => c.action)).toEqual(['create']);
    const again = await importOnce('vung.geojson', bytes);
    expect(again.changes).toEqual([]);
    expect(again.unchangedRows).toEqual([1]);
    const z = await zone();
    expect(z.facts).toHaveLength(1);
    expect(z.facts[0]).toMatchObject({ areaHa: 120, year: '2025', source: { title: ZONE.sourceTitle, date: '2025-05-01' } });
  });

  it('the same data as a GeoPackage (ogr2ogr) after the GeoJSON', async () => {
    const path = geojson();
    await importOnce('vung.geojson', new Uint8Array(readFileSync(path)));
    const gpkg = join(dir, 'vung.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', '-overwrite', gpkg, path]);
    for (let i = 0; i < 2; i++) {
      const again = await importOnce('vung.gpkg', new Uint8Array(readFileSync(gpkg)));
      expect(again.changes).toEqual([]);
    }
    expect((await zone()).facts).toHaveLength(1);
  });

  it('a changed figure is a change, and adds its sourced figure beside the earlier one', async () => {
    await importOnce('vung.geojson', new Uint8Array(readFileSync(geojson())));
    const changed = await importOnce('vung2.geojson', new Uint8Array(readFileSync(geojson({ ...ZONE, areaHa: 150 }))));
    expect(changed.changes.map((c: any) => c.action)).toEqual(['update']);
    expect((await zone()).facts.map((f: any) => f.areaHa)).toEqual([120, 150]);
  });
});

describe('a shapefile from GDAL or QGIS, whose attribute names are cut to 10 characters', () => {
  it('reads sourceTitle cut to sourceTitl (and the other cut names) as the source', async () => {
    const out = mkdtempSync(join(dir, 'shp-'));
    const withLongNames = { ...ZONE, sourceConfidence: 'medium' };
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', join(out, 'vung.shp'), geojson(withLongNames)]);
    const fields = execFileSync('ogrinfo', ['-so', '-al', join(out, 'vung.shp')]).toString();
    expect(fields).toMatch(/^sourceTitl: /m);
    expect(fields).toMatch(/^sourceConf: /m);
    const files = Object.fromEntries(readdirSync(out).map((f) => [`vung/${f}`, new Uint8Array(readFileSync(join(out, f)))]));
    const preview = await importOnce('vung.zip', zipSync(files));
    expect(preview.format).toBe('shapefile');
    const z = await zone();
    expect(z.facts).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ title: ZONE.sourceTitle, date: '2025-05-01', confidence: 'medium' }) }),
    ]);
  });

  it('no two names a zones file or a boundaries file reads are cut to the same 10 characters', () => {
    expect(() => dbfNames(ZONE_ALIASES)).not.toThrow();
    expect(dbfNames(ZONE_ALIASES).get('sourcetitl')).toBe('sourceTitle');
    expect(() => dbfNames({ sourceTitle: [], sourceTitleVi: [] })).toThrow(/both cut to the DBF name sourceTitl/);
    // A zones file reads every source and reason column the templates declare, and no template's columns collide when cut.
    for (const c of [...SOURCE_COLUMNS, REASON]) expect(Object.keys(ZONE_ALIASES)).toContain(c.key);
    for (const spec of Object.values(TABLE_SPECS)) expect(() => dbfNames(Object.fromEntries(spec.columns.map((c) => [c.key, []])))).not.toThrow();
  });
});

describe('a zone’s sourced figures in words: card, import preview and history', () => {
  it('the card gives the hectares an edit or import stored, “not stated” only without any', () => {
    expect(factAreaText({ areaHa: 120, areaText: null }, 'vi')).toBe('120 ha');
    expect(factAreaText({ areaHa: 1250.5, areaText: null }, 'en')).toBe('1,250.5 ha');
    expect(factAreaText({ areaHa: 6000, areaText: '~6,000' }, 'vi')).toBe(`${localizeStated('~6,000', 'vi')} ha`);
    expect(factAreaText({ areaHa: null, areaText: null }, 'vi')).toBeNull();
  });

  it('the preview words an added figure with its year and source, not as JSON', async () => {
    const created = await importOnce('vung.geojson', new Uint8Array(readFileSync(geojson())));
    expect(changeWords(created.changes[0], 'en').fields).toContainEqual({
      label: 'Sourced figure added',
      before: null,
      after: `120 ha (2025), source: ${ZONE.sourceTitle}`,
    });
    const changed = await h.importer.preview(editorReq(), upload('v2.geojson', new Uint8Array(readFileSync(geojson({ ...ZONE, areaHa: 150 })))));
    const words = changeWords(changed.changes[0], 'vi');
    expect(words.fields).toEqual([
      { label: 'Diện tích', before: '120 ha', after: '150 ha' },
      { label: 'Thêm số liệu theo nguồn', before: null, after: `150 ha (2025), nguồn: ${ZONE.sourceTitle}` },
    ]);
    expect(words.fields.some((f) => /[{[]/.test(`${f.before}${f.after}`))).toBe(false);
  });

  it('the history entry of an import lists the figure it added', async () => {
    await importOnce('vung.geojson', new Uint8Array(readFileSync(geojson())));
    await importOnce('v2.geojson', new Uint8Array(readFileSync(geojson({ ...ZONE, areaHa: 150 }))));
    const id = (await zone()).id;
    const { entries } = (await getJson(h.app, `/api/history?entity=zone&entityId=${id}`)).body;
    const update = entries.find((e: any) => e.action === 'update');
    const names = { unit: (c: string) => c, product: (p: string) => p, source: (s: number) => (s === update.sourceId ? update.source.title : null) };
    expect(changedFields('zone', update.before, update.after, 'en', names)).toContainEqual({
      label: 'Sourced figure added',
      before: null,
      after: `150 ha (2025), source: ${ZONE.sourceTitle}`,
    });
  });
});

describe('a stated area the surveyed shape contradicts', () => {
  it('is warned of beside its row with both figures, and kept as stated; the zone then carries its shape’s measured area', async () => {
    // The square is 0.015° across at 22° N: about 258 ha, where the source states 120.
    const preview = await importOnce('vung.geojson', new Uint8Array(readFileSync(geojson())));
    expect(preview.canCommit).toBe(true);
    expect(preview.warnings).toEqual([
      {
        row: 1,
        column: 'areaHa',
        code: 'area_mismatch',
        message:
          'the stated area, 120 ha, and the area the drawn shape measures, about 258 ha, differ by more than 1.5×: the stated figure is kept as its source gives it; check it, or the shape',
      },
    ]);
    const stored = await zone();
    expect(stored.areaHa).toBe(120);
    expect(stored.shapeAreaHa).toBeCloseTo(258, -1);
    const agreeing = await h.importer.preview(editorReq(), upload('v2.geojson', new Uint8Array(readFileSync(geojson({ ...ZONE, areaHa: 250 })))));
    expect(agreeing.warnings).toEqual([]);
  });

  it('is worded in Vietnamese for a Vietnamese reader', async () => {
    const preview = await h.importer.preview(editorReq(), upload('vung.geojson', new Uint8Array(readFileSync(geojson({ ...ZONE, areaHa: 1200 })))), 'vi');
    expect(preview.warnings[0].message).toBe(
      'diện tích ghi, 1.200 ha, và diện tích đo trên hình vẽ, khoảng 258 ha, chênh nhau quá 1,5 lần: số liệu ghi được giữ nguyên như nguồn nêu; hãy kiểm tra lại số liệu hoặc hình vẽ',
    );
  });
});
