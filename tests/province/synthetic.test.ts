import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timelineMarks } from '../../client/lib/timeline.ts';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { unitSetName, unitSetYears } from '../../server/messages/unit-sets.ts';
import { SYNTHETIC_PROVINCE, syntheticGeodata, writeSyntheticGeodata } from '../../scripts/geodata/synthetic.ts';

/**
 * The province is data: the server, the catalog and the client's rules run unchanged on a small
 * SYNTHETIC province (scripts/geodata/synthetic.ts) whose name, codes, extent, grid, unit-set
 * dates and licences all differ from Điện Biên's. The map itself is driven on it in
 * tests/e2e/synthetic-province.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'synthetic-province-'));
writeSyntheticGeodata(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const db = openDatabase(':memory:');
migrate(db);
seedDatabase(db, readGeodata(dir));
const app = createApp({ db, config: { clientDir: null, geodataDir: dir } });
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
};

describe('the synthetic province’s geodata folder', () => {
  it('is generated deterministically and says it is synthetic', () => {
    expect(syntheticGeodata()).toEqual(syntheticGeodata());
    const province = JSON.parse(readFileSync(join(dir, 'province.json'), 'utf8'));
    expect(province).toMatchObject({ name: 'Mẫu Thử', synthetic: true, localCrs: 'EPSG:9209' });
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/SYNTHETIC/);
  });
});

describe('the server on the synthetic province', () => {
  it('states the province, its dates and its licences at /api/config', async () => {
    const { status, body } = await get('/api/config');
    expect(status).toBe(200);
    expect(body.province).toEqual(SYNTHETIC_PROVINCE);
    expect(Object.values(body.boundaries).map((l: any) => l.id)).toEqual(['synthetic', 'synthetic', 'synthetic']);
  });

  it('serves its own unit sets', async () => {
    const count = async (set: string, level: string) =>
      (await get(`/api/units?set=${set}`)).body.features.filter((f: any) => f.properties.level === level).length;
    expect([await count('2019', 'commune'), await count('2019', 'district')]).toEqual([12, 3]);
    expect([await count('2020', 'commune'), await count('2020', 'district')]).toEqual([11, 3]);
    expect([await count('2025', 'commune'), await count('2025', 'district')]).toEqual([5, 0]);
  });

  it('bounds dates by the province’s own unit-set periods, not Điện Biên’s', async () => {
    // The synthetic 2019 set lasts until 29 Feb 2020 (Điện Biên's ended on 31 Dec 2019).
    expect((await get('/ogc/collections/communes-2019/items?datetime=2020-02-15')).status).toBe(200);
    expect((await get('/ogc/collections/communes-2019/items?datetime=2020-03-01')).status).toBe(400);
    const doc = (await get('/ogc/collections/communes-2019')).body;
    expect(doc.extent.temporal.interval[0][1]).toBe('2020-02-29T23:59:59+07:00');
  });

  it('names its own unit sets in the OpenAPI parameters, by their dates, not Điện Biên’s', async () => {
    const doc = (await get('/ogc/api')).body;
    const described = (path: string) => Object.fromEntries(doc.paths[path].get.parameters.map((p: any) => [p.name, p.description]));
    for (const set of ['2019', '2020'] as const) {
      const name = unitSetName(set, SYNTHETIC_PROVINCE.unitSets).en;
      const items = described(`/collections/communes-${set}/items`);
      expect(items.datetime).toContain(`to the last day of ${name}, which is the default`);
      expect(items.district).toContain(`one district of ${name} `);
    }
  });

  it('names its own unit-set dates in the OpenAPI document, the queryables and the collections, never Điện Biên’s', async () => {
    // Điện Biên's sets: until 31 Dec 2019, 1 Jan 2020 – 30 Jun 2025; the synthetic ones change on 1 Mar 2020.
    const notDienBien = /31 Dec(ember)? 2019|1 Jan(uary)? 2020|31\/12\/2019|0?1\/0?1\/2020|before the 2020 change/;
    const sets = '2019 (until 29 Feb 2020), 2020 (1 Mar 2020 – 30 Jun 2025) or 2025 (from 1 Jul 2025)';
    const api = (await get('/ogc/api')).body;
    expect(api.components.schemas['communes-2020.properties'].properties.unitSet.description).toContain(sets);
    expect(JSON.stringify(api)).not.toMatch(notDienBien);
    const queryables = (await get('/ogc/collections/communes-2025/queryables')).body;
    expect(queryables.properties.unitSet.description).toContain(sets);
    expect(JSON.stringify(queryables)).not.toMatch(notDienBien);
    const collections = (await get('/ogc/collections')).body.collections;
    expect(JSON.stringify(collections)).not.toMatch(notDienBien);
    const communes2019 = collections.find((c: any) => c.id === 'communes-2019');
    expect(communes2019.title).toBe(`Xã theo mức đạt chuẩn NTM (đơn vị ${unitSetYears('2019', SYNTHETIC_PROVINCE.unitSets)})`);
    expect(communes2019.description).toContain('until 29 Feb 2020');
    expect(collections.find((c: any) => c.id === 'communes-2020').description).toContain('01/03/2020 – 30/06/2025');
  });

  it('counts its communes by status as of a date', async () => {
    const { body } = await get('/api/stats?asOf=2024-12-31');
    expect(body.communes).toMatchObject({ total: 11, basic: 1, standard: 2, advanced: 1 });
    expect(body.districtsWithoutNtm).toEqual([]);
    expect(body.ocop.total).toBe(2);
  });

  it('offers its own grid in the OGC API and names itself synthetic', async () => {
    const landing = (await get('/ogc')).body;
    expect(landing.title).toContain('Mẫu Thử');
    expect(landing.description).toContain('SYNTHETIC');
    const doc = (await get('/ogc/collections/communes-2020')).body;
    expect(doc.crs).toContain('http://www.opengis.net/def/crs/EPSG/0/9209');
    expect(doc.crs).not.toContain('http://www.opengis.net/def/crs/EPSG/0/9205');
    expect(doc.attribution).toContain('Dữ liệu tổng hợp');
    const res = await app.request('/ogc/collections/communes-2020/items?crs=http://www.opengis.net/def/crs/EPSG/0/9209');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Crs')).toBe('<http://www.opengis.net/def/crs/EPSG/0/9209>');
    expect((await get('/ogc/collections/communes-2020/items?crs=http://www.opengis.net/def/crs/EPSG/0/9205')).status).toBe(400);
  });

  it('puts its licence and name in downloads', async () => {
    const res = await app.request('/api/downloads/communes-2020.geojson?asOf=2023-12-31');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.licences.map((l: any) => l.id)).toEqual(['synthetic']);
    expect(body.features).toHaveLength(11);
  });

  it('marks its own unit changes on the timeline', async () => {
    const { body } = await get('/api/timeline');
    const marks = timelineMarks(body.recognitions, body.facts, body.targets, SYNTHETIC_PROVINCE);
    expect(marks.filter((m) => m.kind === 'units').map((m) => m.date)).toEqual(['2020-03-01', '2025-07-01']);
  });
});

describe.each((CATALOG as readonly Collection[]).map((c) => [c.id, c] as const))('collection %s on the synthetic province', (_id, c) => {
  const data = loadSnapshot(createStore(db));
  it('builds features that match its schema', () => {
    const asOf = c.time?.range({ today: '2026-01-31', province: data.province }).max;
    const built = c.build(data, (asOf ? { asOf } : {}) as never);
    expect(built.features.length).toBeGreaterThan(0);
    for (const f of built.features) expect(c.properties.safeParse(f.properties).success).toBe(true);
  });
});
