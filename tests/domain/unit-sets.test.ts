import { describe, expect, it } from 'vitest';
import { mergedHistory } from '../../server/domain/merger.ts';
import { oldUnitSetOn, oldUnitsDate, productsOnSet, recognitionsOnSet, type UnitSetPeriods, unitSetOn } from '../../server/domain/unit-sets.ts';
import { unitSetName } from '../../server/messages/unit-sets.ts';
import { statusesAsOf } from '../../server/domain/ntm-summary.ts';

const rec = (
  communeCode: string,
  status: 'basic' | 'standard' | 'advanced',
  yearFor: number,
  recordedAs: { unitSet: '2019'; code: string; name: string } | null = null,
) => ({
  unitSet: '2020' as const,
  communeCode,
  status,
  yearFor,
  countsFrom: `${yearFor}-12-31`,
  recordedAs,
});

/** The periods Điện Biên's data states (geodata/province.json); the rules take them as data. */
const PERIODS: UnitSetPeriods = {
  '2019': { from: null, to: '2019-12-31' },
  '2020': { from: '2020-01-01', to: '2025-06-30' },
  '2025': { from: '2025-07-01', to: null },
};

describe('unit sets as staff know them', () => {
  it('names each set by when it was in force, from the province’s periods, never by its code', () => {
    expect(['2019', '2020', '2025'].map((set) => unitSetName(set as '2019', PERIODS))).toEqual([
      { en: 'the 2019 units', vi: 'bộ đơn vị 2019' },
      { en: 'the 2020–2025 units', vi: 'bộ đơn vị 2020–2025' },
      { en: 'the units from 1 July 2025', vi: 'bộ đơn vị từ 1/7/2025' },
    ]);
    // Another province's dates: the names follow them.
    const other: UnitSetPeriods = {
      '2019': { from: null, to: '2020-12-31' },
      '2020': { from: '2021-01-01', to: '2024-12-31' },
      '2025': { from: '2025-01-01', to: null },
    };
    expect(unitSetName('2019', other).vi).toBe('bộ đơn vị 2020');
    expect(unitSetName('2020', other).vi).toBe('bộ đơn vị 2021–2024');
    expect(unitSetName('2025', other)).toEqual({ en: 'the units from 1 January 2025', vi: 'bộ đơn vị từ 1/1/2025' });
    // A first set ending within a year is named by the last year it held whole, not the next set's year.
    const midYear: UnitSetPeriods = { ...other, '2019': { from: null, to: '2020-02-29' }, '2020': { from: '2020-03-01', to: '2024-12-31' } };
    expect(unitSetName('2019', midYear)).toEqual({ en: 'the 2019 units', vi: 'bộ đơn vị 2019' });
    expect(unitSetName('2020', midYear).en).toBe('the 2020–2024 units');
  });
});

describe('unit sets by date', () => {
  it.each([
    ['2015-12-31', '2019'],
    ['2019-12-31', '2019'],
    ['2020-01-01', '2020'],
    ['2025-06-30', '2020'],
    ['2025-07-01', '2025'],
    ['2026-11-24', '2025'],
  ])('%s is on the %s set', (date, set) => expect(unitSetOn(PERIODS, date)).toBe(set));

  it('old units after the merger are the 2020–2025 set', () => {
    expect(oldUnitSetOn(PERIODS, '2026-01-01')).toBe('2020');
    expect(oldUnitSetOn(PERIODS, '2018-06-30')).toBe('2019');
  });

  it('follows the periods it is given, not a calendar of its own', () => {
    const other: UnitSetPeriods = {
      '2019': { from: null, to: '2020-03-31' },
      '2020': { from: '2020-04-01', to: '2025-07-14' },
      '2025': { from: '2025-07-15', to: null },
    };
    expect(unitSetOn(other, '2020-01-01')).toBe('2019');
    expect(unitSetOn(other, '2025-07-14')).toBe('2020');
    expect(unitSetOn(other, '2025-07-15')).toBe('2025');
  });
});

describe('the as-of rule on each unit set', () => {
  const recognitions = [
    rec('03145', 'basic', 2018, { unitSet: '2019', code: '03144', name: 'Xã Tà Lèng' }),
    rec('03145', 'standard', 2021),
    rec('03337', 'standard', 2015),
  ];

  it('puts events recorded for Tà Lèng back on Tà Lèng in the 2019 set, and on Thanh Minh after', () => {
    const s2019 = statusesAsOf(recognitionsOnSet(recognitions, '2019'), '2019-12-31');
    expect(s2019.get('03144')?.status).toBe('basic');
    expect(s2019.has('03145')).toBe(false);
    const s2020 = statusesAsOf(recognitionsOnSet(recognitions, '2020'), '2021-12-31');
    expect(s2020.get('03145')?.status).toBe('standard');
    expect(s2020.get('03337')?.status).toBe('standard');
  });

  it('starts the 2025 units with no status: old recognitions do not carry over', () => {
    expect(recognitionsOnSet(recognitions, '2025')).toEqual([]);
    const own = { ...rec('03328', 'standard', 2026), unitSet: '2025' as const };
    expect(recognitionsOnSet([...recognitions, own], '2025')).toEqual([own]);
  });

  it('places products on each set', () => {
    const products = [
      { location: 'commune' as const, communeCode: '03316', districtCode: '094' },
      { location: 'district' as const, communeCode: null, districtCode: '098' },
    ];
    expect(productsOnSet(products, '2019', [{ code: '03316', districtCode: '100' }], new Map())[0].districtCode).toBe('100');
    expect(productsOnSet(products, '2025', [], new Map([['03316', '03316']]))).toEqual([
      { location: 'commune', communeCode: '03316', districtCode: null },
      { location: null, communeCode: null, districtCode: null },
    ]);
  });
});

describe('history aggregated onto the new units', () => {
  const old = [
    { code: 'a', name: 'A', type: 'Xã', areaKm2: 10 },
    { code: 'b', name: 'B', type: 'Xã', areaKm2: 30 },
    { code: 'c', name: 'C', type: 'Xã', areaKm2: 60 },
  ];
  const recs = [
    { communeCode: 'a', status: 'standard' as const, yearFor: 2015, countsFrom: '2015-12-31' },
    { communeCode: 'b', status: 'basic' as const, yearFor: 2019, countsFrom: '2019-12-31' },
    { communeCode: 'c', status: 'advanced' as const, yearFor: 2024, countsFrom: '2024-12-31' },
  ];
  const formerOf = new Map([['n', ['a', 'b', 'c']]]);

  it('lists former communes with their last status, counts them, and weights the share by area', () => {
    const h = mergedHistory(formerOf, old, recs, '2026-01-01').get('n')!;
    expect(h.former.map((f) => [f.code, f.status, f.year])).toEqual([
      ['a', 'standard', 2015],
      ['b', 'basic', 2019],
      ['c', 'advanced', 2024],
    ]);
    expect(h.ntmFormer).toBe(2);
    expect(h.counts).toMatchObject({ total: 3, basic: 1, standard: 1, advanced: 1 });
    expect(h.ntmAreaShare).toBe(0.7);
  });

  it('reads the old record as of the date, at most the old units’ last day (oldUnitsDate)', () => {
    expect(mergedHistory(formerOf, old, recs, '2020-06-30').get('n')!.ntmAreaShare).toBe(0.1);
    const late = [...recs, { communeCode: 'b', status: 'standard' as const, yearFor: 2025, countsFrom: '2025-12-31' }];
    expect(oldUnitsDate(PERIODS, '2026-06-30')).toBe('2025-06-30');
    expect(mergedHistory(formerOf, old, late, oldUnitsDate(PERIODS, '2026-06-30')).get('n')!.ntmFormer).toBe(2);
  });

  it('fails loudly on a former commune that is not an old one', () => {
    expect(() => mergedHistory(new Map([['n', ['zzz']]]), old, recs, '2025-06-30')).toThrow(/zzz/);
  });
});
