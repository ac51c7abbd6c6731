import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../client/lib/search-index.ts';
import { searchEntries } from '../../client/lib/search.ts';
import { UNIT_TYPES, unitTitle } from '../../server/domain/unit-types.ts';
import { committedProvince, getJson, testApp } from '../helpers/test-app.ts';

describe('search over the real layers', async () => {
  const { app } = testApp();
  const [u2019, u2020, u2025, crosswalk, products, zones] = await Promise.all(
    ['/api/units?set=2019', '/api/units?set=2020', '/api/units?set=2025', '/api/crosswalk', '/api/products', '/api/zones'].map(
      async (p) => (await getJson(app, p)).body,
    ),
  );
  const toUnits = (fc: any, level: string) =>
    fc.features.filter((f: any) => f.properties.level === level).map((f: any) => ({ ...f.properties, geometry: f.geometry }));
  const units = Object.fromEntries(
    [
      ['2019', u2019],
      ['2020', u2020],
      ['2025', u2025],
    ].map(([s, fc]) => [s, { communes: toUnits(fc, 'commune'), districts: toUnits(fc, 'district') }]),
  );
  const record = { province: committedProvince(), units, recognitions: [], products: [], facts: [], crosswalk: crosswalk.entries } as any;
  const index = buildSearchIndex({ record, products, zones });

  it('finds without diacritics or case, places first', () => {
    expect(searchEntries(index, 'muong cha')[0]).toMatchObject({ kind: 'district', name: 'Mường Chà', target: { kind: 'district', id: '097', set: '2020' } });
    expect(searchEntries(index, 'tua chua')[0]).toMatchObject({ kind: 'district', name: 'Tủa Chùa' });
    expect(searchEntries(index, 'Thanh Chan')[0]).toMatchObject({ kind: 'commune', name: 'Thanh Chăn', target: { id: '03337', set: '2020' } });
    expect(searchEntries(index, 'Thanh Chan')[0].detail.vi).toContain('nay thuộc xã Thanh Nưa');
    expect(searchEntries(index, 'THANH CHĂN')[0].name).toBe('Thanh Chăn');
  });

  it('finds products, producers and zones', () => {
    const honey = searchEntries(index, 'mat ong');
    expect(honey.map((r) => r.name)).toEqual(expect.arrayContaining(['Mật ong hoa ban', 'Mật ong bánh tổ']));
    expect(searchEntries(index, 'ong mat dien bien')[0]).toMatchObject({ kind: 'producer', name: 'HTX Ong mật Điện Biên', target: { kind: 'product' } });
    expect(searchEntries(index, 'shan tuyet').some((r) => r.kind === 'zone' && r.target.id === 'che-shan-tuyet-tua-chua')).toBe(true);
  });

  it('knows both unit sets and tells apart a new unit named like an old one elsewhere', () => {
    for (const [name, oldType] of [
      ['Mường Thanh', 'phường'],
      ['Sam Mứn', 'xã'],
      ['Mường Chà', 'thị trấn'],
    ]) {
      const hits = searchEntries(index, name).filter((r) => r.kind === 'commune' && r.name === name);
      const fresh = hits.find((r) => r.target.set === '2025')!;
      const old = hits.find((r) => r.target.set === '2020')!;
      expect(fresh.detail.vi, name).toContain(`khác với ${oldType} ${name} cũ`);
      expect(old.detail.vi, name).toContain('nay thuộc');
    }
    const thanhNua = searchEntries(index, 'thanh nua').filter((r) => r.name === 'Thanh Nưa');
    expect(thanhNua.map((r) => r.target.set).sort()).toEqual(['2020', '2025']);
    expect(thanhNua.find((r) => r.target.set === '2025')!.detail.vi).not.toContain('khác với');
    expect(searchEntries(index, 'ta leng')[0]).toMatchObject({ name: 'Tà Lèng', target: { set: '2019' } });
  });

  it('says what each unit is by its own type, not only "commune" or "district": a ward, a township, a city', () => {
    const kind = (name: string, set: string, lang: 'vi' | 'en') =>
      index.find((e) => e.name === name && e.target.set === set && e.kind !== 'product')!.kindLabel?.[lang];
    expect(kind('Mường Thanh', '2020', 'vi')).toBe('Phường');
    expect(kind('Mường Thanh', '2020', 'en')).toBe('Ward');
    expect(kind('Tủa Chùa', '2025', 'en')).toBe('Commune');
    expect(index.find((e) => e.kind === 'commune' && e.name === 'Tủa Chùa' && e.target.set === '2020')!.kindLabel!.vi).toBe('Thị trấn');
    expect(index.find((e) => e.kind === 'district' && e.name === 'Điện Biên Phủ')!.kindLabel).toEqual({ vi: 'Thành phố', en: 'City' });
    expect(index.find((e) => e.kind === 'district' && e.name === 'Mường Chà')!.kindLabel!.vi).toBe('Huyện');
  });

  it('names a commune’s district by its own type (city, town, district), in both languages', () => {
    const entry = (name: string) => index.find((e) => e.kind === 'commune' && e.name === name && e.target.set === '2020')!.detail;
    expect(entry('Mường Thanh').vi).toContain('Phường cũ · thành phố Điện Biên Phủ ·');
    expect(entry('Mường Thanh').en).toContain('former ward · Điện Biên Phủ city ·');
    expect(entry('Lay Nưa').vi).toContain('Xã cũ · thị xã Mường Lay ·');
    expect(entry('Lay Nưa').en).toContain('former commune · Mường Lay town ·');
    expect(searchEntries(index, 'tua chua').find((e) => e.kind === 'district')!.detail.en).toMatch(/^Tủa Chùa district /);
    expect(index.some((e) => /huyện (Điện Biên Phủ|Mường Lay)|(Điện Biên Phủ|Mường Lay) district/.test(`${e.detail.vi} ${e.detail.en}`))).toBe(false);
  });

  it('has a label in both languages for every unit type the data names', () => {
    const types = new Set(Object.values(units).flatMap((set: any) => [...set.communes, ...set.districts].map((u: any) => u.type as string)));
    expect(types.size).toBeGreaterThanOrEqual(6);
    for (const type of types) expect(Object.keys(UNIT_TYPES), type).toContain(type);
    expect(unitTitle({ type: 'Thị trấn', name: 'Tủa Chùa' }, 'en')).toBe('Tủa Chùa township');
    expect(unitTitle({ type: 'Thành phố', name: 'Điện Biên Phủ' }, 'vi')).toBe('thành phố Điện Biên Phủ');
  });

  it('answers to the press spelling of a commune too', () => {
    expect(searchEntries(index, 'noong het')[0]).toMatchObject({ kind: 'commune', name: 'Noọng Hẹt' });
    expect(searchEntries(index, 'Sá Tổng')[0]).toMatchObject({ kind: 'commune', name: 'Xá Tổng' });
  });

  it('returns nothing for a blank query and bounds the list', () => {
    expect(searchEntries(index, '   ')).toEqual([]);
    expect(searchEntries(index, 'a', 5).length).toBeLessThanOrEqual(5);
  });
});
