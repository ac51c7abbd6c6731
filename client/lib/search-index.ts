import { CROPS } from '../../server/domain/crops.ts';
import { SPELLING_ALIASES } from '../../server/domain/spellings.ts';
import type { Communes, Districts, Products, Zones } from '../api.ts';
import type { SearchEntry } from './search.ts';

const GSO_TO_PRESS = Object.fromEntries(Object.entries(SPELLING_ALIASES).map(([press, gso]) => [gso, press]));

/** Everything search can find, from the loaded layers. */
export function buildSearchIndex(data: { communes: Communes | null; districts: Districts | null; products: Products | null; zones: Zones | null }): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const d of data.districts?.features ?? []) {
    const p = d.properties;
    entries.push({ kind: 'district', target: { kind: 'district', id: p.code }, name: p.name, detail: { vi: p.fullName, en: `${p.type} ${p.name}` } });
  }
  for (const c of data.communes?.features ?? []) {
    const p = c.properties;
    entries.push({
      kind: 'commune',
      target: { kind: 'commune', id: p.code },
      name: p.name,
      aliases: GSO_TO_PRESS[p.name] ? [GSO_TO_PRESS[p.name]] : undefined,
      detail: { vi: `${p.type} · huyện ${p.districtName}`, en: `${p.type} · ${p.districtName} district` },
    });
  }
  const producers = new Map<string, SearchEntry>();
  for (const f of data.products?.features ?? []) {
    const p = f.properties;
    entries.push({
      kind: 'product',
      target: { kind: 'product', id: p.id },
      name: p.name,
      detail: { vi: [p.producer, p.stars ? `${p.stars} sao` : null].filter(Boolean).join(' · '), en: [p.producer, p.stars ? `${p.stars} stars` : null].filter(Boolean).join(' · ') },
    });
    if (p.producer && !producers.has(p.producer)) {
      producers.set(p.producer, { kind: 'producer', target: { kind: 'product', id: p.id }, name: p.producer, detail: { vi: `Chủ thể của ${p.name}`, en: `Producer of ${p.name}` } });
    }
  }
  entries.push(...producers.values());
  for (const z of data.zones?.features ?? []) {
    const p = z.properties;
    entries.push({ kind: 'zone', target: { kind: 'zone', id: p.id }, name: p.name, detail: { vi: `Vùng ${CROPS[p.crop].vi.toLowerCase()}`, en: `${CROPS[p.crop].en} zone` } });
  }
  return entries;
}
