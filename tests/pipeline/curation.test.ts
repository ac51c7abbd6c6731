import { describe, expect, it } from 'vitest';
import { curateNtm, parseCriteriaMet, parseDecision } from '../../scripts/geodata/ntm.ts';
import { curateOcop, parseCertYear, parseGroup, parseStars, producerOf, productNames } from '../../scripts/geodata/ocop.ts';
import type { SourcedRow } from '../../scripts/geodata/inputs.ts';
import type { Gazetteer } from '../../scripts/geodata/places.ts';
import { resolveCommune, resolveDistrict, stripRemarks } from '../../scripts/geodata/places.ts';
import { Report } from '../../scripts/geodata/report.ts';
import { SourceRegistry } from '../../scripts/geodata/sources.ts';
import { leadingNumber, reportDate } from '../../scripts/geodata/targets.ts';
import { factYear, parseArea, rowPlaces, splitList } from '../../scripts/geodata/zones.ts';
import type { UnitFeature } from '../../server/catalog/geodata.ts';

/** A tiny gazetteer: enough units to exercise every resolution rule without the real boundaries. */
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
const unit = (
  code: string,
  name: string,
  level: 'district' | 'commune',
  districtCode: string | null,
  unitSet: '2019' | '2020' | '2025' = '2020',
  extra = {},
): UnitFeature => ({
  type: 'Feature',
  geometry: square,
  properties: {
    code,
    name,
    type: level === 'district' ? 'Huyện' : 'Xã',
    fullName: `Xã ${name}`,
    level,
    unitSet,
    districtCode,
    validFrom: null,
    validTo: null,
    areaKm2: 1,
    labelPoint: [0.5, 0.5],
    ...extra,
  },
});
const communes = [
  unit('03145', 'Thanh Minh', 'commune', '094'),
  unit('03337', 'Thanh Chăn', 'commune', '100'),
  unit('03301', 'Búng Lao', 'commune', '102'),
  unit('03352', 'Noọng Hẹt', 'commune', '100'),
  unit('03172', 'Mường Chà', 'commune', '097'),
  unit('03166', 'Chà Cang', 'commune', '103'),
];
const gazetteer: Gazetteer = {
  districts: [
    unit('094', 'Điện Biên Phủ', 'district', null),
    unit('097', 'Mường Chà', 'district', null),
    unit('100', 'Điện Biên', 'district', null),
    unit('102', 'Mường Ảng', 'district', null),
    unit('103', 'Nậm Pồ', 'district', null),
  ],
  communes,
  communes2019: [
    ...communes.map((c) => ({ ...c, properties: { ...c.properties, unitSet: '2019' as const } })),
    unit('03144', 'Tà Lèng', 'commune', '094', '2019'),
  ],
  communes2025: [unit('03166', 'Mường Chà', 'commune', null, '2025', { formerCodes: ['03166'] })],
};
const crosswalk = [{ fromSet: '2019' as const, fromCode: '03144', toSet: '2020' as const, toCode: '03145' }];
const sourced = (fields: Record<string, string>, line: number) =>
  ({
    source_title: `Source ${line}`,
    source_url_or_ref: `http://example.org/${line}`,
    source_date: '2021',
    confidence: 'high',
    note: '',
    line,
    ...fields,
  }) as SourcedRow & { line: number };

describe('place resolution', () => {
  it('strips type prefixes and remarks, uses GSO spelling aliases and district hints', () => {
    expect(stripRemarks('TT Mường Chà')).toBe('Mường Chà');
    expect(stripRemarks('Phì Nhừ (raw material)')).toBe('Phì Nhừ');
    expect(resolveDistrict(gazetteer, 'TP Điện Biên Phủ')?.properties.code).toBe('094');
    expect(resolveDistrict(gazetteer, 'Điện Biên')?.properties.code).toBe('100');
    expect(resolveCommune(gazetteer, 'Noong Hẹt')?.properties.code).toBe('03352');
    expect(resolveCommune(gazetteer, 'thanh chan')?.properties.code).toBe('03337');
    expect(resolveCommune(gazetteer, 'Nowhere')).toBeNull();
  });
});

describe('NTM curation', () => {
  const rows = [
    sourced({ district: 'Điện Biên', commune: 'Thanh Chăn', status: 'dat_chuan', year: '2015', criteria_met: '19/19', note: 'code=03337' }, 2),
    sourced({ district: 'Điện Biên', commune: 'Thanh Chăn', status: 'dat_chuan', year: '2015', criteria_met: '2/19 at 2009 pilot start' }, 3),
    sourced({ district: 'Mường Ảng', commune: 'Búng Lao', status: 'dat_chuan', year: '2020', criteria_met: '' }, 4),
    sourced({ district: 'Mường Ảng', commune: 'Búng Lao', status: 'dat_chuan', year: '2022', criteria_met: '19/19' }, 5),
    sourced({ district: 'TP Điện Biên Phủ', commune: 'Tà Lèng', status: 'co_ban_dat_chuan', year: '2019', criteria_met: '' }, 6),
    sourced({ district: 'Điện Biên', commune: 'Noong Hẹt', status: 'dat_chuan', year: '', criteria_met: '', source_date: 'undated' }, 7),
    sourced({ district: 'Mường Chà', commune: '(district level)', status: 'huyen_chua_co_xa_ntm', year: '2021', criteria_met: '' }, 8),
    sourced({ district: 'Mường Chà', commune: 'Nowhere', status: 'dat_chuan', year: '2021', criteria_met: '' }, 9),
    sourced({ district: 'Điện Biên', commune: 'Thanh Chăn', status: 'dat_chuan', year: '', criteria_met: '', source_date: '2025' }, 10),
  ];
  const report = new Report();
  const { recognitions, facts } = curateNtm(rows, { gazetteer, crosswalk, sources: new SourceRegistry(), report });
  const byId = new Map(recognitions.map((r) => [r.id, r]));

  it('keeps one event per (commune, status, year) with every supporting source', () => {
    const thanhChan = byId.get('03337-standard-2015')!;
    expect(thanhChan.citations.map((c) => c.origin)).toEqual(['ntm_communes.csv:2', 'ntm_communes.csv:3']);
    expect(thanhChan.criteriaMet).toBe(19);
    expect(thanhChan.countsFrom).toBe('2015-12-31');
  });

  it('keeps conflicting years as separate events, all marked disputed', () => {
    expect(byId.get('03301-standard-2020')).toMatchObject({ disputed: true });
    expect(byId.get('03301-standard-2022')).toMatchObject({ disputed: true, criteriaMet: 19 });
    expect(byId.get('03301-standard-2020')!.disputeNote).toContain('2020');
    expect(byId.get('03337-standard-unknown')).toMatchObject({ disputed: false, yearUnknown: true, countsFrom: '2025-01-01' });
  });

  it('attaches pre-2020 events for Tà Lèng to Thanh Minh', () => {
    expect(byId.get('03145-basic-2019')).toMatchObject({ communeCode: '03145', recordedAs: { unitSet: '2019', code: '03144', name: 'Xã Tà Lèng' } });
  });

  it('an undated year-unknown event never counts, and says so in the report', () => {
    expect(byId.get('03352-standard-unknown')).toMatchObject({ countsFrom: null, yearUnknown: true });
    expect(report.notes.ntm.join('\n')).toContain('03352-standard-unknown');
  });

  it('turns non-recognition rows into facts and reports rows it cannot resolve', () => {
    expect(facts.map((f) => [f.kind, f.level, f.code])).toEqual([['district-without-ntm', 'district', '097']]);
    expect(report.unresolvedRows).toEqual([{ where: 'ntm_communes.csv:9', what: 'commune "Nowhere" in Mường Chà' }]);
  });

  it('fails loudly when a stated code disagrees with the name', () => {
    const bad = [sourced({ district: 'Điện Biên', commune: 'Thanh Chăn', status: 'dat_chuan', year: '2015', criteria_met: '', note: 'code=09999' }, 2)];
    expect(() => curateNtm(bad, { gazetteer, crosswalk, sources: new SourceRegistry(), report: new Report() })).toThrow(/code=09999/);
  });

  it.each([
    ['19/19 (46/49 indicators)', 19],
    ['12/19 đạt + 7 cơ bản', 12],
    ['2/19 at 2009 pilot start', null],
    ['14/16 advanced-NTM criteria', null],
    ['', null],
  ])('parseCriteriaMet(%s) = %s', (text, n) => expect(parseCriteriaMet(text)).toBe(n));

  it('reads decision numbers and dates from notes', () => {
    expect(parseDecision('Recognised by QĐ 520/QĐ-UBND dated 26/6/2018 (for 2017)')).toEqual({ ref: 'QĐ 520/QĐ-UBND', date: '2018-06-26' });
    expect(parseDecision('QĐ of provincial chairman recognised it for 2020')).toBeNull();
  });
});

describe('OCOP curation', () => {
  const base = {
    producer_type: 'HTX',
    group: 'I Thực phẩm (food)',
    commune: '',
    district: 'Điện Biên',
    note: '[group assigned by researcher from product type]',
  };
  const rows = [
    sourced({ ...base, product: 'Mật ong hoa ban', producer: 'HTX Ong mật Điện Biên', stars: '4', year: '2019', commune: 'Thanh Chăn' }, 2),
    sourced({ ...base, product: 'Mật ong hoa ban; Gạo X', producer: 'HTX Ong mật Điện Biên (đội 10)', stars: '4', year: '2020' }, 3),
    sourced({ ...base, product: 'Trà P', producer: '(producer not named)', stars: '3', year: '2021', district: 'Mường Ảng' }, 4),
    sourced({ ...base, product: 'Trà P', producer: '(producer not named)', stars: '4', year: '2022', district: 'Mường Ảng (per 2021 council listing)' }, 5),
    sourced(
      { ...base, product: 'Bí xanh (wax gourd)', producer: '', stars: '3', year: '2019-2020', commune: 'Chà Cang (raw material)', district: 'Nậm Pồ' },
      6,
    ),
    sourced(
      {
        ...base,
        product: 'Rượu R',
        producer: 'Hộ R',
        producer_type: 'household',
        stars: '3',
        year: '',
        district: '',
        note: 'Stars inferred: seed rule. [group assigned by researcher from product type]',
      },
      7,
    ),
  ];
  const { products, producers } = curateOcop(rows, { gazetteer, sources: new SourceRegistry(), report: new Report() });
  const byName = new Map(products.map((p) => [p.name, p]));

  it('lists each product once, split from multi-product cells, with all its sources', () => {
    expect([...byName.keys()].sort()).toEqual(['Bí xanh', 'Gạo X', 'Mật ong hoa ban', 'Rượu R', 'Trà P']);
    expect(byName.get('Mật ong hoa ban')!.citations).toHaveLength(2);
    expect(byName.get('Gạo X')!.citations).toHaveLength(1);
    expect(producers.map((p) => p.name).sort()).toEqual(['HTX Ong mật Điện Biên', 'Hộ R']);
  });

  it('merging rows into a product says each bracketed remark once across its citations', () => {
    const notes = byName.get('Mật ong hoa ban')!.citations.map((c) => c.note);
    expect(notes.join(' ').match(/\[group assigned by researcher from product type\]/g)).toHaveLength(1);
    // A product from one row keeps its remark.
    expect(byName.get('Gạo X')!.citations[0].note).toBe('[group assigned by researcher from product type]');
  });

  it('same stars in nearby years is one certification with a disputed year; new stars later is an upgrade', () => {
    expect(byName.get('Mật ong hoa ban')).toMatchObject({ stars: 4, year: 2019, disputed: true, ratings: [{ stars: 4, year: 2019 }] });
    expect(byName.get('Trà P')).toMatchObject({
      stars: 4,
      year: 2021,
      disputed: false,
      ratings: [
        { stars: 3, year: 2021 },
        { stars: 4, year: 2022 },
      ],
    });
  });

  it('places at the producer commune, else the district, flagging inferred places, stars and groups', () => {
    expect(byName.get('Mật ong hoa ban')).toMatchObject({ location: 'commune', communeCode: '03337', districtCode: '100', group: 'I', inferred: ['group'] });
    expect(byName.get('Trà P')).toMatchObject({ location: 'district', communeCode: null, districtCode: '102' });
    expect(byName.get('Bí xanh')).toMatchObject({ location: 'commune', communeCode: '03166', yearText: '2019-2020', certifiedBy: 2020 });
    expect(byName.get('Bí xanh')!.inferred).toContain('location');
    expect(byName.get('Rượu R')).toMatchObject({ location: null, districtCode: null, inferred: ['stars', 'group'] });
  });

  it.each([
    ['4', 4],
    ['3 (9 of these 10 were certified)', 3],
    ['3+', null],
    ['', null],
  ])('parseStars(%s) = %s', (text, n) => expect(parseStars(text)).toBe(n));

  it('parses certification years, groups, product and producer names', () => {
    expect(parseCertYear('2019')).toEqual({ exact: 2019, latest: 2019 });
    expect(parseCertYear('2019-2020')).toEqual({ exact: null, latest: 2020 });
    expect(parseCertYear('<=2024')).toEqual({ exact: null, latest: 2024 });
    expect(parseGroup('III Thảo dược (herbal)')).toBe('III');
    expect(parseGroup('IV Vải & may mặc (textile)')).toBe('IV');
    expect(productNames('Gạo Séng cù (brand Tâm Sáng)')).toEqual(['Gạo Tâm Sáng – Séng cù']);
    expect(productNames('Mật ong (Sam Mứn)')).toEqual(['Mật ong hoa ban', 'Mật ong bánh tổ']);
    expect(producerOf('(producer not named in this source)', '')).toBeNull();
    expect(producerOf("M'Then Cooperative (HTX M'Then)", 'HTX')).toEqual({ id: 'htx-m-then', name: "HTX M'Then", type: 'cooperative' });
  });
});

describe('zone and target parsing', () => {
  it.each([
    ['~600', { ha: 600, approx: true }],
    ['4,500', { ha: 4500, approx: false }],
    ['31 -> 150', { ha: 150, approx: false }],
    ['planned ~12,660; planted ~370', { ha: 370, approx: true }],
    ['>10,300 (1,553 harvesting)', { ha: 10300, approx: true }],
    ['60.89', { ha: 60.89, approx: false }],
    ['', null],
  ])('parseArea(%s)', (text, expected) => expect(parseArea(text)).toEqual(expected));

  it('splits lists outside parentheses and reads fact years', () => {
    expect(splitList('Mường Nhà (bản Pu Lau; also Ban); Na Son')).toEqual(['Mường Nhà (bản Pu Lau; also Ban)', 'Na Son']);
    expect(factYear('2017 -> 2020s')).toBe(2020);
    expect(factYear('undated')).toBe(0);
  });

  it('resolves zone places: communes, districts named in province rows, 2025 units through the merger', () => {
    const row = (communes: string, district: string) => ({ communes, district }) as never;
    expect(rowPlaces(row('Thanh Chăn; Noong Hẹt', 'Điện Biên'), gazetteer)).toEqual({ communes: ['03337', '03352'], districts: ['100'], unresolved: [] });
    expect(rowPlaces(row('Mường Chà; Điện Biên Phủ', '(province)'), gazetteer)).toEqual({ communes: [], districts: ['097', '094'], unresolved: [] });
    expect(rowPlaces(row('Mường Chà (2025 communes)', '(province)'), gazetteer).communes).toEqual(['03166']);
    expect(rowPlaces(row('lòng chảo Điện Biên', 'Điện Biên'), gazetteer)).toEqual({ communes: [], districts: ['100'], unresolved: ['lòng chảo Điện Biên'] });
  });

  it('reads leading numbers and end-of-period report dates', () => {
    expect(leadingNumber('22 (18 đạt chuẩn + 4 CBĐC); 19% of communes')).toBe(22);
    expect(leadingNumber('>=90 (3-4*)')).toBe(90);
    expect(leadingNumber('20,000')).toBe(20000);
    expect(leadingNumber('all >=10 criteria')).toBeNull();
    expect(reportDate('end-2015')).toBe('2015-12-31');
    expect(reportDate('2018-06')).toBe('2018-06-30');
    expect(reportDate('2019-06-30')).toBe('2019-06-30');
    expect(reportDate('before 2025-07-01')).toBe('2025-06-30');
    expect(reportDate('2025 (mid?)')).toBe('2025-06-30');
    expect(reportDate('2025 (late)')).toBe('2025-12-31');
    expect(reportDate('')).toBeNull();
  });
});
