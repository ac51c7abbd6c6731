import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { getJson, testApp } from '../helpers/test-app.ts';

const { app } = testApp();

describe('GET /api/units', () => {
  it.each([
    ['2019', 130, 10],
    ['2020', 129, 10],
    ['2025', 45, 0],
  ])('set=%s has %i communes and %i districts, each naming its unit set and validity', async (set, communes, districts) => {
    const { status, body } = await getJson(app, `/api/units?set=${set}`);
    expect(status).toBe(200);
    expect(body.unitSet).toBe(set);
    const byLevel = (level: string) => body.features.filter((f: any) => f.properties.level === level);
    expect(byLevel('commune')).toHaveLength(communes);
    expect(byLevel('district')).toHaveLength(districts);
    for (const f of body.features) {
      expect(f.properties).toMatchObject({ unitSet: set, code: expect.any(String), name: expect.any(String), type: expect.any(String) });
      expect(f.id).toBe(`${set}-${f.properties.code}`);
    }
  });

  it('skipGeometry=true gives the same units and attributes with null geometries; anything but true or false is a 400', async () => {
    const full = (await getJson(app, '/api/units?set=2025')).body;
    const { status, body } = await getJson(app, '/api/units?set=2025&skipGeometry=true');
    expect(status).toBe(200);
    expect(body.features.map((f: any) => f.geometry)).toEqual(full.features.map(() => null));
    expect(body.features.map((f: any) => [f.id, f.properties])).toEqual(full.features.map((f: any) => [f.id, f.properties]));
    expect((await getJson(app, '/api/units?set=2025&skipGeometry=false')).body).toEqual(full);
    const bad = await getJson(app, '/api/units?skipGeometry=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_parameter');
  });

  it('defaults to the 2020–2025 set and gives validity dates', async () => {
    const { body } = await getJson(app, '/api/units');
    expect(body.unitSet).toBe('2020');
    expect(body.features[0].properties).toMatchObject({ validFrom: '2020-01-01', validTo: '2025-06-30' });
    const taLeng = (await getJson(app, '/api/units?set=2019')).body.features.find((f: any) => f.properties.code === '03144');
    expect(taLeng.properties).toMatchObject({ name: 'Tà Lèng', validTo: '2019-12-31' });
  });

  it('2025 units list their former communes, and their areas equal the sums of their former communes’ areas', async () => {
    const old = new Map((await getJson(app, '/api/units?set=2020')).body.features.map((f: any) => [f.properties.code, f]));
    const { body } = await getJson(app, '/api/units?set=2025');
    const types = body.features.map((f: any) => f.properties.type);
    expect(types.filter((t: string) => t === 'Xã')).toHaveLength(42);
    expect(types.filter((t: string) => t === 'Phường')).toHaveLength(3);
    const seen = new Set<string>();
    for (const f of body.features) {
      const p = f.properties;
      expect(p.validFrom).toBe('2025-07-01');
      expect(p.validTo).toBeNull();
      for (const c of p.formerCodes) seen.add(c);
      const sum = p.formerCodes.reduce((s: number, c: string) => s + area((old.get(c) as any).geometry), 0);
      expect(Math.abs(area(f.geometry) - sum) / sum, p.name).toBeLessThan(1e-4);
      const sumKm2 = p.formerCodes.reduce((s: number, c: string) => s + (old.get(c) as any).properties.areaKm2, 0);
      expect(p.areaKm2).toBeCloseTo(sumKm2, 1);
    }
    expect(seen.size).toBe(129);
    const thanhNua = body.features.find((f: any) => f.properties.name === 'Thanh Nưa');
    expect(thanhNua.properties.formerCodes).toContain('03337');
  });
});

describe('GET /api/units/merged-history', () => {
  it('gives each new unit its former communes’ last status and the share of its area at đạt chuẩn or above', async () => {
    const { body } = await getJson(app, '/api/units/merged-history?asOf=2025-12-31');
    expect(body.features).toHaveLength(45);
    const thanhNua = body.features.find((f: any) => f.properties.name === 'Thanh Nưa').properties;
    expect(thanhNua).toMatchObject({ unitSet: '2025', ntmStatus: 'none', historyAsOf: '2025-06-30', formerNtm: 4 });
    expect(thanhNua.former.find((f: any) => f.name === 'Thanh Chăn')).toMatchObject({ status: 'standard', year: 2015 });
    expect(thanhNua.formerNtmShare).toBeGreaterThan(0.5);
    // None holds a status of its own yet; the three wards are not assessed at all.
    expect(body.features.filter((f: any) => f.properties.ntmStatus === 'urban').map((f: any) => f.properties.type)).toEqual(['Phường', 'Phường', 'Phường']);
    expect(body.features.every((f: any) => ['none', 'urban'].includes(f.properties.ntmStatus))).toBe(true);
  });
});

describe('GET /api/crosswalk', () => {
  it('maps each of the 129 old communes to exactly one of 45 new units, with names and types on both sides', async () => {
    const { body } = await getJson(app, '/api/crosswalk');
    const to2025 = body.entries.filter((e: any) => e.fromSet === '2020' && e.toSet === '2025');
    expect(to2025).toHaveLength(129);
    expect(new Set(to2025.map((e: any) => e.fromCode)).size).toBe(129);
    expect(new Set(to2025.map((e: any) => e.toCode)).size).toBe(45);
    expect(to2025.find((e: any) => e.fromCode === '03337')).toEqual({
      fromSet: '2020',
      fromCode: '03337',
      fromName: 'Thanh Chăn',
      fromType: 'Xã',
      toSet: '2025',
      toCode: '03328',
      toName: 'Thanh Nưa',
      toType: 'Xã',
    });
    // A new name that points elsewhere than the old unit of the same name.
    expect(to2025.find((e: any) => e.fromName === 'Mường Thanh' && e.fromType === 'Phường')).toMatchObject({ toName: 'Điện Biên Phủ' });
    expect(body.entries.find((e: any) => e.fromSet === '2019' && e.fromCode === '03144')).toMatchObject({ toCode: '03145', toName: 'Thanh Minh' });
  });
});

describe('GET /api/timeline', () => {
  it('gives every recognition with its effective date, status, unit and sources, and the targets', async () => {
    const { headers, body } = await getJson(app, '/api/timeline');
    expect(headers.get('etag')).toBeTruthy();
    expect(body.unitSets['2025']).toMatchObject({ from: '2025-07-01', to: null });
    expect(body.recognitions.length).toBeGreaterThan(40);
    for (const r of body.recognitions) {
      expect(r).toMatchObject({
        unitSet: '2020',
        communeCode: expect.stringMatching(/^\d{5}$/),
        status: expect.stringMatching(/^(basic|standard|advanced|model)$/),
      });
      expect(r.sources.length).toBeGreaterThan(0);
    }
    expect(body.recognitions.find((r: any) => r.communeCode === '03337')).toMatchObject({ yearFor: 2015, countsFrom: '2015-12-31' });
    expect(body.targets.length).toBe(37);
    expect(body.facts.some((f: any) => f.kind === 'district-without-ntm')).toBe(true);
  });
});

describe('errors and caching of the unit-set endpoints', () => {
  it.each([
    ['/api/units?set=2021', 400, 'set'],
    ['/api/units?set=new', 400, 'set'],
    ['/api/units?unitSet=2025', 400, 'unitSet'],
    ['/api/units/merged-history?asOf=2099-01-01', 400, 'asOf'],
    ['/api/units/merged-history?asOf=2025-02-30', 400, 'asOf'],
    ['/api/crosswalk?set=2025', 400, 'set'],
    ['/api/timeline?asOf=2021-06-30', 400, 'asOf'],
  ])('%s → %i naming %s', async (path, status, name) => {
    const res = await getJson(app, path);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(name);
  });

  it('answers 304 to an unchanged layer', async () => {
    const first = await app.request('/api/units?set=2025');
    const again = await app.request('/api/units?set=2025', { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
