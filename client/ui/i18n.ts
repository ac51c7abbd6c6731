import { NTM_STATUS_LABELS, type NtmStatus } from '../../server/domain/ntm-status.ts';
import type { Label, Lang } from '../lib/label.ts';
import { OUTPUT_STRINGS } from './i18n-outputs.ts';

/** Every string of the interface, Vietnamese first, English complete (a test checks both). */
export const STRINGS = {
  appTitle: { vi: 'Bản đồ Nông thôn mới & OCOP tỉnh Điện Biên', en: 'Điện Biên new-rural (NTM) & OCOP map' },
  appShort: { vi: 'NTM & OCOP Điện Biên', en: 'Điện Biên NTM & OCOP' },
  viewProgress: { vi: 'Tiến độ NTM', en: 'NTM progress' },
  viewProgressHint: {
    vi: 'Cho cán bộ kế hoạch: mức đạt chuẩn của từng xã, so với chỉ tiêu của tỉnh',
    en: 'For planners: each commune’s status, against the province’s targets',
  },
  viewLeadership: { vi: 'Huyện chưa có xã NTM', en: 'Districts without an NTM commune' },
  viewLeadershipHint: {
    vi: 'Cho lãnh đạo: huyện nào chưa có xã đạt chuẩn, xã nào gần đạt nhất',
    en: 'For leadership: which districts have no NTM commune, and which communes are closest',
  },
  viewInvestors: { vi: 'Vùng nguyên liệu', en: 'Raw-material zones' },
  viewInvestorsHint: {
    vi: 'Cho nhà đầu tư: vùng nguyên liệu, diện tích, chủ thể và sản phẩm OCOP',
    en: 'For investors: zones, areas, producers and OCOP products',
  },
  startIntro: {
    vi: 'Bản đồ theo dõi Chương trình xây dựng nông thôn mới và Chương trình OCOP của tỉnh Điện Biên. Mọi số liệu đều ghi nguồn; số liệu ước tính hoặc gần đúng được ghi rõ.',
    en: 'A map for following Điện Biên’s new-rural-development (NTM) and OCOP programmes. Every figure shows its source; estimates and approximations say so.',
  },
  chooseView: { vi: 'Chọn cách xem', en: 'Choose a view' },
  views: { vi: 'Cách xem', en: 'Views' },
  asOf: { vi: 'Tính đến', en: 'As of' },
  asOfHint: { vi: 'Công nhận cho năm Y được tính từ 31/12/Y', en: 'A recognition for year Y counts from 31 Dec Y' },
  search: { vi: 'Tìm xã, huyện, sản phẩm, chủ thể, vùng', en: 'Search communes, districts, products, producers, zones' },
  searchPlaceholder: { vi: 'Tìm: tua chua, mat ong…', en: 'Search: tua chua, mat ong…' },
  noResults: { vi: 'Không tìm thấy', en: 'Nothing found' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  legend: { vi: 'Chú giải và lớp bản đồ', en: 'Legend and layers' },
  showLayer: { vi: 'Hiện lớp', en: 'Show layer' },
  inView: { vi: 'trong khung nhìn', en: 'in view' },
  unplaced: { vi: 'không rõ vị trí, không vẽ trên bản đồ', en: 'with no known place, not drawn' },
  filters: { vi: 'Lọc', en: 'Filters' },
  stars: { vi: 'Số sao', en: 'Stars' },
  group: { vi: 'Nhóm OCOP', en: 'OCOP group' },
  crop: { vi: 'Cây trồng, vật nuôi', en: 'Crop' },
  close: { vi: 'Đóng', en: 'Close' },
  sources: { vi: 'Nguồn', en: 'Sources' },
  source: { vi: 'Nguồn', en: 'Source' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  confidence_high: { vi: 'cao', en: 'high' },
  confidence_medium: { vi: 'trung bình', en: 'medium' },
  confidence_low: { vi: 'thấp', en: 'low' },
  undated: { vi: 'không ghi ngày', en: 'undated' },
  openSource: { vi: 'mở nguồn', en: 'open source' },
  commune: { vi: 'Xã', en: 'Commune' },
  district: { vi: 'Huyện', en: 'District' },
  product: { vi: 'Sản phẩm OCOP', en: 'OCOP product' },
  producer: { vi: 'Chủ thể', en: 'Producer' },
  zone: { vi: 'Vùng nguyên liệu', en: 'Raw-material zone' },
  ntmStatus: { vi: 'Mức đạt chuẩn NTM', en: 'NTM status' },
  since: { vi: 'Từ', en: 'Since' },
  forYear: { vi: 'công nhận cho năm', en: 'recognised for' },
  yearUnknown: { vi: 'Chưa rõ năm công nhận; tính từ ngày của nguồn sớm nhất', en: 'Year of recognition unknown; counted from its earliest source' },
  criteriaMet: { vi: 'Số tiêu chí đạt', en: 'Criteria met' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  unknown: { vi: 'Chưa rõ', en: 'Unknown' },
  disputed: { vi: 'Các nguồn không thống nhất', en: 'Sources disagree' },
  history: { vi: 'Các lần công nhận', en: 'Recognitions' },
  otherFacts: { vi: 'Thông tin khác', en: 'Other facts' },
  productsHere: { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
  zonesHere: { vi: 'Vùng nguyên liệu liên quan', en: 'Zones touching it' },
  none: { vi: 'Không có', en: 'None' },
  nowPartOf: { vi: 'Từ 1/7/2025 thuộc', en: 'From 1 Jul 2025 part of' },
  units2019: { vi: 'đơn vị đến 2019', en: 'units until 2019' },
  units2020: { vi: 'đơn vị 2020–2025', en: '2020–2025 units' },
  units2025: { vi: 'đơn vị từ 1/7/2025', en: 'units from 1 Jul 2025' },
  notYetCreated: { vi: 'Chưa thành lập (từ 1/7/2025)', en: 'Not yet created (from 1 Jul 2025)' },
  newUnitStatusNote: {
    vi: 'sau sáp nhập chưa xã nào giữ danh hiệu NTM; công nhận lại trên đơn vị mới',
    en: 'after the merger no commune holds NTM status; recognition starts again on the new units',
  },
  formerCommunes: { vi: 'Các xã cũ hợp thành', en: 'Former communes merged into it' },
  formerCommune: { vi: 'Xã cũ', en: 'Former commune' },
  lastStatus: { vi: 'Mức cuối cùng (năm)', en: 'Last status (year)' },
  formerSummary: { vi: '{n} trên {total} xã cũ đã đạt chuẩn NTM trở lên', en: '{n} of {total} former communes were at đạt chuẩn or above' },
  formerShare: { vi: '{share} % diện tích', en: '{share} % of the area' },
  unknownYearShort: { vi: 'năm không rõ', en: 'year unknown' },
  formerNtmShort: { vi: 'xã cũ đạt chuẩn', en: 'former communes met' },
  districtsAbolished: {
    vi: 'Từ 1/7/2025 không còn cấp huyện: danh sách là tình trạng ngày 30/6/2025, ngày cuối của các huyện.',
    en: 'Districts were abolished on 1 Jul 2025: the list is as of 30 Jun 2025, their last day.',
  },
  chartNtm: { vi: 'Số xã theo mức đạt chuẩn NTM qua các năm', en: 'Communes by NTM status over the years' },
  chartOcop: { vi: 'Sản phẩm OCOP theo số sao qua các năm', en: 'OCOP products by stars over the years' },
  chartDistricts: { vi: 'Từng huyện: xã đạt chuẩn và cơ bản đạt chuẩn', en: 'By district: NTM and basically-met communes' },
  chartDistrictLabel: { vi: 'xã đạt chuẩn và cơ bản đạt chuẩn theo năm', en: 'NTM and basically-met communes by year' },
  reportedNtm: { vi: 'Tỉnh báo cáo: xã đạt chuẩn', en: 'Reported: NTM communes' },
  reportedNtmBasic: { vi: 'Tỉnh báo cáo: đạt chuẩn + cơ bản', en: 'Reported: NTM + basically met' },
  ntmOrBasic: { vi: 'xã đạt chuẩn và cơ bản đạt chuẩn', en: 'NTM and basically-met communes' },
  gapsTitle: { vi: 'Chênh lệch giữa số tỉnh báo cáo và hồ sơ có nguồn', en: 'Where the reported totals and our sourced record differ' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  gap: { vi: 'Chênh lệch', en: 'Gap' },
  chartHover: { vi: 'Di chuột trên biểu đồ để chuyển bản đồ tới năm đó.', en: 'Hover a chart to move the map to that year.' },
  timeline: { vi: 'Dòng thời gian', en: 'Timeline' },
  timelineMarks: {
    vi: 'Các mốc: đợt công nhận, thay đổi đơn vị hành chính, số liệu báo cáo',
    en: 'Marks: recognition batches, unit changes, reported figures',
  },
  play: { vi: 'Chạy', en: 'Play' },
  pause: { vi: 'Dừng', en: 'Pause' },
  stepBack: { vi: 'Lùi một tháng', en: 'One month back' },
  stepForward: { vi: 'Tiến một tháng', en: 'One month forward' },
  unitsShown: { vi: 'Đơn vị hành chính trên bản đồ', en: 'Units on the map' },
  units_auto: { vi: 'Theo ngày', en: 'By date' },
  units_old: { vi: 'Đơn vị cũ', en: 'Old units' },
  units_new: { vi: 'Đơn vị mới (45)', en: 'New units (45)' },
  afterMerger: {
    vi: 'Từ 1/7/2025 tỉnh có {units} xã, phường và không còn cấp huyện; {ntm} đơn vị mới giữ danh hiệu NTM (công nhận lại từ đầu).',
    en: 'From 1 Jul 2025 the province has {units} communes and wards and no districts; {ntm} new units hold NTM status (recognition starts again).',
  },
  afterMergerFormer: {
    vi: 'Trước sáp nhập: {n} trên {total} xã cũ đạt chuẩn NTM trở lên (hồ sơ có nguồn). Số liệu dưới đây là ngày 30/6/2025.',
    en: 'Before the merger: {n} of {total} old communes at đạt chuẩn or above (sourced record). The figures below are as of 30 Jun 2025.',
  },
  onlyNewUnits: { vi: 'Chỉ hiện khi bản đồ vẽ đơn vị từ 1/7/2025 (chọn “Đơn vị mới”).', en: 'Shown only on the units from 1 Jul 2025 (choose “New units”).' },
  criteriaUnknown: { vi: 'đang xây dựng; chưa rõ số tiêu chí', en: 'in progress; criteria count not given' },
  sinceMerger: { vi: 'Sau sáp nhập', en: 'Since the merger' },
  communesByStatus: { vi: 'Số xã theo mức đạt chuẩn', en: 'Communes by status' },
  closestToNext: { vi: 'Gần mức tiếp theo nhất', en: 'Closest to the next status' },
  next: { vi: 'mức tiếp theo', en: 'next' },
  progressKnown: { vi: 'tiêu chí', en: 'criteria' },
  communes: { vi: 'xã', en: 'communes' },
  ntmCommunes: { vi: 'xã đạt chuẩn NTM trở lên', en: 'NTM communes (đạt chuẩn or above)' },
  hasNoNtm: { vi: 'Chưa có xã đạt chuẩn NTM', en: 'No NTM commune yet' },
  producerType_cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  producerType_company: { vi: 'Doanh nghiệp', en: 'Company' },
  producerType_household: { vi: 'Hộ kinh doanh', en: 'Household business' },
  starsValue: { vi: 'sao', en: 'stars' },
  certified: { vi: 'Năm công nhận', en: 'Certified' },
  ratings: { vi: 'Các lần xếp hạng', en: 'Ratings' },
  place: { vi: 'Vị trí', en: 'Place' },
  placeCommune: { vi: 'xã của chủ thể', en: 'the producer’s commune' },
  placeDistrict: { vi: 'chỉ biết huyện; điểm đặt ở giữa huyện', en: 'district only; marker at the district centre' },
  placeUnknown: { vi: 'không rõ; không vẽ trên bản đồ', en: 'unknown; not drawn on the map' },
  inferred: { vi: 'suy luận, nguồn không nêu trực tiếp', en: 'inferred, not stated by a source' },
  expired: { vi: 'Hết hạn chứng nhận', en: 'Certificate expired' },
  area: { vi: 'Diện tích', en: 'Area' },
  approx: { vi: 'khoảng', en: 'about' },
  hectares: { vi: 'ha', en: 'ha' },
  shape: { vi: 'Hình vùng', en: 'Shape' },
  extent_communes: {
    vi: 'Gần đúng: phạm vi các xã mà nguồn nêu, không phải ranh giới khảo sát',
    en: 'Approximate: the extent of the communes sources name, not a surveyed outline',
  },
  extent_district: {
    vi: 'Rất gần đúng: nguồn chỉ cho số liệu cấp huyện; hình là cả huyện',
    en: 'Very approximate: sources give only district totals; the shape is the whole district',
  },
  extent_surveyed: { vi: 'Ranh giới khảo sát', en: 'Surveyed outline' },
  zoneFacts: { vi: 'Số liệu theo nguồn', en: 'Figures by source' },
  linkedProducts: { vi: 'Sản phẩm và chủ thể phụ thuộc', en: 'Dependent products and producers' },
  linkUnconfirmed: { vi: 'liên kết chưa được nguồn xác nhận', en: 'link not confirmed by a source' },
  zoomTo: { vi: 'Phóng tới', en: 'Zoom to' },
  sortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  sortArea: { vi: 'diện tích', en: 'area' },
  sortCrop: { vi: 'cây trồng', en: 'crop' },
  provinceCounts: { vi: 'Toàn tỉnh theo hồ sơ từng xã', en: 'Province, from the commune-level record' },
  againstTargets: { vi: 'So với chỉ tiêu và số tỉnh báo cáo', en: 'Against targets and the province’s reported totals' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  reported: { vi: 'Tỉnh báo cáo', en: 'Reported' },
  ourRecord: { vi: 'Hồ sơ có nguồn', en: 'Our sourced record' },
  recordGap: {
    vi: 'Hồ sơ cấp xã có nguồn chưa đủ: chênh lệch với số tỉnh báo cáo là phần chưa tìm được nguồn, không phải số liệu sai.',
    en: 'The sourced commune-level record is incomplete: gaps against the reported totals are facts not yet sourced, not errors.',
  },
  districtsWithoutNtm: { vi: 'Huyện chưa có xã đạt chuẩn NTM', en: 'Districts with no NTM commune' },
  computedFromCommunes: {
    vi: 'Tính từ trạng thái có nguồn của từng xã tại ngày đã chọn; mở một huyện hoặc xã để xem nguồn của từng công nhận. Khi có nguồn nêu trực tiếp, nguồn đó được ghi dưới tên huyện.',
    en: 'Computed from each commune’s sourced status on the chosen date; open a district or commune for the source of each recognition. Where a source states it directly, it is listed under the district.',
  },
  starSummary: { vi: 'Theo số sao', en: 'By stars' },
  productSourcesNote: { vi: 'Mở từng sản phẩm để xem nguồn.', en: 'Open a product for its sources.' },
  allDistrictsHaveNtm: { vi: 'Mọi huyện đều đã có xã đạt chuẩn NTM.', en: 'Every district has an NTM commune.' },
  nearestCandidates: { vi: 'Xã gần đạt chuẩn nhất', en: 'Closest candidates' },
  noCandidates: { vi: 'Chưa có xã nào đạt cơ bản hoặc có số liệu tiêu chí', en: 'No commune at cơ bản đạt chuẩn or with known criteria' },
  zonesList: { vi: 'Các vùng nguyên liệu', en: 'Raw-material zones' },
  ocopCount: { vi: 'sản phẩm OCOP', en: 'OCOP products' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  loadFailed: { vi: 'Không tải được dữ liệu', en: 'Could not load the data' },
  mapLabel: { vi: 'Bản đồ tỉnh Điện Biên', en: 'Map of Điện Biên province' },
  menu: { vi: 'Bảng điều khiển', en: 'Panel' },
  fold: { vi: '▾ Thu gọn', en: '▾ Fold' },
  unfold: { vi: '▴ Mở bảng', en: '▴ Open panel' },
  unitsNote: { vi: 'Đơn vị hành chính 2020–2025 (10 huyện, 129 xã)', en: '2020–2025 units (10 districts, 129 communes)' },
  unitsNote2019: { vi: 'Đơn vị hành chính đến 2019 (10 huyện, 130 xã)', en: 'Units until 2019 (10 districts, 130 communes)' },
  licenceNote: {
    vi: 'Ranh giới xã từ GADM 4.1 (chỉ dùng phi thương mại); nền các nước lân cận © OpenStreetMap (ODbL).',
    en: 'Commune boundaries from GADM 4.1 (non-commercial use only); neighbouring countries © OpenStreetMap (ODbL).',
  },
  ...OUTPUT_STRINGS,
} satisfies Record<string, Label>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** A string with `{name}` placeholders filled in. */
export function tf(key: StringKey, lang: Lang, values: Record<string, string | number>): string {
  return t(key, lang).replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : m));
}

export function statusLabel(status: NtmStatus, lang: Lang): string {
  return NTM_STATUS_LABELS[status][lang];
}

/** "2021-06-30" → "30/06/2021" (vi) or "30 Jun 2021" (en). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'vi') return `${d}/${m}/${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
