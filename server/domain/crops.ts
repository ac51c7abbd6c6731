/** Crops of the raw-material zones (vùng nguyên liệu), by API code. */
export const CROPS = {
  tea: { vi: 'Chè', en: 'Tea' },
  rice: { vi: 'Lúa gạo', en: 'Rice' },
  coffee: { vi: 'Cà phê', en: 'Coffee' },
  macadamia: { vi: 'Mắc ca', en: 'Macadamia' },
  honey: { vi: 'Mật ong', en: 'Honey' },
  taro: { vi: 'Khoai sọ', en: 'Taro' },
  'wax-gourd': { vi: 'Bí xanh', en: 'Wax gourd' },
  peanut: { vi: 'Lạc đỏ', en: 'Red peanut' },
  pineapple: { vi: 'Dứa', en: 'Pineapple' },
  arrowroot: { vi: 'Dong riềng', en: 'Edible canna' },
  medicinal: { vi: 'Dược liệu', en: 'Medicinal plants' },
} as const;
export type Crop = keyof typeof CROPS;
export const CROP_CODES = Object.keys(CROPS) as Crop[];

/** How a zone's shape was obtained; only "surveyed" is a real parcel outline. */
export const ZONE_EXTENTS = ['communes', 'district', 'surveyed'] as const;
export type ZoneExtent = (typeof ZONE_EXTENTS)[number];
