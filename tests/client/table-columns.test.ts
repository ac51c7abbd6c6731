import { describe, expect, it } from 'vitest';
import { communes2020, communes2025, districts2020, products, zones } from '../../server/catalog/index.ts';
import { NTM_STATUS_LABELS } from '../../server/domain/ntm-status.ts';
import { UNIT_SETS } from '../../server/domain/unit-sets.ts';
import { REGISTRY } from '../../server/catalog/layer-registry.ts';
import { collectionOfLayer } from '../../client/lib/shown-collections.ts';
import { COLUMN_LABELS, tableColumns } from '../../client/ui/table/columns.ts';
import { metresPerPixel, scaleBar, scaleDenominator } from '../../client/lib/scale-bar.ts';

/** Every collection a layer's table can show, from the registry and the catalog. */
const tableCollections = [
  ...new Map(
    REGISTRY.flatMap((l) => UNIT_SETS.map((set) => collectionOfLayer(l.id, set)))
      .filter((c) => c !== null)
      .map((c) => [c.id, c]),
  ).values(),
];

describe('table columns from the catalog schema', () => {
  it('covers the collections the layers draw', () => {
    expect(tableCollections.map((c) => c.id).sort()).toEqual(
      ['communes-2019', 'communes-2020', 'communes-2025', 'districts-2019', 'districts-2020', 'ocop-products', 'zones'].sort(),
    );
  });

  it.each(tableCollections.map((c) => [c.id, c] as const))('%s: every column has a heading in both languages, the name first', (_id, c) => {
    const columns = tableColumns(c);
    expect(columns[0].key).toBe('name');
    expect(columns[0].rowHeader).toBe(true);
    for (const col of columns) {
      expect(Object.hasOwn(COLUMN_LABELS, col.key), `${c.id}: no heading for column "${col.key}" (client/ui/table/columns.ts)`).toBe(true);
      expect(col.label.vi).toBe(col.label.vi.normalize('NFC'));
      expect(col.label.en.trim()).not.toBe('');
    }
  });

  it('takes the downloads’ flat columns: nested objects dotted, of each source only its title', () => {
    const keys = tableColumns(communes2020 as never).map((x) => `${x.key}:${x.kind}`);
    expect(keys).toEqual(
      expect.arrayContaining(['decision.ref:text', 'decision.date:date', 'ntmStatus:enum', 'ntmYear:integer', 'areaKm2:number', 'sources.title:list']),
    );
    expect(keys.some((k) => k.startsWith('labelPoint') || k.startsWith('sources.url'))).toBe(false);
    const ref = tableColumns(communes2020 as never).find((c) => c.key === 'decision.ref')!;
    expect(ref.value({ decision: null })).toBeNull();
    expect(ref.value({ decision: { ref: '123/QĐ-UBND', date: null } })).toBe('123/QĐ-UBND');
  });

  it('leaves out the unit set, ids and codes of parents', () => {
    const keys = (c: typeof communes2020) => tableColumns(c as never).map((x) => x.key);
    expect(keys(communes2020)).not.toContain('unitSet');
    expect(keys(communes2020)).not.toContain('districtCode');
    expect(keys(communes2020)).toContain('code');
    expect(keys(products as never)).not.toContain('id');
    expect(keys(zones as never)).not.toContain('communeCodes');
  });

  it('writes values for the active language', () => {
    const col = (c: unknown, key: string) => tableColumns(c as never).find((x) => x.key === key)!;
    expect(col(communes2020, 'ntmStatus').text('basic', 'vi')).toBe('Cơ bản đạt chuẩn');
    expect(col(communes2020, 'ntmStatus').text('basic', 'en')).not.toBe('Cơ bản đạt chuẩn');
    expect(col(communes2020, 'decision.date').text('2021-06-30', 'vi')).toBe('30/06/2021');
    expect(col(communes2020, 'decision.date').text('2021-06-30', 'en')).toBe('30 Jun 2021');
    expect(col(communes2020, 'areaKm2').text(1234.5, 'vi')).toBe('1.234,5');
    expect(col(communes2020, 'areaKm2').text(1234.5, 'en')).toBe('1,234.5');
    expect(col(communes2020, 'disputed').text(true, 'vi')).toBe('có');
    expect(col(communes2020, 'ntmYear').text(null, 'vi')).toBe('');
    expect(col(districts2020, 'ntmShare').text(0.25, 'en')).toBe('25%');
    expect(col(districts2020, 'ntmShare').text(0.125, 'vi')).toBe('12,5 %');
    expect(col(communes2025, 'formerNtmShare').kind).toBe('share');
    expect(col(products, 'stars').text(4, 'vi')).toBe('4★');
    expect(col(products, 'group').text('I', 'en')).toMatch(/^I\. /);
    expect(col(zones, 'crop').text('tea', 'vi')).toBe('Chè');
    expect(col(products, 'ratings.stars').text('3; 4', 'vi')).toBe('3★; 4★');
    expect(col(communes2025, 'former.status').text('standard; none', 'en')).toBe(`${NTM_STATUS_LABELS.standard.en}; ${NTM_STATUS_LABELS.none.en}`);
    expect(col(communes2025, 'former.status').text('basic', 'vi')).toBe('Cơ bản đạt chuẩn');
    expect(col(communes2020, 'sources.title').text('Báo Điện Biên Phủ; Cổng TTĐT tỉnh', 'vi')).toBe('Báo Điện Biên Phủ; Cổng TTĐT tỉnh');
    // A unit's type in the interface's language, as the cards and search say it.
    expect(col(communes2020, 'type').text('Phường', 'en')).toBe('Ward');
    expect(col(communes2025, 'type').text('Xã', 'en')).toBe('Commune');
    expect(col(districts2020, 'type').text('Thành phố', 'en')).toBe('City');
    expect(col(communes2020, 'type').text('Thị trấn', 'vi')).toBe('Thị trấn');
  });

  it('shows when a status counts from as exactly as the row’s sources give it', () => {
    const since = tableColumns(communes2020).find((x) => x.key === 'since')!;
    const row = (yearUnknown: boolean, date: string) => ({ since: '2025-01-01', yearUnknown, sources: [{ title: 'Báo cáo', date }] });
    expect(since.text('2025-01-01', 'en', row(true, '2025'))).toBe('2025');
    expect(since.text('2025-01-01', 'vi', row(true, '2025'))).toBe('năm 2025');
    expect(since.text('2025-01-01', 'vi', row(true, '2025-01-01'))).toBe('01/01/2025');
    expect(since.text('2025-01-01', 'vi', row(false, '2025'))).toBe('01/01/2025');
    expect(since.text(null, 'vi', { since: null, yearUnknown: false, sources: [] })).toBe('');
  });

  it('sorts statuses by rank, numbers by value, and empty values last', () => {
    const status = tableColumns(communes2020 as never).find((x) => x.key === 'ntmStatus')!;
    const sorted = ['model', 'none', 'standard', 'basic', 'advanced'].sort((a, b) => status.compare(a, b, 'vi'));
    expect(sorted).toEqual(['none', 'basic', 'standard', 'advanced', 'model']);
    const year = tableColumns(communes2020 as never).find((x) => x.key === 'ntmYear')!;
    expect([2021, null, 2015].sort((a, b) => year.compare(a, b, 'vi'))).toEqual([2015, 2021, null]);
    const name = tableColumns(communes2020 as never).find((x) => x.key === 'name')!;
    expect(['Mường Ảng', 'Ẳng Nưa', 'Búng Lao'].sort((a, b) => name.compare(a, b, 'vi'))).toEqual(['Ẳng Nưa', 'Búng Lao', 'Mường Ảng']);
  });
});

describe('scale bars', () => {
  it('uses Web Mercator ground resolution for 512-pixel tiles', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
  });

  it('picks the longest 1, 2 or 5 × 10ⁿ that fits', () => {
    expect(scaleBar(100, 150)).toEqual({ px: 100, metres: 10_000, label: '10 km' });
    expect(scaleBar(30, 150)).toMatchObject({ metres: 2000, label: '2 km' });
    expect(scaleBar(3, 150)).toMatchObject({ metres: 200, label: '200 m' });
    expect(scaleBar(333, 150).px).toBeLessThanOrEqual(150);
  });

  it('gives the scale on paper at 100 %, to two significant figures', () => {
    // 1 CSS pixel is 0.2646 mm on paper: 100 m per pixel is about 1 : 378 000.
    expect(scaleDenominator(100)).toBe(380_000);
  });
});
