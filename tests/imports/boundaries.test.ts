import { convex } from '@turf/turf';
import { beforeEach, describe, expect, it } from 'vitest';
import { importApp, SOURCE } from './helpers.ts';

/**
 * Replacing a unit set's boundaries with the province's official ones: the codes must match the
 * set exactly; the preview gives each unit's area change; districts and commune-extent zones
 * follow; the new licence replaces GADM's wherever the boundaries go; a batch revert undoes it.
 */
const LICENCE = {
  title: 'Ranh giới hành chính chính thức tỉnh Điện Biên (Sở NN&MT, 2025)',
  url: 'https://sonnmt.dienbien.gov.vn/ranh-gioi',
  termsVi: 'Dữ liệu của Sở Nông nghiệp và Môi trường tỉnh Điện Biên; được phép sử dụng và phân phối lại, ghi rõ nguồn.',
  termsEn: 'Data of the Điện Biên Department of Agriculture and Environment; use and redistribution allowed with attribution.',
  redistributable: true,
};

let t: ReturnType<typeof importApp>;
beforeEach(() => {
  t = importApp();
});

/** The set's current units as a GeoJSON file keyed by `ma_xa`, as the province's GIS staff would send it. */
async function officialFile(set: string, edit: (features: any[]) => any[] = (f) => f) {
  const units = JSON.parse(await t.get(`/api/units?set=${set}`));
  const features = units.features
    .filter((f: any) => f.properties.level === 'commune')
    .map((f: any) => ({ type: 'Feature', properties: { ma_xa: f.properties.code, ten: f.properties.name }, geometry: f.geometry }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: edit(features) }));
}

const fields = (set: string) => ({ unitSet: set, source: JSON.stringify(SOURCE), licence: JSON.stringify(LICENCE) });

describe('replacing the boundaries of a unit set', () => {
  it('refuses a file with a missing code (and one unknown), listing them, and writes nothing', async () => {
    const admin = await t.user('admin1', 'admin');
    const before = [t.count('audit_log'), t.count('boundary_licences')];
    const file = await officialFile('2025', (f) => [...f.filter((x) => x.properties.ma_xa !== '03202'), { ...f[0], properties: { ma_xa: '99999' } }]);
    const preview = await (await admin.upload('boundaries', 'ranh-gioi-2025.geojson', file, fields('2025'))).json();
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e: any) => e.message)).toEqual([
      expect.stringMatching(/1 code\(s\) of the 2025 unit set \(45 communes\) are missing: 03202$/),
      expect.stringMatching(/1 code\(s\) are not in the 2025 unit set .*: 99999/),
    ]);
    const commit = await admin.post(`/api/imports/${preview.id}/commit`);
    expect(commit.status).toBe(409);
    expect([t.count('audit_log'), t.count('boundary_licences')]).toEqual(before);
  });

  it('reports a unit whose MultiPolygon repeats a part against its row, naming the parts that overlap', async () => {
    const admin = await t.user('admin1', 'admin');
    const doubled = (g: any) => ({
      type: 'MultiPolygon',
      coordinates: g.type === 'Polygon' ? [g.coordinates, g.coordinates] : [...g.coordinates, g.coordinates[0]],
    });
    const file = await officialFile('2025', (f) => f.map((x, i) => (i === 0 ? { ...x, geometry: doubled(x.geometry) } : x)));
    const preview = await (await admin.upload('boundaries', 'ranh-gioi-2025.geojson', file, fields('2025'))).json();
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toEqual([{ row: 1, column: 'geometry', message: expect.stringMatching(/^unit \d{5}: polygons 1 and \d overlap: /) }]);
  });

  it('needs admin or the boundaries programme', async () => {
    const zones = await t.user('z1', 'editor', ['zones', 'ntm']);
    const res = await zones.upload('boundaries', 'r.geojson', await officialFile('2025'), fields('2025'));
    expect(res.status).toBe(403);
  });

  it('replaces 2020’s communes: area changes, districts and zones follow, the licence replaces GADM’s, and a revert restores it all', async () => {
    const editor = await t.user('gis1', 'editor', ['boundaries']);
    const admin = await t.user('admin1', 'admin');
    const paths = [
      '/api/units?set=2020',
      '/api/districts?asOf=2025-06-30',
      '/api/zones',
      '/api/config',
      '/api/communes/03205',
      '/api/products',
      '/ogc/collections/communes-2020',
    ];
    const before = await Promise.all(paths.map(t.get));
    const changed = '03205';
    const file = await officialFile('2020', (f) => f.map((x) => (x.properties.ma_xa === changed ? { ...x, geometry: convex(x.geometry)!.geometry } : x)));
    const res = await editor.upload('boundaries', 'ranh-gioi-xa-2020.geojson', file, fields('2020'));
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    const units = preview.boundaries.units;
    expect(units).toHaveLength(129);
    const grown = units.find((u: any) => u.code === changed);
    expect(grown.changeKm2).toBeGreaterThan(0);
    expect(grown.changePct).toBeCloseTo((grown.changeKm2 / grown.areaBeforeKm2) * 100, 1);
    expect(units.filter((u: any) => u.code !== changed).every((u: any) => Math.abs(u.changePct) < 0.01)).toBe(true);
    expect(preview.boundaries.licence).toEqual({ title: LICENCE.title, url: LICENCE.url, redistributable: true });
    // Each unit's change names its own feature's row, not every row of the file.
    const features = JSON.parse(new TextDecoder().decode(file)).features;
    const rowOfChanged = features.findIndex((f: any) => f.properties.ma_xa === changed) + 1;
    expect(preview.changes.find((c: any) => c.id === `2020:${changed}`).rows).toEqual([rowOfChanged]);
    expect(preview.changes.find((c: any) => c.entity === 'boundary-licence').rows).toHaveLength(129);

    const commit = await editor.post(`/api/imports/${preview.id}/commit`);
    expect(commit.status).toBe(201);
    const { batchId } = await commit.json();
    const config = JSON.parse(await t.get('/api/config'));
    expect(config.boundaries['2020']).toMatchObject({ id: 'official-2020', title: LICENCE.title, redistributable: true });
    expect(config.boundaries['2025'].id).toBe('gadm');
    const csvText = await t.get('/api/downloads/communes-2020.csv?asOf=2025-06-30');
    expect(csvText).toContain(LICENCE.termsVi);
    expect(csvText).not.toContain('GADM 4.1');
    const ogc = JSON.parse(await t.get('/ogc/collections/communes-2020'));
    expect(ogc.links).toContainEqual(expect.objectContaining({ rel: 'license', href: LICENCE.url }));
    const unit = JSON.parse(await t.get('/api/units?set=2020')).features.find((f: any) => f.properties.code === changed);
    expect(unit.properties.areaKm2).toBe(grown.areaAfterKm2);
    // History stays on the code.
    expect(JSON.parse(await t.get(`/api/communes/${changed}`)).properties.code).toBe(changed);

    const revert = await admin.post(`/api/audit/batches/${batchId}/revert`, { reason: 'Thử nghiệm' });
    expect(revert.status).toBe(201);
    expect(await Promise.all(paths.map(t.get))).toEqual(before);
  });
});
