import { CROPS } from '../../server/domain/crops.ts';
import { capitalised, unitTitle, unitTypeLabel, unitTypeText } from '../../server/domain/unit-types.ts';
import type { CatalogRecord } from '../../server/catalog/data.ts';
import type { Products, Zones } from '../api.ts';
import { formatDate } from '../../server/messages/format.ts';
import type { Lang } from './label.ts';
import type { SearchEntry } from './search.ts';

/**
 * Everything search can find, on both unit sets: the old communes say which new unit they are
 * now part of, and a new unit whose name an old unit elsewhere also bore says so.
 */
export function buildSearchIndex(data: { record: CatalogRecord; products: Products | null; zones: Zones | null }): SearchEntry[] {
  const { units, crosswalk, province } = data.record;
  const pressSpelling = new Map(Object.entries(province.nameSpellings).map(([press, official]) => [official, press]));
  const date = (d: string | null) => ({ vi: formatDate(d!, 'vi'), en: formatDate(d!, 'en') });
  const oldTo = date(province.unitSets['2020'].to);
  const newFrom = date(province.unitSets['2025'].from);
  const changeYear = province.unitSets['2020'].from!.slice(0, 4);
  const entries: SearchEntry[] = [];
  const newOf = new Map(crosswalk.filter((x) => x.fromSet === '2020' && x.toSet === '2025').map((x) => [x.fromCode, x.toCode]));
  const newUnit = new Map(units['2025'].communes.map((u) => [u.code, u]));
  const districtOf = new Map(units['2020'].districts.map((d) => [d.code, d]));
  for (const d of units['2020'].districts) {
    entries.push({
      kind: 'district',
      kindLabel: unitTypeText(d.type),
      target: { kind: 'district', id: d.code, set: '2020' },
      name: d.name,
      detail: { vi: `${d.fullName} (đến ${oldTo.vi})`, en: `${unitTitle(d, 'en')} (until ${oldTo.en})` },
    });
  }
  const oldNames = new Map(units['2020'].communes.map((c) => [c.name, c]));
  for (const c of units['2020'].communes) {
    const now = newUnit.get(newOf.get(c.code) ?? '');
    const nowText = now ? { vi: `nay thuộc ${unitTitle(now, 'vi')}`, en: `now part of ${unitTitle(now, 'en')}` } : { vi: '', en: '' };
    const district = districtOf.get(c.districtCode ?? '');
    const inDistrict = (l: Lang) => (district ? `${unitTitle(district, l)} · ` : '');
    entries.push({
      kind: 'commune',
      kindLabel: unitTypeText(c.type),
      target: { kind: 'commune', id: c.code, set: '2020' },
      name: c.name,
      aliases: pressSpelling.has(c.name) ? [pressSpelling.get(c.name)!] : undefined,
      detail: {
        vi: `${c.type} cũ · ${inDistrict('vi')}${nowText.vi}`,
        en: `former ${unitTypeLabel(c.type, 'en')} · ${inDistrict('en')}${nowText.en}`,
      },
    });
  }
  const currentCodes = new Set(units['2020'].communes.map((c) => c.code));
  for (const c of units['2019'].communes.filter((u) => !currentCodes.has(u.code))) {
    const into = crosswalk.find((x) => x.fromSet === '2019' && x.fromCode === c.code)?.toCode;
    const successor = units['2020'].communes.find((u) => u.code === into);
    entries.push({
      kind: 'commune',
      kindLabel: unitTypeText(c.type),
      target: { kind: 'commune', id: c.code, set: '2019' },
      name: c.name,
      detail: {
        vi: `${c.type} đến ${date(province.unitSets['2019'].to).vi} · nhập vào ${successor?.fullName ?? ''} năm ${changeYear}`,
        en: `${capitalised(unitTypeLabel(c.type, 'en'))} until ${date(province.unitSets['2019'].to).en} · merged into ${successor ? unitTitle(successor, 'en') : ''} in ${changeYear}`,
      },
    });
  }
  for (const u of units['2025'].communes) {
    const sameName = oldNames.get(u.name);
    const elsewhere = sameName && newOf.get(sameName.code) !== u.code;
    const into = elsewhere ? newUnit.get(newOf.get(sameName.code)!) : null;
    entries.push({
      kind: 'commune',
      kindLabel: unitTypeText(u.type),
      target: { kind: 'commune', id: u.code, set: '2025' },
      name: u.name,
      detail: elsewhere
        ? {
            vi: `${u.type} mới từ ${newFrom.vi} — khác với ${unitTitle(sameName, 'vi')} cũ (nay thuộc ${into ? unitTitle(into, 'vi') : ''})`,
            en: `new ${unitTypeLabel(u.type, 'en')} from ${newFrom.en} — not the former ${unitTitle(sameName, 'en')} (now part of ${into ? unitTitle(into, 'en') : ''})`,
          }
        : { vi: `${u.type} mới từ ${newFrom.vi}`, en: `new ${unitTypeLabel(u.type, 'en')} from ${newFrom.en}` },
    });
  }
  const producers = new Map<string, SearchEntry>();
  for (const f of data.products?.features ?? []) {
    const p = f.properties;
    entries.push({
      kind: 'product',
      target: { kind: 'product', id: p.id },
      name: p.name,
      detail: {
        vi: [p.producer, p.stars ? `${p.stars} sao` : null].filter(Boolean).join(' · '),
        en: [p.producer, p.stars ? `${p.stars} stars` : null].filter(Boolean).join(' · '),
      },
    });
    if (p.producer && !producers.has(p.producer)) {
      producers.set(p.producer, {
        kind: 'producer',
        target: { kind: 'product', id: p.id },
        name: p.producer,
        detail: { vi: `Chủ thể của ${p.name}`, en: `Producer of ${p.name}` },
      });
    }
  }
  entries.push(...producers.values());
  for (const z of data.zones?.features ?? []) {
    const p = z.properties;
    entries.push({
      kind: 'zone',
      target: { kind: 'zone', id: p.id },
      name: p.name,
      detail: { vi: `Vùng ${CROPS[p.crop].vi.toLowerCase()}`, en: `${CROPS[p.crop].en} zone` },
    });
  }
  return entries;
}
