import type { Crop } from '../../server/domain/crops.ts';
import type { SourcedRow } from './inputs.ts';

/**
 * The raw-material zones, as curated from `material_zones.csv`. Each CSV row is one sourced
 * fact (an area, a tree count, a list of communes) about one zone; this catalog says which
 * rows describe which zone and which OCOP products depend on it. Every row must match
 * exactly one zone, or the build fails, so a new research row cannot be dropped silently.
 * Product links come from each row's `linked_ocop_product`; "link not confirmed" there
 * makes the link unconfirmed.
 */

export interface ZoneDefinition {
  id: string;
  name: string;
  crop: Crop;
  rows: (row: SourcedRow) => boolean;
  products: { name: string; confirmed: boolean }[];
}

const crop = (pattern: RegExp) => (row: SourcedRow) => pattern.test(row.product_or_crop);
const and =
  (...tests: ((row: SourcedRow) => boolean)[]) =>
  (row: SourcedRow) =>
    tests.every((t) => t(row));
const communes = (pattern: RegExp) => (row: SourcedRow) => pattern.test(row.communes);
const district = (pattern: RegExp) => (row: SourcedRow) => pattern.test(row.district);
const confirmed = (...names: string[]) => names.map((name) => ({ name, confirmed: true }));
const unconfirmed = (...names: string[]) => names.map((name) => ({ name, confirmed: false }));

const HUONG_LINH_TEAS = [
  'Diệp thanh trà – Trà xanh Shan tuyết Sính Phình',
  'Diệp thanh trà – Trà xanh Shan tuyết cổ thụ Tủa Chùa',
  'Diệp thanh trà – Bạch trà Shan tuyết cổ thụ Tủa Chùa',
];
const TAM_SANG_RICE = ['Gạo Tâm Sáng – Séng cù', 'Gạo Tâm Sáng – Tám thơm'];
const TAO_MEO = ['Táo mèo khô sấy lạnh', 'Giấm táo mèo', 'Dưa mèo Hoa Sơn Tra'];

export const ZONE_CATALOG: ZoneDefinition[] = [
  {
    id: 'che-shan-tuyet-tua-chua',
    name: 'Chè Shan tuyết Tủa Chùa',
    crop: 'tea',
    rows: and(crop(/^Chè/), district(/^Tủa Chùa$/)),
    products: confirmed(...HUONG_LINH_TEAS, 'Trà cây cao cổ thụ Tủa Chùa', 'Chè Shan tuyết cổ thụ Tủa Chùa'),
  },
  {
    id: 'lua-gao-canh-dong-muong-thanh',
    name: 'Lúa gạo cánh đồng Mường Thanh',
    crop: 'rice',
    rows: crop(/^(Lúa gạo \(Mường Thanh|Gạo Điện Biên)/),
    products: confirmed(...TAM_SANG_RICE, 'Gạo tám thơm Thiên Bản', 'Gạo Séng cù Trường Hương', 'Gạo nếp nương Tâm Thiện'),
  },
  {
    id: 'lua-gao-lien-ket-tam-sang-thanh-yen',
    name: 'Liên kết lúa gạo Tâm Sáng (Thanh Yên)',
    crop: 'rice',
    rows: crop(/^Lúa gạo – liên kết Tâm Sáng/),
    products: confirmed(...TAM_SANG_RICE),
  },
  {
    id: 'lua-chat-luong-cao-thanh-yen-2025',
    name: 'Lúa chất lượng cao xã Thanh Yên (từ 2025)',
    crop: 'rice',
    rows: crop(/^Lúa chất lượng cao \(new xã Thanh Yên\)/),
    products: [],
  },
  {
    id: 'ca-phe-arabica-dien-bien',
    name: 'Cà phê Arabica Điện Biên',
    crop: 'coffee',
    rows: and(crop(/^Cà phê Arabica$/), communes(/^(\(province|Búng Lao)/)),
    products: confirmed('Cà phê bột Hà Chung'),
  },
  {
    id: 'ca-phe-arabica-muong-ang',
    name: 'Cà phê Arabica Mường Ảng',
    crop: 'coffee',
    rows: and(crop(/^Cà phê Arabica$/), communes(/^\(district total\)$/), district(/^Mường Ảng$/)),
    products: confirmed('Cà phê bột Hà Chung'),
  },
  {
    id: 'mac-ca-dien-bien',
    name: 'Mắc ca Điện Biên',
    crop: 'macadamia',
    rows: and(crop(/^Mắc ca$/), communes(/^(\(province|Tuần Giáo; Mường Ảng)/)),
    products: [],
  },
  {
    id: 'mac-ca-tuan-giao',
    name: 'Mắc ca Tuần Giáo',
    crop: 'macadamia',
    rows: and(crop(/^Mắc ca$/), district(/^Tuần Giáo$/)),
    products: [],
  },
  {
    id: 'mac-ca-muong-ang',
    name: 'Vùng quy hoạch mắc ca Mường Ảng',
    crop: 'macadamia',
    rows: crop(/^Mắc ca \(planned zone\)/),
    products: [],
  },
  {
    id: 'mat-ong-sam-mun-nua-ngam',
    name: 'Nuôi ong lấy mật Sam Mứn – Núa Ngam',
    crop: 'honey',
    rows: crop(/^Mật ong/),
    products: confirmed('Mật ong hoa ban', 'Mật ong bánh tổ'),
  },
  {
    id: 'khoai-so-tim-tua-chua',
    name: 'Khoai sọ tím Tủa Chùa',
    crop: 'taro',
    rows: and(crop(/^Khoai sọ/), district(/^Tủa Chùa$/)),
    products: confirmed('Khoai sọ tím Tủa Chùa'),
  },
  {
    id: 'khoai-so-phi-nhu',
    name: 'Khoai sọ Phì Nhừ',
    crop: 'taro',
    rows: and(crop(/^Khoai sọ$/), communes(/^Phì Nhừ/)),
    products: confirmed('Khoai sọ Phì Nhừ'),
  },
  {
    id: 'bi-xanh-tia-dinh',
    name: 'Bí xanh Tìa Dình',
    crop: 'wax-gourd',
    rows: crop(/^Bí xanh/),
    products: confirmed('Bí xanh Tìa Dình'),
  },
  {
    id: 'lac-do-cha-nua',
    name: 'Lạc đỏ Chà Nưa',
    crop: 'peanut',
    rows: and(crop(/^Lạc đỏ/), communes(/^Chà Nưa/)),
    products: confirmed('Lạc đỏ Chà Nưa'),
  },
  {
    id: 'lac-do-na-son',
    name: 'Lạc đỏ Na Son',
    crop: 'peanut',
    rows: and(crop(/^Lạc đỏ/), communes(/^Na Son/)),
    products: confirmed('Lạc đỏ Na Son'),
  },
  {
    id: 'dua-mat-pu-lau',
    name: 'Dứa mật Pu Lau (Mường Nhà)',
    crop: 'pineapple',
    rows: crop(/^Dứa mật/),
    products: [],
  },
  {
    id: 'dong-rieng-na-tau',
    name: 'Dong riềng Nà Tấu',
    crop: 'arrowroot',
    rows: crop(/^Dong riềng/),
    products: unconfirmed('Miến Hồng Phước', 'Miến dong Lộc Biên'),
  },
  {
    id: 'duoc-lieu-dien-bien',
    name: 'Cây dược liệu Điện Biên',
    crop: 'medicinal',
    rows: crop(/^Cây dược liệu/),
    products: confirmed('Thảo quả sấy khô', ...TAO_MEO),
  },
  {
    id: 'duoc-lieu-quy-tuan-giao',
    name: 'Vùng dược liệu quý Tuần Giáo (quy hoạch)',
    crop: 'medicinal',
    rows: crop(/^Dược liệu quý/),
    products: [],
  },
  { id: 'sa-nhan-muong-nhe', name: 'Sa nhân Mường Nhé', crop: 'medicinal', rows: crop(/^Sa nhân$/), products: [] },
  {
    id: 'thao-qua-tenh-phong',
    name: 'Thảo quả Tênh Phông',
    crop: 'medicinal',
    rows: crop(/^Thảo quả$/),
    products: unconfirmed('Thảo quả sấy khô'),
  },
  {
    id: 'son-tra-toa-tinh',
    name: 'Sơn tra (táo mèo) Tỏa Tình',
    crop: 'medicinal',
    rows: crop(/^Sơn tra/),
    products: unconfirmed(...TAO_MEO),
  },
  { id: 'que-muong-cha', name: 'Quế Mường Chà', crop: 'medicinal', rows: crop(/^Quế$/), products: [] },
  { id: 'sa-java-ma-thi-ho', name: 'Sả java Ma Thì Hồ', crop: 'medicinal', rows: crop(/^Sả java$/), products: [] },
  {
    id: 'sam-thi-diem',
    name: 'Thí điểm sâm Ngọc Linh, sâm Lai Châu',
    crop: 'medicinal',
    rows: crop(/^Sâm Ngọc Linh/),
    products: [],
  },
];
