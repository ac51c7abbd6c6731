import { describe, expect, it } from 'vitest';
import { localizeStated } from '../../client/lib/stated-text.ts';
import { productCaveats } from '../../client/ui/cards/product-caveats.ts';
import { committedGeodata } from '../helpers/test-app.ts';

/** Every text the map shows "as the source states it", from the committed data. */
function statedTexts(): string[] {
  const data = committedGeodata();
  const texts: (string | null | undefined)[] = [];
  for (const t of data.targets.filter((x) => x.indicatorKey !== 'other' && !x.indicatorKey.endsWith('-by-year'))) texts.push(t.targetText, t.actualText);
  for (const z of data.zones) {
    const p = z.properties;
    texts.push(p.areaText, p.year);
    for (const f of p.facts) texts.push(f.areaText, f.year, f.placeText);
  }
  for (const r of data.recognitions) texts.push(r.criteriaText);
  for (const f of data.facts) texts.push(f.criteriaText, f.village);
  for (const s of data.sources) texts.push(s.date);
  for (const p of data.products) texts.push(p.properties.yearText, ...p.properties.caveats);
  return [...new Set(texts.filter((t): t is string => !!t))];
}

/** Vietnamese syllables that carry no diacritic, in names and words, and abbreviations and units. */
const NOT_ENGLISH = new Set(
  [
    'Thanh Noong Pa Na Sang Pu Lau Lao Cang Sinh Sam Ngam Trung Thu Xa Chua Ta Son Lanh Co Ma Anh Ban Khoang',
    'cao canh cho danh do ghi giai giao gieo nay quy ra rau sao sau so suy theo thu trang trong truy',
    'TP HTX CCB NTM OCOP UBND ha km',
  ]
    .join(' ')
    .split(' '),
);

describe('source-stated texts in the active language', () => {
  it('leaves no English word in Vietnamese, in any text the data holds', () => {
    const leftovers = new Map<string, string>();
    for (const text of statedTexts()) {
      const vi = localizeStated(text, 'vi')!;
      for (const w of vi.match(/\p{L}+/gu) ?? []) if (/^[A-Za-z]{2,}$/.test(w) && !NOT_ENGLISH.has(w)) leftovers.set(w, vi);
    }
    expect(Object.fromEntries(leftovers)).toEqual({});
  });

  it('writes numbers the Vietnamese way and reads symbols out, but leaves years and dates alone', () => {
    expect(localizeStated('>10,300 (1,553 harvesting)', 'vi')).toBe('trên 10.300 (1.553 đang cho thu hoạch)');
    expect(localizeStated('>10,300 (1,553 harvesting)', 'en')).toBe('over 10,300 (1,553 harvesting)');
    expect(localizeStated('~6,000 (2025); 4,500 (end-2024)', 'vi')).toBe('khoảng 6.000 (2025); 4.500 (cuối 2024)');
    expect(localizeStated('60.89', 'vi')).toBe('60,89');
    expect(localizeStated('2017 -> 2020s', 'vi')).toBe('2017 → những năm 2020');
    expect(localizeStated('2025 (expected)', 'vi')).toBe('2025 (dự kiến)');
    expect(localizeStated('2023-08-07 (council meeting 7/8)', 'vi')).toBe('2023-08-07 (họp hội đồng 7/8)');
    expect(localizeStated('72 (2 4*, 64 3*, 6 pending)', 'vi')).toBe('72 (2 4★, 64 3★, 6 đang chờ)');
    expect(localizeStated(null, 'vi')).toBeNull();
  });
});

describe('a product card’s caveats', () => {
  it('says the sources disagree once: the research’s caveat with the years, not a bare "Sources disagree" above it', () => {
    const honey = committedGeodata().products.find((p) => p.properties.id === 'mat-ong-hoa-ban')!.properties;
    expect(honey.disputed).toBe(true);
    for (const l of ['vi', 'en'] as const) {
      const lines = productCaveats(honey, l);
      expect(lines.filter((c) => c.disputed)).toHaveLength(1);
      expect(lines[0].text).toMatch(/2019.*2020/);
    }
  });

  it('still says so when no caveat does, and marks nothing disputed when the sources agree', () => {
    expect(productCaveats({ disputed: true, caveats: [] }, 'vi')).toEqual([{ text: 'Các nguồn không thống nhất', disputed: true }]);
    expect(productCaveats({ disputed: true, caveats: ['Certificate expired in 2024 and was not renewed.'] }, 'en').map((c) => c.text)).toEqual([
      'Sources disagree',
      'Certificate expired in 2024 and was not renewed.',
    ]);
    expect(productCaveats({ disputed: false, caveats: [] }, 'en')).toEqual([]);
  });
});
