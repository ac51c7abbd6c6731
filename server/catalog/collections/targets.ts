import { collection, feature } from '../../geo/collection.ts';
import { defineCollection } from '../define.ts';
import { targetProperties } from '../properties.ts';

/** The province's targets and the totals it reported, each with its source (no geometry). */
export const targets = defineCollection({
  id: 'targets',
  family: 'targets',
  title: { vi: 'Chỉ tiêu và số liệu báo cáo của tỉnh', en: 'Province targets and reported totals' },
  description: {
    vi: 'Chỉ tiêu NTM, OCOP và diện tích vùng nguyên liệu của tỉnh, và các số liệu tỉnh đã báo cáo, giữ nguyên cách nguồn diễn đạt, kèm nguồn. Không có hình học.',
    en: 'The province’s NTM, OCOP and crop-area targets, and the totals it reported, as the sources state them, with sources. No geometry.',
  },
  programme: 'targets',
  unitSet: null,
  geometry: null,
  properties: targetProperties,
  idProperty: 'id',
  time: null,
  buildParams: {},
  filters: {},
  build: (data) =>
    collection(
      data.targets.map((t) => feature(t.id, t, null)),
      {},
    ),
  licences: ['facts'],
  fileStem: 'chi-tieu',
  api: null,
  writes: null,
});
