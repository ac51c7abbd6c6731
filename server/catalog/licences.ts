import type { UnitSet } from '../domain/unit-sets.ts';
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

/**
 * What a collection declares: fixed licences, or `boundaries` — the licence of its unit set's
 * boundaries, which is data: GADM's until the province imports official boundaries with their
 * own source and licence (server/imports, the boundary_licences table).
 */
export type LicenceRef = Exclude<LicenceId, 'gadm'> | 'boundaries';

/** A licence with its id: a LicenceId, or `official-<set>` for boundaries a user imported. */
export type ResolvedLicence = Licence & { id: string };

/** The licence of each unit set's boundaries. */
export type BoundaryLicences = Record<UnitSet, ResolvedLicence>;

const GADM: ResolvedLicence = { id: 'gadm', ...LICENCES.gadm };

/** Before any import: GADM 4.1 for every set (the 2025 units are dissolved from GADM's communes). */
export const DEFAULT_BOUNDARY_LICENCES: BoundaryLicences = { '2019': GADM, '2020': GADM, '2025': GADM };

/**
 * The licences of a collection's content, resolved: `boundaries` becomes its unit set's boundary
 * licence (the 2020–2025 set's for collections that span sets), in declaration order.
 */
export function resolveLicences(refs: readonly LicenceRef[], unitSet: UnitSet | null, boundaries: BoundaryLicences): ResolvedLicence[] {
  return refs.map((ref) => (ref === 'boundaries' ? boundaries[unitSet ?? '2020'] : { id: ref, ...LICENCES[ref] }));
}
