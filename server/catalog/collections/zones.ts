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
  licences: ['boundaries', 'research'],
  fileStem: 'vung-nguyen-lieu',
  api: { path: '/zones', params: ['crop'] },
});
