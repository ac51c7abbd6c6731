/** OCOP (Mỗi xã một sản phẩm) vocabulary shared by the pipeline, the API and the map. */
export const OCOP_STARS = [3, 4, 5] as const;
export type OcopStars = (typeof OCOP_STARS)[number];

export const OCOP_GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export const OCOP_GROUP_LABELS: Record<OcopGroup, { vi: string; en: string }> = {
  I: { vi: 'Thực phẩm', en: 'Food' },
  II: { vi: 'Đồ uống', en: 'Beverages' },
  III: { vi: 'Thảo dược', en: 'Herbal products' },
  IV: { vi: 'Vải và may mặc, thủ công mỹ nghệ', en: 'Textiles and handicrafts' },
  V: { vi: 'Đồ gia dụng, trang trí', en: 'Household and decorative goods' },
  VI: { vi: 'Dịch vụ du lịch nông thôn', en: 'Rural tourism services' },
};

export const PRODUCER_TYPES = ['cooperative', 'company', 'household'] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];
