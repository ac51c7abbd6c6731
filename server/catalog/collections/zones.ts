import { CROP_CODES } from '../../domain/crops.ts';
import { zoneCollection } from '../../geo/zones.ts';
import { defineCollection, propertyFilter } from '../define.ts';
import { districtParam, listParam } from '../params.ts';
import { type ZoneProperties, zoneProperties } from '../properties.ts';

/** Raw-material zones (vùng nguyên liệu): approximate shapes unless surveyed. */
export const zones = defineCollection({
  id: 'zones',
  family: 'zones',
  title: { vi: 'Vùng nguyên liệu', en: 'Raw-material zones' },
  description: {
    vi: 'Vùng nguyên liệu theo cây trồng, diện tích, năm, sản phẩm và chủ thể liên quan. Chưa có ranh giới khảo sát: hình vùng là phạm vi các xã (extent = communes) hoặc huyện (district) mà nguồn nêu, chỉ gần đúng.',
    en: 'Raw-material zones by crop, with area, year, and the products and producers that depend on them. No surveyed outlines yet: a shape is the extent of the communes (extent = communes) or districts (district) its sources name, and only approximate.',
  },
  programme: 'zones',
  unitSet: '2020',
  geometry: 'polygon',
  properties: zoneProperties,
  idProperty: 'id',
  time: null,
  buildParams: {},
  filters: {
    crop: propertyFilter(listParam(CROP_CODES, 'Only zones of one of these crops.'), (p: ZoneProperties, crops) => crops.includes(p.crop)),
    district: propertyFilter(districtParam('2020'), (p: ZoneProperties, code) => p.districtCodes.includes(code)),
  },
  build: (data) => zoneCollection(data.zones, data.units['2020'].communes),
  licences: ['boundaries', 'facts'],
  fileStem: 'vung-nguyen-lieu',
  api: { path: '/zones', params: ['crop'] },
  writes: {
    entity: 'zone',
    input({ properties: p, geometry }, current) {
      const value = (key: string, fallback: unknown): unknown => (Object.hasOwn(p, key) ? p[key] : fallback);
      const products = value('products', current?.products ?? []);
      return {
        name: value('name', current?.name),
        crop: value('crop', current?.crop),
        areaHa: value('areaHa', current?.areaHa ?? null),
        year: value('year', current?.year ?? null),
        // GIS clients send a list as a JSON or comma-separated string.
        productIds: typeof products === 'string' ? listOf(products) : products,
        geometry,
        communeCodes: [],
        source: sourceOf(p, current),
        reason: current ? value('editReason', 'Sửa bằng phần mềm GIS (OGC API – Features)') : null,
      };
    },
  },
});

/** A redrawn shape keeps the zone's source, and its citation says the edit did not restate it. */
export const CARRIED_SOURCE_NOTE = 'Hình vùng sửa bằng phần mềm GIS; nguồn là nguồn hiện có của vùng, không được nêu lại khi sửa.';

/**
 * The source an edit from a GIS client cites: the one its properties state (sourceTitle,
 * sourceDate, sourceUrl). QGIS sends a redrawn shape alone, as a PATCH with no properties: that
 * keeps the zone's current source, marked as not restated. Changed attributes without a source
 * give undefined, which the writer refuses: every edit names the document it comes from.
 */
function sourceOf(p: Record<string, unknown>, current: ZoneProperties | null) {
  if (!current || ['sourceTitle', 'sourceDate', 'sourceUrl'].some((k) => Object.hasOwn(p, k))) {
    return { title: p.sourceTitle, date: p.sourceDate, url: p.sourceUrl ?? null, fileId: null };
  }
  if (Object.keys(p).every((k) => k === 'editReason')) {
    return { title: current.sourceTitle, date: current.sourceDate, url: current.sourceUrl ?? null, fileId: null, note: CARRIED_SOURCE_NOTE };
  }
  return undefined;
}

function listOf(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as string[];
    } catch {
      return [trimmed];
    }
  }
  return trimmed ? trimmed.split(',').map((s) => s.trim()) : [];
}
