import { describe, expect, it } from 'vitest';
import { bboxOf } from '../../server/geo/bbox.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { provinceDate } from '../../server/domain/dates.ts';
import { getJson, testApp } from '../helpers/test-app.ts';

const { app } = testApp();

async function geojson(path: string) {
  const res = await app.request(path);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return { res, body: JSON.parse(text) };
}

/** The layers of a view as GeoJSON: a zip when several, so ask one collection at a time through the view. */
const viewLayer = (collection: string, query: string) => geojson(`/api/downloads/view.geojson?collections=${collection}&${query}`);

describe('file names say what and as of when', () => {
  it.each([
    ['/api/downloads/communes-2020.csv?asOf=2021-06-30', 'xa-ntm-2021-06-30.csv'],
    ['/api/downloads/communes-2020.csv', 'xa-ntm-2025-06-30.csv'],
    ['/api/downloads/districts-2019.gpkg?asOf=2018-12-31', 'huyen-ntm-don-vi-2019-2018-12-31.gpkg'],
    ['/api/downloads/communes-2025.kml?asOf=2025-08-01', 'xa-phuong-2025-2025-08-01.kml'],
    ['/api/downloads/ocop-products.xlsx?asOf=2021-06-30', 'san-pham-ocop-2021-06-30.xlsx'],
    ['/api/downloads/zones.geojson', 'vung-nguyen-lieu-{today}.geojson'],
    ['/api/downloads/view.kml?collections=communes-2020,zones&asOf=2021-06-30', 'ban-do-2021-06-30.kml'],
    ['/api/downloads/view.gpkg?collections=zones', 'ban-do-{today}.gpkg'],
  ])('%s → %s', async (path, pattern) => {
    const res = await app.request(path);
    // Today is the province's (UTC+7), read when the answer is: a run across its midnight still agrees.
    const name = pattern.replace('{today}', provinceDate(new Date()));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gives every collection its own file stem', () => {
    expect(new Set(CATALOG.map((c) => c.fileStem)).size).toBe(CATALOG.length);
  });
});

describe('filters and the date agree with /api', () => {
  it.each([
    ['communes-2020', 'asOf=2015-12-31&district=100', '/api/communes?asOf=2015-12-31&district=100'],
    ['districts-2020', 'asOf=2018-12-31', '/api/districts?asOf=2018-12-31'],
    ['ocop-products', 'stars=4,5&group=I', '/api/products?stars=4,5&group=I'],
    ['zones', 'crop=tea,coffee', '/api/zones?crop=tea,coffee'],
    ['communes-2025', 'asOf=2024-12-31', '/api/units/merged-history?asOf=2024-12-31'],
  ])('%s?%s equals %s', async (id, query, api) => {
    const { body } = await geojson(`/api/downloads/${id}.geojson?${query}`);
    expect(body.features).toEqual((await getJson(app, api)).body.features);
  });

  it('applies a filter the /api route lacks (OGC-only ones too): ntmStatus', async () => {
    const { body } = await geojson('/api/downloads/communes-2020.geojson?asOf=2021-06-30&ntmStatus=standard,advanced');
    const all = (await getJson(app, '/api/communes?asOf=2021-06-30')).body.features;
    expect(body.features.map((f: any) => f.id)).toEqual(
      all.filter((f: any) => ['standard', 'advanced'].includes(f.properties.ntmStatus)).map((f: any) => f.id),
    );
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('keeps, with bbox, the features whose bounding box meets the extent', async () => {
    const bbox = [103.0, 21.3, 103.1, 21.45];
    const { body } = await geojson(`/api/downloads/communes-2020.geojson?bbox=${bbox.join(',')}`);
    const all = (await getJson(app, '/api/communes')).body.features;
    const meets = all.filter((f: any) => {
      const [w, s, e, n] = bboxOf(f.geometry);
      return w <= bbox[2] && e >= bbox[0] && s <= bbox[3] && n >= bbox[1];
    });
    expect(body.features.map((f: any) => f.id)).toEqual(meets.map((f: any) => f.id));
    expect(meets.length).toBeGreaterThan(0);
    expect(meets.length).toBeLessThan(all.length);
  });
});

describe('the current view', () => {
  it('clamps asOf to each collection’s last date, and says so', async () => {
    const old = await viewLayer('communes-2020', 'asOf=2025-08-01');
    expect(old.body).toMatchObject({ asOf: '2025-06-30', parameters: { asOf: '2025-06-30' } });
    expect(old.body.asOfNote.vi).toContain('bản đồ hỏi ngày 2025-08-01');
    expect(old.res.headers.get('content-disposition')).toContain('ban-do-2025-08-01.geojson');
    const fresh = await viewLayer('communes-2025', 'asOf=2025-08-01');
    expect(fresh.body.asOf).toBe('2025-08-01');
    const kml = await (await app.request('/api/downloads/view.kml?collections=communes-2020,communes-2025&asOf=2025-08-01')).text();
    expect(kml).toContain('tính đến 2025-06-30 (ngày cuối của bộ đơn vị này; bản đồ hỏi ngày 2025-08-01)');
    expect(kml).toContain('Xã, phường sau sắp xếp năm 2025 và thành tích của các xã cũ — tính đến 2025-08-01');
  });

  it('gives each collection only the parameters it declares', async () => {
    const teaOnly = await viewLayer('zones', 'crop=tea');
    const res = await app.request('/api/downloads/view.kml?collections=communes-2020,zones&crop=tea&asOf=2021-06-30&district=100');
    expect(res.status).toBe(200);
    const kml = await res.text();
    const folders = kml.split('<Folder').slice(1);
    expect(folders[0].match(/<Placemark>/g)).toHaveLength(21);
    expect(folders[0]).toContain('Tham số: asOf=2021-06-30; district=100');
    const zones = (await getJson(app, '/api/zones?crop=tea')).body.features.filter((f: any) => f.properties.districtCodes.includes('100'));
    expect(folders[1].match(/<Placemark>/g)?.length ?? 0).toBe(zones.length);
    expect(folders[1]).toContain('Tham số: crop=tea; district=100');
    expect(teaOnly.body.features.length).toBeGreaterThanOrEqual(zones.length);
  });

  it('is the same as the single-collection download for one collection', async () => {
    const view = await viewLayer('communes-2020', 'asOf=2019-12-31&ntmStatus=standard');
    const single = await geojson('/api/downloads/communes-2020.geojson?asOf=2019-12-31&ntmStatus=standard');
    expect(view.body.features).toEqual(single.body.features);
  });
});

describe('errors use the JSON envelope and name what to fix', () => {
  it.each([
    ['/api/downloads/communes-2020.pdf', 400, 'unknown_format', 'pdf'],
    ['/api/downloads/communes-2020', 400, 'unknown_format', '.gpkg'],
    ['/api/downloads/nowhere.csv', 404, 'not_found', 'nowhere'],
    ['/api/downloads/__proto__.csv', 404, 'not_found', '__proto__'],
    ['/api/downloads/communes-2020.csv?asOf=2025-07-01', 400, 'invalid_parameter', 'asOf'],
    ['/api/downloads/communes-2020.csv?asOf=30-06-2021', 400, 'invalid_parameter', 'asOf'],
    ['/api/downloads/communes-2020.csv?asof=2021-06-30', 400, 'unknown_parameter', 'asof'],
    ['/api/downloads/communes-2020.csv?district=999', 400, 'invalid_parameter', 'district'],
    ['/api/downloads/communes-2020.csv?asOf=2021-06-30&asOf=2022-06-30', 400, 'invalid_parameter', 'asOf'],
    ['/api/downloads/communes-2020.csv?bbox=103,21,102,22', 400, 'invalid_parameter', 'bbox'],
    ['/api/downloads/communes-2020.csv?bbox=1,2,3', 400, 'invalid_parameter', 'bbox'],
    ['/api/downloads/targets.csv?bbox=102,21,103,22', 400, 'unknown_parameter', 'bbox'],
    ['/api/downloads/ocop-products.csv?stars=6', 400, 'invalid_parameter', 'stars'],
    ['/api/downloads/view.csv', 400, 'invalid_parameter', 'collections'],
    ['/api/downloads/view.csv?collections=communes-2020,nowhere', 400, 'invalid_parameter', 'nowhere'],
    ['/api/downloads/view.csv?collections=zones&asOf=2021-06-30', 400, 'unknown_parameter', 'asOf'],
    ['/api/downloads/view.csv?collections=communes-2020&hasOwnProperty=1', 400, 'unknown_parameter', 'hasOwnProperty'],
    ['/api/downloads/view.csv?collections=communes-2020&asOf=2999-01-01', 400, 'invalid_parameter', 'today'],
    ['/api/downloads/view.csv?collections=communes-2020&collections=zones', 400, 'invalid_parameter', 'collections'],
  ])('%s → %i %s', async (path, status, code, named) => {
    const { status: got, body } = await getJson(app, path);
    expect(got).toBe(status);
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error)).toEqual(['code', 'message']);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(named);
  });
});
