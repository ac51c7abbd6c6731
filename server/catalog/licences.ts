import type { Label } from './define.ts';

/**
 * The licences the data falls under (geodata/SOURCES.md), declared once: the map's attribution,
 * every download and the OGC collections carry them. Boundaries are under GADM's terms until the
 * province's official boundaries replace them.
 */
export interface Licence {
  title: string;
  url: string;
  attribution: string;
  /** What a user may do with it, in both languages. */
  terms: Label;
  redistributable: boolean;
}

export const LICENCES = {
  gadm: {
    title: 'GADM 4.1',
    url: 'https://gadm.org/license.html',
    attribution: 'GADM database of Global Administrative Areas, version 4.1, www.gadm.org',
    terms: {
      vi: 'Ranh giới xã, huyện: GADM 4.1 — chỉ dùng phi thương mại; không được phân phối lại hay dùng thương mại khi chưa có phép của GADM. Dùng nội bộ cho đến khi có ranh giới chính thức.',
      en: 'Commune and district boundaries: GADM 4.1 — non-commercial use only; no redistribution or commercial use without GADM’s permission. Internal use until official boundaries replace them.',
    },
    redistributable: false,
  },
  gso: {
    title: 'Danh mục đơn vị hành chính (Tổng cục Thống kê)',
    url: 'https://www.gso.gov.vn',
    attribution: 'Tổng cục Thống kê, Danh mục đơn vị hành chính Việt Nam; NQ 1661/NQ-UBTVQH15',
    terms: { vi: 'Mã và tên đơn vị hành chính: thông tin chính thức công khai.', en: 'Unit codes and names: official public information.' },
    redistributable: true,
  },
  research: {
    title: 'Tổng hợp từ nguồn công khai',
    url: '',
    attribution: 'NTM, OCOP, vùng nguyên liệu và chỉ tiêu: tổng hợp từ cổng thông tin tỉnh, huyện, báo chí; mỗi bản ghi ghi rõ nguồn',
    terms: {
      vi: 'Dữ kiện được diễn đạt lại, kèm nguồn của từng bản ghi (cột nguồn); hãy trích dẫn nguồn gốc.',
      en: 'Facts re-expressed with each record’s own source (the sources columns); cite the original sources.',
    },
    redistributable: true,
  },
} as const satisfies Record<string, Licence>;

export type LicenceId = keyof typeof LICENCES;
