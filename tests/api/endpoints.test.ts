import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getJson, testApp } from '../helpers/test-app.ts';

const { app } = testApp();

describe('GET /api/health', () => {
  it('answers ok', async () => {
    expect(await getJson(app, '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('GET /api/districts', () => {
  it('returns the 10 districts as GeoJSON, as of 2025-06-30 by default', async () => {
    const { status, headers, body } = await getJson(app, '/api/districts');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(body).toMatchObject({ type: 'FeatureCollection', unitSet: '2020', asOf: '2025-06-30' });
    expect(body.features.map((f: any) => f.properties.code)).toEqual(['094', '095', '096', '097', '098', '099', '100', '101', '102', '103']);
    // Communes the NTM programme assesses: the 115 xã of the 129 units (9 wards and 5 townships are not).
    expect(body.features.reduce((n: number, f: any) => n + f.properties.communeCount, 0)).toBe(115);
    const tuanGiao = body.features.find((f: any) => f.properties.code === '099');
    expect(tuanGiao).toMatchObject({ type: 'Feature', id: '099', geometry: { type: expect.stringMatching(/Polygon/) } });
    expect(tuanGiao.properties).toMatchObject({
      name: 'Tuần Giáo',
      type: 'Huyện',
      // 19 units, of which the township of Tuần Giáo is not assessed.
      communeCount: 18,
      ntmCommunes: 4,
      hasNtmCommune: true,
      basicCommunes: expect.any(Number),
      ocopProducts: 1,
    });
  });

  it('counts only communes whose recognition counts by the date', async () => {
    const { body } = await getJson(app, '/api/districts?asOf=2018-12-31');
    const dienBien = body.features.find((f: any) => f.properties.code === '100').properties;
    // Thanh Chăn 2015, Thanh Yên 2017, Núa Ngam and Noong Luống 2018.
    expect(dienBien.ntmCommunes).toBe(4);
    expect(dienBien.ntmShare).toBeCloseTo(4 / 21, 3);
  });
});

describe('GET /api/communes', () => {
  it('returns the 129 communes with status properties and sources', async () => {
    const { body } = await getJson(app, '/api/communes');
    expect(body.features).toHaveLength(129);
    const thanhYen = body.features.find((f: any) => f.properties.code === '03346').properties;
    expect(thanhYen).toEqual({
      code: '03346',
      unitSet: '2020',
      name: 'Thanh Yên',
      type: 'Xã',
      fullName: 'Xã Thanh Yên',
      districtCode: '100',
      districtName: 'Điện Biên',
      areaKm2: expect.any(Number),
      labelPoint: [expect.any(Number), expect.any(Number)],
      ntmStatus: 'standard',
      ntmYear: 2017,
      yearUnknown: false,
      since: '2017-12-31',
      criteriaMet: 19,
      criteriaText: '19/19 (46/49 indicators)',
      decision: { ref: 'QĐ 520/QĐ-UBND', date: '2018-06-26' },
      disputed: false,
      disputeNote: null,
      ocopProducts: 2,
      sources: [
        {
          title: 'Xã Thanh Yên đạt chuẩn nông thôn mới năm 2017 (Cổng TTĐT huyện Điện Biên)',
          ref: 'http://huyendienbien.gov.vn/Tintuc/View/XA-THANH-YEN-DAT-CHUAN-NONG-THON-MOI-NAM-2017',
          date: '2018-08-14',
          confidence: 'high',
          url: 'http://huyendienbien.gov.vn/Tintuc/View/XA-THANH-YEN-DAT-CHUAN-NONG-THON-MOI-NAM-2017',
          note: expect.stringContaining('QĐ 520/QĐ-UBND'),
        },
      ],
    });
  });

  it('filters by district', async () => {
    const { body } = await getJson(app, '/api/communes?district=095');
    expect(body.features.map((f: any) => f.properties.name)).toEqual(['Sông Đà', 'Na Lay', 'Lay Nưa']);
  });

  it('marks a disputed status and a status whose year is unknown', async () => {
    const { body } = await getJson(app, '/api/communes?asOf=2025-06-30');
    const bungLao = body.features.find((f: any) => f.properties.name === 'Búng Lao').properties;
    expect(bungLao).toMatchObject({ ntmStatus: 'standard', ntmYear: 2020, disputed: true });
    expect(bungLao.disputeNote).toMatch(/2020.*2022/);
    const thanhHung = body.features.find((f: any) => f.properties.name === 'Thanh Hưng').properties;
    expect(thanhHung).toMatchObject({ ntmStatus: 'standard', ntmYear: null, yearUnknown: true, since: '2025-01-01' });
  });

  it('a later, lower recognition never demotes a commune', async () => {
    // Quài Nưa: cơ bản đạt chuẩn for 2018, đạt chuẩn for 2024.
    const before = await getJson(app, '/api/communes?asOf=2020-06-30&district=099');
    expect(before.body.features.find((f: any) => f.properties.name === 'Quài Nưa').properties.ntmStatus).toBe('basic');
    const after = await getJson(app, '/api/communes?asOf=2025-06-30&district=099');
    expect(after.body.features.find((f: any) => f.properties.name === 'Quài Nưa').properties.ntmStatus).toBe('standard');
  });
});

describe('GET /api/zones', () => {
  it('returns zones with approximate extents, areas and linked products', async () => {
    const { body } = await getJson(app, '/api/zones?crop=tea');
    expect(body.features).toHaveLength(1);
    const tea = body.features[0];
    expect(tea.geometry.type).toMatch(/Polygon/);
    expect(tea.properties).toMatchObject({
      id: 'che-shan-tuyet-tua-chua',
      name: 'Chè Shan tuyết Tủa Chùa',
      crop: 'tea',
      areaHa: 600,
      areaApprox: true,
      year: '2021',
      extent: 'communes',
      districtCodes: ['098'],
      // The extent of communes measures no crop area: only a surveyed outline's is given.
      shapeAreaHa: null,
    });
    expect(tea.properties.communeCodes).toHaveLength(5);
    expect(tea.properties.products).toContain('che-shan-tuyet-co-thu-tua-chua');
    expect(tea.properties.sources.length).toBe(tea.properties.facts.length);
    expect(tea.properties.sources[0]).toMatchObject({ title: expect.any(String), confidence: expect.stringMatching(/high|medium|low/) });
  });

  it('lists every zone without a filter, district-extent ones included', async () => {
    const { body } = await getJson(app, '/api/zones');
    expect(body.features.length).toBeGreaterThanOrEqual(20);
    expect(new Set(body.features.map((f: any) => f.properties.extent))).toEqual(new Set(['communes', 'district']));
  });
});

describe('GET /api/products', () => {
  it('filters by district, stars and group', async () => {
    const { body } = await getJson(app, '/api/products?district=100&stars=4');
    expect(body.features.map((f: any) => f.properties.name).sort()).toEqual(['Mật ong bánh tổ', 'Mật ong hoa ban']);
    const beverages = await getJson(app, '/api/products?group=II&district=102');
    expect(beverages.body.features.every((f: any) => f.properties.group === 'II' && f.properties.districtCode === '102')).toBe(true);
    expect(beverages.body.features.length).toBeGreaterThan(0);
  });

  it('q matches names regardless of diacritics and case', async () => {
    for (const q of ['muong ang', 'MƯỜNG ẢNG', 'Mường Ảng']) {
      const { body } = await getJson(app, `/api/products?q=${encodeURIComponent(q)}`);
      expect(body.features.map((f: any) => f.properties.name)).toEqual(['Bưởi da xanh Mường Ảng']);
    }
    const honey = await getJson(app, '/api/products?q=mat%20ong');
    expect(honey.body.features.length).toBe(3);
  });

  it('places products at the commune or the district, and lists placeless ones with null geometry', async () => {
    const { body } = await getJson(app, '/api/products');
    const byId = new Map(body.features.map((f: any) => [f.id, f]));
    expect(byId.get('mat-ong-hoa-ban')).toMatchObject({ geometry: { type: 'Point' }, properties: { location: 'commune', communeCode: '03355' } });
    expect(byId.get('ca-phe-bot-ha-chung')).toMatchObject({
      geometry: { type: 'Point' },
      properties: { location: 'district', communeCode: null, districtCode: '102' },
    });
    expect(byId.get('mien-hong-phuoc')).toMatchObject({ geometry: null, properties: { location: null } });
    expect((byId.get('bi-xanh-tia-dinh') as any).properties.inferred).toEqual(expect.arrayContaining(['group', 'location']));
  });
});

describe('GET /api/stats', () => {
  it('counts communes by status and OCOP products by stars as of the date', async () => {
    const { body } = await getJson(app, '/api/stats?asOf=2025-06-30');
    expect(body.asOf).toBe('2025-06-30');
    const c = body.communes;
    expect(c.total).toBe(115);
    expect(c.urban).toBe(14);
    expect(c.none + c.basic + c.standard + c.advanced + c.model).toBe(115);
    expect(c.advanced).toBe(4);
    expect(body.districtsWithoutNtm.map((d: any) => d.name).sort()).toEqual(['Mường Chà', 'Tủa Chùa', 'Điện Biên Đông'].sort());
    expect(body.ocop.total).toBe(body.ocop.byStars['3'] + body.ocop.byStars['4'] + body.ocop.byStars['5'] + body.ocop.unrated);
    expect(body.ocop.byStars['4']).toBe(5);
    expect(body.targets.length).toBeGreaterThan(30);
    expect(body.targets[0]).toMatchObject({ indicator: expect.any(String), source: { title: expect.any(String) } });
  });

  it('follows a product upgraded from 3 to 4 stars', async () => {
    const y2021 = await getJson(app, '/api/stats?asOf=2021-12-31');
    const y2022 = await getJson(app, '/api/stats?asOf=2022-12-31');
    expect(y2022.body.ocop.byStars['4'] - y2021.body.ocop.byStars['4']).toBe(2);
  });
});

describe('errors: one envelope, 4xx for bad input, naming the parameter', () => {
  const cases: [string, number, string, string][] = [
    ['/api/communes?asOf=2021-02-30', 400, 'invalid_parameter', 'asOf'],
    ['/api/communes?asOf=yesterday', 400, 'invalid_parameter', 'asOf'],
    ['/api/communes?asOf=2009-12-31', 400, 'invalid_parameter', 'asOf'],
    ['/api/districts?asOf=2025-07-01', 400, 'invalid_parameter', 'asOf'],
    ['/api/stats?asOf=20210630', 400, 'invalid_parameter', 'asOf'],
    ['/api/communes?district=999', 400, 'invalid_parameter', 'district'],
    ['/api/products?district=03346', 400, 'invalid_parameter', 'district'],
    ['/api/products?stars=2', 400, 'invalid_parameter', 'stars'],
    ['/api/products?stars=6', 400, 'invalid_parameter', 'stars'],
    ['/api/products?stars=four', 400, 'invalid_parameter', 'stars'],
    ['/api/products?group=VII', 400, 'invalid_parameter', 'group'],
    ['/api/products?group=i', 400, 'invalid_parameter', 'group'],
    [`/api/products?q=${'a'.repeat(101)}`, 400, 'invalid_parameter', 'q'],
    ['/api/zones?crop=opium', 400, 'invalid_parameter', 'crop'],
    ['/api/communes?asof=2021-06-30', 400, 'unknown_parameter', 'asof'],
    ['/api/communes?asOf=2021-06-30&asOf=2022-06-30', 400, 'invalid_parameter', 'asOf'],
    ['/api/nothing-here', 404, 'not_found', '/api/nothing-here'],
    ['/api/communes/03346/extra', 404, 'not_found', '/api/communes/03346/extra'],
  ];
  it.each(cases)('%s → %i %s', async (path, status, code, mentioned) => {
    const res = await getJson(app, path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message']);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(mentioned);
  });
});

describe('caching and compression', () => {
  it('answers an unchanged layer with 304 when the ETag matches', async () => {
    const first = await app.request('/api/communes?asOf=2020-12-31');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.request('/api/communes?asOf=2020-12-31', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await app.request('/api/communes?asOf=2019-12-31', { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(200);
  });

  it('compresses with br or gzip when asked, and the body decodes to the same JSON', async () => {
    const plain = await (await app.request('/api/zones')).text();
    const br = await app.request('/api/zones', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await app.request('/api/zones', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    const none = await app.request('/api/zones', { headers: { 'Accept-Encoding': 'identity' } });
    expect(none.headers.get('content-encoding')).toBeNull();
  });

  it('gives any collection’s attributes without shapes with skipGeometry=true; anything but true or false is a 400', async () => {
    const full = (await getJson(app, '/api/zones')).body;
    const { status, body } = await getJson(app, '/api/zones?skipGeometry=true');
    expect(status).toBe(200);
    expect(body.features.map((f: any) => f.geometry)).toEqual(full.features.map(() => null));
    expect(body.features.map((f: any) => f.properties)).toEqual(full.features.map((f: any) => f.properties));
    expect((await getJson(app, '/api/products?skipGeometry=false')).body).toEqual((await getJson(app, '/api/products')).body);
    const bad = await getJson(app, '/api/zones?skipGeometry=1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('skipGeometry');
  });

  it('sends the configuration every first visit asks for compressed, and 304 when it is unchanged', async () => {
    const plain = await (await app.request('/api/config')).text();
    const br = await app.request('/api/config', { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const again = await app.request('/api/config', { headers: { 'If-None-Match': br.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('GET /api/communes/:code and /api/districts/:code', () => {
  it('gives a commune’s whole record: every recognition with its sources, facts, and its 2025 unit', async () => {
    const { status, body } = await getJson(app, '/api/communes/03301?asOf=2023-12-31');
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'Feature', id: '03301', properties: { name: 'Búng Lao', ntmStatus: 'standard', disputed: true } });
    expect(body.properties.recognitions.map((r: any) => [r.status, r.yearFor])).toEqual([
      ['basic', 2019],
      ['standard', 2020],
      ['standard', 2022],
    ]);
    expect(body.properties.recognitions.every((r: any) => r.sources.length > 0)).toBe(true);
    expect(body.properties.now).toEqual({ unitSet: '2025', code: '03301', name: 'Búng Lao', type: 'Xã' });
    const thanhChan = await getJson(app, '/api/communes/03337');
    expect(thanhChan.body.properties.now).toMatchObject({ code: '03328', name: 'Thanh Nưa' });
  });

  it('gives a district’s communes, closest to their next status first, and its nearest NTM candidates', async () => {
    const { body } = await getJson(app, '/api/districts/098?asOf=2024-12-31');
    expect(body.properties.communes).toHaveLength(12);
    expect(body.properties.communes[0]).toMatchObject({
      name: 'Mường Báng',
      ntmStatus: 'basic',
      nextStatus: 'standard',
      progress: { met: 17, of: 19, year: 2023 },
    });
    const all = await getJson(app, '/api/districts?asOf=2024-12-31');
    expect(all.body.features.find((f: any) => f.id === '098').properties.nearestToNtm[0]).toMatchObject({ name: 'Mường Báng', status: 'basic' });
  });

  it.each([
    ['/api/communes/99999', 404, 'not_found', '99999'],
    ['/api/communes/3346', 400, 'invalid_parameter', 'code'],
    ['/api/districts/999', 404, 'not_found', '999'],
    ['/api/districts/03346', 400, 'invalid_parameter', 'code'],
    ['/api/communes/03346?asOf=2026-01-01', 400, 'invalid_parameter', 'asOf'],
    ['/api/base/roads', 404, 'not_found', 'roads'],
  ])('%s → %i', async (path, status, code, mentioned) => {
    const res = await getJson(app, path);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(mentioned);
  });
});

describe('GET /api/base/:name and /api/config', () => {
  it('serves the base map from our own data', async () => {
    const province = await getJson(app, '/api/base/province');
    expect(province.body.features).toHaveLength(1);
    const countries = await getJson(app, '/api/base/countries');
    expect(countries.body.features.map((f: any) => f.properties.iso_a3).sort()).toEqual(['CHN', 'LAO', 'MMR', 'VNM']);
  });

  it('has no online basemap unless configured, and GADM boundaries until official ones are imported', async () => {
    const config = (await getJson(app, '/api/config')).body;
    expect(config.basemap).toBeNull();
    expect(Object.values(config.boundaries).map((l: any) => l.id)).toEqual(['gadm', 'gadm', 'gadm']);
  });
});
