import { CROPS, type Crop } from '../../server/domain/crops.ts';
import type { Label } from './label.ts';

/** The province's indicators (targets.csv), named in both languages by their curated key. */
const INDICATOR_LABELS: Record<string, Label> = {
  'ntm-standard-communes': { vi: 'Xã đạt chuẩn NTM trở lên', en: 'Communes at đạt chuẩn or above' },
  'ntm-standard-or-basic-communes': { vi: 'Xã đạt chuẩn và cơ bản đạt chuẩn', en: 'Communes at đạt chuẩn or cơ bản đạt chuẩn' },
  'ntm-standard-share': { vi: 'Tỷ lệ xã đạt chuẩn NTM', en: 'Share of communes at đạt chuẩn' },
  'ntm-advanced-share': { vi: 'Tỷ lệ xã nâng cao trong số xã đạt chuẩn', en: 'Share of advanced among NTM communes' },
  'ntm-model-share': { vi: 'Tỷ lệ xã kiểu mẫu trong số xã nâng cao', en: 'Share of model among advanced communes' },
  'ntm-after-merger': { vi: 'Xã mới giữ danh hiệu NTM sau sáp nhập', en: 'New communes holding NTM status after the merger' },
  'ntm-villages': { vi: 'Thôn, bản đạt chuẩn NTM', en: 'Villages at the NTM standard' },
  'ntm-districts': { vi: 'Huyện hoàn thành nhiệm vụ NTM', en: 'Districts completing the NTM programme' },
  'ntm-average-criteria': { vi: 'Số tiêu chí bình quân mỗi xã', en: 'Average criteria met per commune' },
  'ocop-products': { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
  'ocop-products-by-year': { vi: 'Sản phẩm OCOP theo năm công nhận', en: 'OCOP products by year certified' },
};

/** An indicator's name; crop areas are "Diện tích cà phê (ha)". */
export function indicatorLabel(key: string): Label {
  const crop = /^crop-area:(.+)$/.exec(key)?.[1] as Crop | undefined;
  if (crop && CROPS[crop]) return { vi: `Diện tích ${CROPS[crop].vi.toLowerCase()} (ha)`, en: `${CROPS[crop].en} area (ha)` };
  return INDICATOR_LABELS[key] ?? { vi: 'Chỉ tiêu khác', en: 'Other indicator' };
}
