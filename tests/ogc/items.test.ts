import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../server/geo/crs.ts';
import { getJson, testApp } from '../helpers/test-app.ts';
import { provinceDate } from '../../server/domain/dates.ts';

/** /ogc/collections/{id}/items and …/items/{featureId}: paging, selection, dates, CRSs and errors (through app.request()). */

const { app } = testApp();
const ITEMS = '/ogc/collections/communes-2020/items';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG9205 = 'http://www.opengis.net/def/crs/EPSG/0/9205';
const ids = (body: any) => body.features.map((f: any) => f.id);
const link = (body: any, rel: string) => body.links.find((l: any) => l.rel === rel);
/** A path of an absolute link, for app.request(). */
const path = (href: string) => href.replace('http://localhost', '');

async function expect400(url: string, code: string, ...mentions: string[]) {
  const { status, body } = await getJson(app, url);
  expect(status, url).toBe(400);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  expect(body.error.code, url).toBe(code);
  for (const m of mentions) expect(body.error.message, url).toContain(m);
}

describe('a page of items', () => {
  it('is GeoJSON with numberMatched, numberReturned, timeStamp and typed links; 100 by default', async () => {
    const { status, headers, body } = await getJson(app, ITEMS);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(headers.get('content-crs')).toBe(`<${CRS84}>`);
    expect(body).toMatchObject({ type: 'FeatureCollection', unitSet: '2020', asOf: '2025-06-30', numberMatched: 129, numberReturned: 100 });
    expect(Date.parse(body.timeStamp)).toBeGreaterThan(Date.parse('2025-01-01'));
    expect(body.features).toHaveLength(100);
    expect(body.links).toEqual([
      { href: `http://localhost${ITEMS}`, rel: 'self', type: 'application/geo+json', title: 'this page' },
      { href: `http://localhost${ITEMS}?offset=100&limit=100`, rel: 'next', type: 'application/geo+json', title: 'next page' },
      { href: 'http://localhost/ogc/collections/communes-2020', rel: 'collection', type: 'application/json', title: 'the collection' },
    ]);
  });

  it('pages by next and prev: following next visits every feature once, then stops', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${ITEMS}?limit=5&district=100`;
    let pages = 0;
    let last: any;
    while (url) {
      last = (await getJson(app, url)).body;
      seen.push(...ids(last));
      url = link(last, 'next') && path(link(last, 'next').href);
      pages++;
    }
    const all = (await getJson(app, `${ITEMS}?limit=1000&district=100`)).body;
    expect(seen).toEqual(ids(all));
    expect(new Set(seen).size).toBe(all.numberMatched);
    expect(pages).toBe(Math.ceil(all.numberMatched / 5));
    expect(pages).toBeGreaterThan(2);
    expect(link(last, 'next')).toBeUndefined();
    expect(path(link(last, 'prev').href)).toBe(`${ITEMS}?limit=5&district=100&offset=${(pages - 2) * 5}`);
    const prev = (await getJson(app, path(link(last, 'prev').href))).body;
    expect(ids(prev)).toEqual(ids(all).slice((pages - 2) * 5, (pages - 1) * 5));
  });

  it('past the end: an empty page with no next link', async () => {
    const { body } = await getJson(app, `${ITEMS}?offset=500`);
    expect(body).toMatchObject({ numberMatched: 129, numberReturned: 0, features: [] });
    expect(link(body, 'next')).toBeUndefined();
    expect(path(link(body, 'prev').href)).toBe(`${ITEMS}?offset=400&limit=100`);
  });
});

describe('limit', () => {
  it.each([
    ['1', 1],
    ['129', 129],
    ['10000', 129],
    ['20000', 129],
  ])('limit=%s serves %i features (a limit above 10000 is served as 10000, as the standard requires)', async (limit, n) => {
    const { status, body } = await getJson(app, `${ITEMS}?limit=${limit}`);
    expect(status).toBe(200);
    expect(body.numberReturned).toBe(n);
  });

  it('links carry the limit served', async () => {
    const { body } = await getJson(app, `${ITEMS}?limit=20000&offset=100`);
    expect(body.numberReturned).toBe(29);
    expect(link(body, 'next')).toBeUndefined();
    expect(path(link(body, 'prev').href)).toBe(`${ITEMS}?limit=10000&offset=0`);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '1e3', ' 5'])('limit=%s is a 400 naming limit', async (limit) => {
    await expect400(`${ITEMS}?limit=${encodeURIComponent(limit)}`, 'invalid_parameter', 'limit');
  });

  it.each(['-1', '1.5', 'x', '99999999999'])('offset=%s is a 400 naming offset', async (offset) => {
    await expect400(`${ITEMS}?offset=${offset}`, 'invalid_parameter', 'offset');
  });
});

describe('bbox', () => {
  /** Thanh Yên's label point (inside it): a small box around it. */
  const box = (lon: number, lat: number, d: number) => [lon - d, lat - d, lon + d, lat + d];

  it('selects the features whose geometry intersects the box (exactly, not by their extents)', async () => {
    const { body } = await getJson(app, `${ITEMS}?bbox=${box(102.97096, 21.33709, 0.001).join(',')}`);
    expect(ids(body)).toEqual(['03346']);
    expect(body.numberMatched).toBe(1);
    const wide = (await getJson(app, `${ITEMS}?bbox=102.9,21.3,103.1,21.45&limit=1000`)).body;
    expect(wide.numberMatched).toBeGreaterThan(5);
    expect(wide.numberMatched).toBeLessThan(129);
    expect(ids(wide)).toContain('03346');
  });

  it('a box outside the province selects nothing (Hà Nội)', async () => {
    expect((await getJson(app, `${ITEMS}?bbox=105.7,20.9,106,21.1`)).body).toMatchObject({ numberMatched: 0, features: [] });
  });

  it('features without geometry never match a bbox', async () => {
    const all = (await getJson(app, '/ogc/collections/ocop-products/items?limit=1000')).body;
    const located = all.features.filter((f: any) => f.geometry).length;
    expect(located).toBeLessThan(all.numberMatched);
    expect((await getJson(app, '/ogc/collections/ocop-products/items?bbox=100,19,107,24')).body.numberMatched).toBe(located);
    expect((await getJson(app, '/ogc/collections/targets/items?bbox=100,19,107,24')).body.numberMatched).toBe(0);
  });

  it('bbox-crs=EPSG:9205 takes the box in VN-2000 metres: the same box as in CRS84 selects the same features', async () => {
    const [w, s] = fromWgs84('EPSG:9205', [102.97, 21.3]);
    const [e, n] = fromWgs84('EPSG:9205', [103.07, 21.42]);
    const projected = (await getJson(app, `${ITEMS}?bbox=${[w, s, e, n].join(',')}&bbox-crs=${EPSG9205}&limit=1000`)).body;
    const geographic = (await getJson(app, `${ITEMS}?bbox=102.97,21.3,103.07,21.42&limit=1000`)).body;
    expect(projected.numberMatched).toBeGreaterThan(3);
    // A grid-aligned box is not a longitude/latitude box: compare the sure cases only.
    const inner = (await getJson(app, `${ITEMS}?bbox=102.98,21.31,103.06,21.41&limit=1000`)).body;
    expect(ids(projected)).toEqual(expect.arrayContaining(ids(inner)));
    expect(ids(geographic)).toEqual(expect.arrayContaining(ids(inner)));
    const outer = (await getJson(app, `${ITEMS}?bbox=102.96,21.29,103.08,21.43&limit=1000`)).body;
    expect(ids(outer)).toEqual(expect.arrayContaining(ids(projected)));
  });

  it.each([
    ['1,2,3', 'bbox must be 4 comma-separated numbers'],
    ['103,21,102,22', 'lower corner first'],
    ['103,22,104,21', 'lower corner first'],
    ['100,-95,104,21', 'latitude -90'],
    ['a,b,c,d', 'bbox must be 4'],
    ['102,21,103,22,0,10', 'the data has no heights'],
    ['102,21,103,Infinity', 'bbox must be 4'],
  ])('bbox=%s is a 400: %s', async (bbox, message) => {
    await expect400(`${ITEMS}?bbox=${bbox}`, 'invalid_parameter', message);
  });

  it('bbox-crs: an unknown CRS, EPSG:4326 (not offered: it would need latitude first), a box out of range, or no bbox are 400s', async () => {
    await expect400(`${ITEMS}?bbox=1,2,3,4&bbox-crs=EPSG:9205`, 'invalid_parameter', 'bbox-crs must be one of', EPSG9205);
    await expect400(`${ITEMS}?bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326`, 'invalid_parameter', 'bbox-crs');
    await expect400(`${ITEMS}?bbox=1e9,1e9,2e9,2e9&bbox-crs=${EPSG9205}`, 'invalid_parameter', 'outside the valid area of EPSG:9205');
    await expect400(`${ITEMS}?bbox-crs=${EPSG9205}`, 'invalid_parameter', 'bbox-crs is given without bbox');
  });
});

describe('datetime on dated collections', () => {
  it.each(['2015-12-31', '2018-12-31', '2021-06-30', '2025-06-30'])('datetime=%s equals /api/communes?asOf= (same builder, same as-of rule)', async (date) => {
    const ogc = (await getJson(app, `${ITEMS}?datetime=${date}&limit=1000`)).body;
    const api = (await getJson(app, `/api/communes?asOf=${date}`)).body;
    expect(ogc.asOf).toBe(date);
    expect(ogc.features).toEqual(api.features);
  });

  it('a date-time is taken as its day in Vietnam (UTC+7)', async () => {
    expect((await getJson(app, `${ITEMS}?datetime=2021-06-30T16:59:59Z&limit=1`)).body.asOf).toBe('2021-06-30');
    expect((await getJson(app, `${ITEMS}?datetime=2021-06-30T17:00:00Z&limit=1`)).body.asOf).toBe('2021-07-01');
    expect((await getJson(app, `${ITEMS}?datetime=2021-06-30T23:30:00%2B07:00&limit=1`)).body.asOf).toBe('2021-06-30');
    expect(
      (await getJson(app, `${ITEMS}?datetime=2017-12-31T12:00:00.5Z&limit=1000`)).body.features.find((f: any) => f.id === '03346').properties.ntmStatus,
    ).toBe('standard');
  });

  it('the default is the collection’s own: the last day of the 2020–2025 units; today for the 2025 units; every product for OCOP', async () => {
    expect((await getJson(app, `${ITEMS}?limit=1`)).body.asOf).toBe('2025-06-30');
    expect((await getJson(app, '/ogc/collections/communes-2025/items?limit=1')).body.asOf).toBe(provinceDate(new Date()));
    const all = (await getJson(app, '/ogc/collections/ocop-products/items?limit=1000')).body;
    const in2019 = (await getJson(app, '/ogc/collections/ocop-products/items?limit=1000&datetime=2019-12-31')).body;
    expect(all.asOf).toBeUndefined();
    expect(in2019.asOf).toBe('2019-12-31');
    expect(in2019.numberMatched).toBeLessThan(all.numberMatched);
  });

  it.each([
    ['2021-06-30/2022-01-01', 'not an interval'],
    ['../2022-01-01', 'not an interval'],
    ['2026-01-01', 'datetime must be between 2010-01-01 and 2025-06-30'],
    ['2009-12-31', 'datetime must be between'],
    ['2021-02-30', 'RFC 3339'],
    ['2021-06-30T25:00:00Z', 'RFC 3339'],
    ['2021-06-30T12:00:00', 'RFC 3339'],
    ['yesterday', 'RFC 3339'],
  ])('datetime=%s is a 400: %s', async (datetime, message) => {
    await expect400(`${ITEMS}?datetime=${encodeURIComponent(datetime)}`, 'invalid_parameter', message);
  });

  it('datetime on an undated collection is a 400 that says so', async () => {
    await expect400('/ogc/collections/zones/items?datetime=2021-06-30', 'unknown_parameter', 'zones', 'not dated');
  });
});

describe('property filters (the catalog’s)', () => {
  it('district and ntmStatus select as /api does', async () => {
    const { body } = await getJson(app, `${ITEMS}?district=100&ntmStatus=standard,advanced&datetime=2021-06-30`);
    const api = (await getJson(app, '/api/communes?district=100&asOf=2021-06-30')).body;
    const expected = api.features.filter((f: any) => ['standard', 'advanced'].includes(f.properties.ntmStatus));
    expect(expected.length).toBeGreaterThan(2);
    expect(body.features).toEqual(expected);
    expect(body.numberMatched).toBe(expected.length);
  });

  it('stars and group on products, crop on zones, hasNtmCommune on districts', async () => {
    const stars = (await getJson(app, '/ogc/collections/ocop-products/items?stars=4&group=I,II')).body.features;
    expect(stars.length).toBeGreaterThan(0);
    expect(stars.every((f: any) => f.properties.stars === 4 && ['I', 'II'].includes(f.properties.group))).toBe(true);
    const tea = (await getJson(app, '/ogc/collections/zones/items?crop=tea')).body;
    expect(tea.features.map((f: any) => f.properties.crop)).toEqual(Array(tea.numberMatched).fill('tea'));
    expect(tea.features).toEqual((await getJson(app, '/api/zones?crop=tea')).body.features);
    const without = (await getJson(app, '/ogc/collections/districts-2020/items?hasNtmCommune=false&datetime=2021-06-30')).body;
    expect(without.features.map((f: any) => f.properties.name)).toEqual(expect.arrayContaining(['Mường Chà', 'Tủa Chùa']));
  });

  it.each([
    ['district=999', 'district', '100'],
    ['ntmStatus=great', 'ntmStatus', 'standard'],
    ['district=100&district=101', 'district', 'more than once'],
  ])('%s is a 400 naming %s', async (query, name, hint) => {
    await expect400(`${ITEMS}?${query}`, 'invalid_parameter', name, hint);
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'asOf', 'crop', 'properties'])(
    '%s is not a parameter of communes-2020: 400 listing those it takes',
    async (name) => {
      await expect400(`${ITEMS}?${name}=1`, 'unknown_parameter', `"${name}"`, 'limit, offset, bbox, bbox-crs, datetime, district, ntmStatus, crs, f');
    },
  );
});

describe('crs (Part 2)', () => {
  it('EPSG:9205 serves VN-2000 / TM-3 103-00 metres, named in Content-Crs, agreeing with cs2cs within 2 cm', async () => {
    const res = await getJson(app, `${ITEMS}?crs=${EPSG9205}&limit=3`);
    expect(res.headers.get('content-crs')).toBe(`<${EPSG9205}>`);
    const geographic = (await getJson(app, `${ITEMS}?limit=3`)).body;
    const ring = geographic.features[0].geometry.coordinates[0] as number[][];
    const expected = execFileSync('cs2cs', ['-f', '%.4f', 'OGC:CRS84', 'EPSG:9205'], { input: ring.map((p) => p.join(' ')).join('\n') })
      .toString()
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/).map(Number));
    const projected = res.body.features[0].geometry.coordinates[0] as number[][];
    expect(projected).toHaveLength(ring.length);
    expect(Math.max(...projected.map((p, i) => Math.hypot(p[0] - expected[i][0], p[1] - expected[i][1])))).toBeLessThan(0.02);
    expect(res.body.features[0].properties).toEqual(geographic.features[0].properties);
  });

  it('CRS84 is the default and may be named', async () => {
    const named = await getJson(app, `${ITEMS}?crs=${CRS84}&limit=2`);
    expect(named.headers.get('content-crs')).toBe(`<${CRS84}>`);
    expect(named.body.features).toEqual((await getJson(app, `${ITEMS}?limit=2`)).body.features);
  });

  it.each(['EPSG:9205', 'http://www.opengis.net/def/crs/EPSG/0/4326', 'http://www.opengis.net/def/crs/EPSG/0/3405', 'x'])(
    'crs=%s is a 400 listing the CRSs offered',
    async (crs) => {
      await expect400(`${ITEMS}?crs=${encodeURIComponent(crs)}`, 'invalid_parameter', 'crs must be one of', CRS84, EPSG9205);
    },
  );
});

describe('one feature', () => {
  it('is a GeoJSON Feature with self and collection links, as of the date asked', async () => {
    const { status, headers, body } = await getJson(app, `${ITEMS}/03346?datetime=2016-06-30`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(headers.get('content-crs')).toBe(`<${CRS84}>`);
    expect(body).toMatchObject({ type: 'Feature', id: '03346', unitSet: '2020', asOf: '2016-06-30', properties: { name: 'Thanh Yên', ntmStatus: 'none' } });
    expect(body.links).toEqual([
      { href: `http://localhost${ITEMS}/03346`, rel: 'self', type: 'application/geo+json', title: 'this feature' },
      { href: 'http://localhost/ogc/collections/communes-2020', rel: 'collection', type: 'application/json', title: 'the collection' },
    ]);
    const all = (await getJson(app, `${ITEMS}?datetime=2016-06-30&limit=1000`)).body;
    expect(body.geometry).toEqual(all.features.find((f: any) => f.id === '03346').geometry);
  });

  it('in EPSG:9205 with its Content-Crs', async () => {
    const { headers, body } = await getJson(app, `${ITEMS}/03346?crs=${EPSG9205}`);
    expect(headers.get('content-crs')).toBe(`<${EPSG9205}>`);
    expect(body.geometry.coordinates[0][0][0]).toBeGreaterThan(400_000);
  });

  it.each(['99999', 'toString', '__proto__', '03346x'])('404 for an unknown feature "%s"', async (id) => {
    const { status, body } = await getJson(app, `${ITEMS}/${id}`);
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'not_found', message: expect.stringContaining(`"${id}"`) });
  });

  it('takes only datetime, crs and f', async () => {
    await expect400(`${ITEMS}/03346?limit=1`, 'unknown_parameter', '"limit"', 'datetime, crs, f');
    await expect400('/ogc/collections/zones/items/x?datetime=2021-01-01', 'unknown_parameter', 'not dated');
  });
});

describe('caching', () => {
  it('answers a repeated request from the cache with its ETag (304)', async () => {
    const first = await app.request(`${ITEMS}?limit=5`);
    const etag = first.headers.get('etag')!;
    const again = await app.request(`${ITEMS}?limit=5`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-crs')).toBe(`<${CRS84}>`);
  });
});
