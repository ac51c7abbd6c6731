import type { Province } from '../../server/catalog/province.ts';
import { PROGRAMME_FIRST_YEAR } from '../../server/domain/ntm-status.ts';

/**
 * The province this pipeline curates, as its sources state it: written to geodata/province.json,
 * from which the server and the map take every fact about the province (nothing about it is in
 * the app's code). The counts and codes the pipeline checks the raw boundaries against are here
 * too (DOMAIN.md; GSO's code lists in ../shared/geodata/raw/admin-codes.csv).
 */
export const PROVINCE: Province = {
  name: 'Điện Biên',
  fullName: 'Tỉnh Điện Biên',
  gsoCode: '11',
  iso: 'VN-71',
  synthetic: false,
  bounds: [102.05, 20.85, 103.7, 22.6],
  panBounds: [99.5, 17.5, 106.5, 24],
  // VN-2000 / TM-3 103-00, the grid the province's surveyors use.
  localCrs: 'EPSG:9205',
  programmeStart: `${PROGRAMME_FIRST_YEAR}-01-01`,
  // The year the province's first NTM commune was recognised for.
  timelineStart: '2015-01-01',
  unitSets: {
    '2019': { from: null, to: '2019-12-31' },
    '2020': {
      from: '2020-01-01',
      to: '2025-06-30',
      change: {
        vi: 'xã Tà Lèng nhập vào xã Thanh Minh; Nà Tấu, Nà Nhạn, Mường Phăng, Pá Khoang chuyển từ huyện Điện Biên về TP Điện Biên Phủ',
        en: 'Tà Lèng merged into Thanh Minh, and Nà Tấu, Nà Nhạn, Mường Phăng, Pá Khoang moved from huyện Điện Biên to TP Điện Biên Phủ',
      },
    },
    '2025': {
      from: '2025-07-01',
      to: null,
      change: {
        vi: 'không còn cấp huyện; các xã hợp thành xã, phường mới (Nghị quyết 1661/NQ-UBTVQH15); mã cũ được dùng lại cho nơi khác (xã Mường Pồn mới mang mã của xã Mường Mươn cũ)',
        en: 'districts abolished; the communes merged into new communes and wards (Resolution 1661/NQ-UBTVQH15); old codes are reused for other places (the new Mường Pồn has the code of the old Mường Mươn)',
      },
    },
  },
  licences: {
    boundaries: {
      id: 'gadm',
      title: 'GADM 4.1',
      url: 'https://gadm.org/license.html',
      attribution: 'GADM database of Global Administrative Areas, version 4.1, www.gadm.org',
      terms: {
        vi: 'Ranh giới xã, huyện: GADM 4.1 — chỉ dùng phi thương mại; không được phân phối lại hay dùng thương mại khi chưa có phép của GADM. Dùng nội bộ cho đến khi có ranh giới chính thức.',
        en: 'Commune and district boundaries: GADM 4.1 — non-commercial use only; no redistribution or commercial use without GADM’s permission. Internal use until official boundaries replace them.',
      },
      note: { vi: 'Ranh giới xã từ GADM 4.1 (chỉ dùng phi thương mại)', en: 'Commune boundaries from GADM 4.1 (non-commercial use only)' },
      redistributable: false,
    },
    codes: {
      id: 'gso',
      title: 'Danh mục đơn vị hành chính (Tổng cục Thống kê)',
      url: 'https://www.gso.gov.vn',
      attribution: 'Tổng cục Thống kê, Danh mục đơn vị hành chính Việt Nam; NQ 1661/NQ-UBTVQH15',
      terms: { vi: 'Mã và tên đơn vị hành chính: thông tin chính thức công khai.', en: 'Unit codes and names: official public information.' },
      note: { vi: 'Mã đơn vị hành chính: Tổng cục Thống kê', en: 'Unit codes: General Statistics Office' },
      redistributable: true,
    },
    facts: {
      id: 'research',
      title: 'Tổng hợp từ nguồn công khai',
      url: '',
      attribution: 'NTM, OCOP, vùng nguyên liệu và chỉ tiêu: tổng hợp từ cổng thông tin tỉnh, huyện, báo chí; mỗi bản ghi ghi rõ nguồn',
      terms: {
        vi: 'Dữ kiện được diễn đạt lại, kèm nguồn của từng bản ghi (cột nguồn); hãy trích dẫn nguồn gốc.',
        en: 'Facts re-expressed with each record’s own source (the sources columns); cite the original sources.',
      },
      note: { vi: 'Số liệu tổng hợp từ nguồn công khai, mỗi bản ghi ghi nguồn', en: 'Facts from public sources, each record with its own' },
      redistributable: true,
    },
    base: {
      id: 'base-map',
      title: 'Ranh giới tỉnh: Cổng TTĐT Chính phủ (gis.chinhphu.vn); các nước lân cận: © OpenStreetMap contributors (ODbL)',
      url: 'https://www.openstreetmap.org/copyright',
      attribution: 'Ranh giới tỉnh: Cổng TTĐT Chính phủ (gis.chinhphu.vn) · © OpenStreetMap contributors (ODbL)',
      terms: {
        vi: 'Ranh giới tỉnh: Hệ thống bản đồ hành chính, Cổng TTĐT Chính phủ (gis.chinhphu.vn). Các nước lân cận: © OpenStreetMap contributors (ODbL).',
        en: 'Province outline: the government’s administrative map (gis.chinhphu.vn). Neighbouring countries: © OpenStreetMap contributors (ODbL).',
      },
      note: { vi: 'nền các nước lân cận © OpenStreetMap (ODbL)', en: 'neighbouring countries © OpenStreetMap (ODbL)' },
      redistributable: true,
    },
  },
  // Press spellings of commune names that differ from GSO's list (press → GSO).
  nameSpellings: {
    'Noong Hẹt': 'Noọng Hẹt',
    'Noong U': 'Nong U',
    'Luân Giói': 'Luân Giới',
    'Sín Chải': 'Xín Chải',
    'Huổi Lếch': 'Huổi Lếnh',
    'Sá Tổng': 'Xá Tổng',
    'Pu Nhi': 'Pú Nhi',
    'Xá Nhè': 'Sáng Nhè',
  },
};

/** The district-level units of 2020–2025 (GSO codes) and their communes, as the GSO list gives them. */
export const COMMUNES_PER_DISTRICT_2020: Record<string, number> = {
  '094': 12,
  '095': 3,
  '096': 11,
  '097': 12,
  '098': 12,
  '099': 19,
  '100': 21,
  '101': 14,
  '102': 10,
  '103': 15,
};

/** Commune-level units of each set (DOMAIN.md), and the 2025 set's kinds. */
export const EXPECTED_COUNTS = { communes2019: 130, communes2020: 129, units2025: 45, xa2025: 42, phuong2025: 3 } as const;

/** The 2020 change retired one code: Tà Lèng's, into Thanh Minh. */
export const TA_LENG = '03144';
export const THANH_MINH = '03145';
