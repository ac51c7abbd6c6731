import type { Label, Lang } from '../lib/label.ts';
import { fill, type StringKey, t } from './i18n.ts';

/**
 * Text of editing the record (forms in the side panel, sources, history, the admin's audit log) and of the
 * account pages' newer parts (API tokens on the users page), read with te()/tef(): it loads with the forms and
 * those pages, not with the first map. What the first map itself shows of
 * editing (its buttons, a card's history) is in STRINGS (i18n.ts).
 */
export const EDITING_STRINGS = {
  correctRecognition: { vi: 'Sửa một lần công nhận', en: 'Correct a recognition' },
  retractRecognition: { vi: 'Thu hồi một lần công nhận', en: 'Retract a recognition' },
  retractNote: {
    vi: 'Lần công nhận này vẫn được giữ trong lịch sử nhưng không còn được tính.',
    en: 'The recognition stays in the history but no longer counts.',
  },
  decisionRef: { vi: 'Số quyết định', en: 'Decision number' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  yearForLabel: { vi: 'Công nhận cho năm', en: 'Year it is for' },
  yearForHint: {
    vi: 'Thường là năm trước năm ra quyết định. Để trống nếu nguồn không nêu: khi đó tính từ ngày của nguồn.',
    en: 'Usually the year before the decision. Leave empty when the source does not say: it then counts from the source’s date.',
  },
  criteriaMetOf19: { vi: 'Số tiêu chí đạt (trên 19)', en: 'Criteria met (of 19)' },
  criteriaTextLabel: { vi: 'Ghi chú về tiêu chí', en: 'Criteria note' },
  reason: { vi: 'Lý do', en: 'Reason' },
  sourceOfChange: { vi: 'Nguồn của thay đổi', en: 'Source of this change' },
  sourceRule: {
    vi: 'Mỗi lần lưu cần một nguồn: tên văn bản, ngày, và đường dẫn hoặc tệp PDF tải lên.',
    en: 'Every save needs a source: its title, date, and a link or an uploaded PDF.',
  },
  sourceTitle: { vi: 'Tên nguồn (văn bản, báo cáo)', en: 'Title (document, report)' },
  sourceDate: { vi: 'Ngày của nguồn', en: 'Date of the source' },
  whereUnit: { vi: 'Địa bàn', en: 'Where' },
  whereDistrict: { vi: 'Địa bàn cấp huyện', en: 'Where (district)' },
  dateFormat: { vi: 'Định dạng ngày/tháng/năm', en: 'Format year-month-day' },
  dateFormatError: {
    vi: 'Chưa đọc được ngày: hãy viết theo dạng dd/mm/yyyy, ví dụ 04/01/2025 là ngày 4 tháng 1 năm 2025.',
    en: 'Not a date: write it as yyyy-mm-dd, e.g. 2025-01-04 for 4 January 2025.',
  },
  dateNoSuchDay: { vi: 'Không có ngày này trong lịch.', en: 'There is no such day in the calendar.' },
  sourceLink: { vi: 'Đường dẫn', en: 'Link' },
  sourcePdf: { vi: 'Hoặc tải lên văn bản PDF', en: 'Or upload the document (PDF)' },
  sourcePdfHint: { vi: 'Tối đa {mib} MiB; máy chủ lưu giữ bản này.', en: 'At most {mib} MiB; the server keeps it.' },
  uploaded: { vi: 'Đã tải lên', en: 'Uploaded' },
  removeFile: { vi: 'Bỏ tệp', en: 'Remove file' },
  sourceNote: { vi: 'Ghi chú về nguồn', en: 'Note on the source' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  fixFields: { vi: 'Hãy sửa các ô được đánh dấu.', en: 'Please correct the marked fields.' },
  savedNotice: { vi: 'Đã lưu. Bản đồ, thẻ và số liệu đã cập nhật.', en: 'Saved. The map, cards and counts show it now.' },
  retractedNotice: { vi: 'Đã thu hồi; lần công nhận vẫn nằm trong lịch sử.', en: 'Retracted; the recognition stays in the history.' },
  deletedNotice: { vi: 'Đã xoá vùng; nhật ký vẫn giữ bản cũ.', en: 'Zone deleted; the audit log keeps it.' },
  productName: { vi: 'Tên sản phẩm', en: 'Product name' },
  producerTypeLabel: { vi: 'Loại chủ thể', en: 'Producer type' },
  placeKind_commune: { vi: 'Xã của chủ thể', en: 'The producer’s commune' },
  placeKind_district: { vi: 'Chỉ biết huyện', en: 'District only' },
  placeKind_point: { vi: 'Điểm chọn trên bản đồ', en: 'A point on the map' },
  pointOnMap: { vi: 'Điểm trên bản đồ', en: 'Point on the map' },
  noPointYet: { vi: 'Chưa chọn điểm', en: 'No point yet' },
  pickOnMap: { vi: 'Chọn trên bản đồ', en: 'Pick on the map' },
  cancelPick: { vi: 'Thôi chọn', en: 'Stop picking' },
  pickPointHint: { vi: 'Bấm vào bản đồ tại nơi sản xuất.', en: 'Click the map where the product is made.' },
  certificates: { vi: 'Giấy chứng nhận OCOP', en: 'OCOP certificates' },
  firstCertificate: { vi: 'Chứng nhận', en: 'Certificate' },
  renewal: { vi: 'Công nhận lại / nâng hạng', en: 'Renewal / upgrade' },
  remove: { vi: 'Bỏ', en: 'Remove' },
  addRenewal: { vi: '+ Công nhận lại hoặc nâng hạng', en: '+ Renewal or upgrade' },
  expiresOn: { vi: 'Hết hạn ngày', en: 'Expires on' },
  expiryDefault: {
    vi: 'Mặc định: {date}, {months} tháng sau ngày quyết định; sửa nếu nguồn ghi khác.',
    en: 'By default {date}, {months} months after the decision; change it if the source says otherwise.',
  },
  expiryAfterDecision: {
    vi: 'Điền ngày quyết định: hạn mặc định là {months} tháng sau.',
    en: 'Enter the decision date: the default expiry is {months} months later.',
  },
  expiryStated: { vi: 'Theo nguồn (không phải mặc định {months} tháng).', en: 'As the source states (not the {months}-month default).' },
  deleteZone: { vi: 'Xoá vùng', en: 'Delete the zone' },
  deleteZoneInstead: { vi: 'Xoá vùng này (cần lý do; có thể hoàn tác)', en: 'Delete this zone (needs a reason; can be reverted)' },
  zoneName: { vi: 'Tên vùng', en: 'Zone name' },
  areaHa: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  yearLabel: { vi: 'Năm của số liệu', en: 'Year of the figure' },
  producersOfZone: { vi: 'Chủ thể', en: 'Producers' },
  multiSelectHint: { vi: 'Giữ Ctrl (⌘) để chọn nhiều.', en: 'Hold Ctrl (⌘) to choose several.' },
  shapeKind_draw: { vi: 'Vẽ trên bản đồ', en: 'Draw on the map' },
  shapeKind_upload: { vi: 'Tải tệp GeoJSON', en: 'Upload GeoJSON' },
  shapeKind_communes: { vi: 'Theo các xã', en: 'By communes' },
  drawStart: { vi: 'Bắt đầu vẽ', en: 'Start drawing' },
  drawEdit: { vi: 'Sửa hình đã có', en: 'Edit the shape' },
  drawDone: { vi: 'Xong', en: 'Done' },
  drawClear: { vi: 'Xoá hình', en: 'Clear the shape' },
  drawHint: {
    vi: 'Bấm để thêm đỉnh; bấm lại đỉnh đầu (hoặc Enter) để khép vùng; kéo đỉnh để sửa.',
    en: 'Click to add corners; click the first corner (or press Enter) to close; drag a corner to move it.',
  },
  geojsonFile: { vi: 'Tệp GeoJSON (kinh độ, vĩ độ WGS 84)', en: 'GeoJSON file (WGS 84 longitude, latitude)' },
  geojsonHint: {
    vi: 'Polygon hoặc MultiPolygon. Tệp theo VN-2000, Shapefile hay KML: dùng trang nhập dữ liệu.',
    en: 'Polygon or MultiPolygon. Files in VN-2000, Shapefiles or KML: use the import page.',
  },
  shapeFromFile: {
    vi: 'Hình từ tệp {file}, đã hiện trên bản đồ: kiểm tra, kéo đỉnh để chỉnh nếu cần.',
    en: 'The shape from {file}, now on the map: check it, and drag a corner to adjust it if needed.',
  },
  shapeFile_notJson: { vi: 'Tệp không phải JSON hợp lệ.', en: 'The file is not valid JSON.' },
  shapeFile_noPolygon: { vi: 'Tệp không có Polygon hay MultiPolygon nào.', en: 'The file holds no Polygon or MultiPolygon.' },
  shapeFile_notLonLat: {
    vi: 'Toạ độ không phải kinh độ, vĩ độ (có thể là VN-2000): dùng trang nhập dữ liệu để chuyển đổi.',
    en: 'The coordinates are not longitude/latitude (VN-2000?): use the import page to reproject.',
  },
  shapeReady: { vi: 'Đã có hình: {type}, {n} đỉnh.', en: 'Shape ready: {type}, {n} vertices.' },
  noShapeYet: { vi: 'Chưa có hình.', en: 'No shape yet.' },
  errNoShape: { vi: 'Hãy vẽ hoặc tải lên hình của vùng, hoặc chọn các xã.', en: 'Draw or upload the zone’s shape, or choose its communes.' },
  editTarget: { vi: 'Sửa chỉ tiêu hoặc số báo cáo', en: 'Edit the target or reported total' },
  indicatorLabel: { vi: 'Chỉ tiêu', en: 'Indicator' },
  indicatorKey: { vi: 'Mã chỉ tiêu', en: 'Indicator key' },
  indicatorKeyHint: {
    vi: 'Biểu đồ dùng: ntm-standard-communes, ntm-standard-or-basic-communes, ocop-products, ntm-standard-share.',
    en: 'The charts read: ntm-standard-communes, ntm-standard-or-basic-communes, ocop-products, ntm-standard-share.',
  },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  targetText: { vi: 'Chỉ tiêu (như nguồn ghi)', en: 'Target (as the source states it)' },
  actualText: { vi: 'Số báo cáo (như nguồn ghi)', en: 'Reported total (as the source states it)' },
  targetYear: { vi: 'Năm đích', en: 'Target year' },
  action_create: { vi: 'Thêm mới', en: 'Added' },
  action_update: { vi: 'Sửa', en: 'Corrected' },
  action_retract: { vi: 'Thu hồi', en: 'Retracted' },
  action_delete: { vi: 'Xoá', en: 'Deleted' },
  action_revert: { vi: 'Hoàn tác', en: 'Reverted' },
  entity_recognition: { vi: 'công nhận NTM', en: 'NTM recognition' },
  entity_product: { vi: 'sản phẩm OCOP', en: 'OCOP product' },
  entity_zone: { vi: 'vùng nguyên liệu', en: 'raw-material zone' },
  entity_target: { vi: 'chỉ tiêu', en: 'target' },
  entity_unit: { vi: 'đơn vị hành chính', en: 'administrative unit' },
  revertedBy: { vi: 'Đã được hoàn tác bởi thay đổi #{id}.', en: 'Reverted by change #{id}.' },
  revertsChange: { vi: 'hoàn tác thay đổi', en: 'reverts change' },
  auditIntro: {
    vi: 'Mọi thay đổi của dữ liệu và của tài khoản: ai, khi nào, cái gì, trước → sau, lý do, nguồn. Hoàn tác cũng được ghi lại. Các lần tạm khoá đăng nhập (do sai mật khẩu nhiều lần) chỉ hiện khi chọn loại đó.',
    en: 'Every change to the data and to accounts: who, when, what, before → after, why, on which source. Reverts are logged too. Login lockouts (after too many failed logins) are listed only when you choose that kind.',
  },
  recordKind: { vi: 'Loại', en: 'Kind' },
  unitSetLabel: { vi: 'Bộ đơn vị', en: 'Unit set' },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  sinceDate: { vi: 'Từ ngày', en: 'Since' },
  filter: { vi: 'Lọc', en: 'Filter' },
  olderChanges: { vi: 'Các thay đổi cũ hơn', en: 'Older changes' },
  revertChange: { vi: 'Hoàn tác', en: 'Revert' },
  revertBatch: { vi: 'Hoàn tác cả đợt nhập', en: 'Revert the whole import' },
  revertReason: { vi: 'Lý do hoàn tác', en: 'Why revert' },
  confirmRevert: { vi: 'Xác nhận hoàn tác', en: 'Confirm revert' },
  changeReverted: { vi: 'Đã hoàn tác; bản đồ đã cập nhật.', en: 'Reverted; the map shows it now.' },
  importInAuditLog: { vi: 'Xem đợt nhập trong nhật ký thay đổi', en: 'See this import in the audit log' },
  importLayer: { vi: 'Lớp (bảng, shapefile) cần nhập', en: 'Layer (table, shapefile) to import' },
  importLayerChoose: { vi: '— chọn một lớp —', en: '— choose a layer —' },
  importLegacyFont: { vi: 'Phông chữ cũ (chuyển sang Unicode)', en: 'Old font (converted to Unicode)' },
  importLegacyFontNone: { vi: 'Không — tệp gõ bằng Unicode', en: 'None — the file is in Unicode' },
  importLicenceAttribution: { vi: 'Giấy phép: dòng ghi nguồn (để trống: dùng tên)', en: 'Licence: attribution line (empty: the title)' },
  importLicenceTermsEn: {
    vi: 'Điều khoản sử dụng bằng tiếng Anh (để trống: dùng bản tiếng Việt)',
    en: 'Terms of use in English (empty: the Vietnamese ones are shown)',
  },
  batchReverted: { vi: 'Đã hoàn tác {n} thay đổi của đợt nhập.', en: 'Reverted the import’s {n} changes.' },
  errDate: { vi: 'Cần một ngày (ngày/tháng/năm)', en: 'Needs a date' },
  errCommune: { vi: 'Chọn một xã', en: 'Choose a commune' },
  errDistrict: { vi: 'Chọn một huyện', en: 'Choose a district' },
  errChoose: { vi: 'Chọn một giá trị trong danh sách', en: 'Choose one of the values' },
  errReason: { vi: 'Cần nêu lý do', en: 'Say why' },
  errLoggedOut: {
    vi: 'Chưa lưu: phiên đăng nhập đã hết. Hãy đăng nhập lại — những gì bạn đã nhập vẫn còn ở đây — rồi bấm lưu lần nữa',
    en: 'Not saved: your session has ended. Log in again — what you typed stays here — then save again',
  },
  errForbidden: { vi: 'Tài khoản không có quyền này', en: 'Your account may not do this' },
  errConflict: { vi: 'Không thực hiện được vì có xung đột', en: 'Refused because of a conflict' },
  // The admin's users page: another user's API tokens (and the token table both account pages show).
  entity_api_token: { vi: 'mã truy cập API', en: 'API token' },
  // The audit log's changes to accounts (and the revoked tokens' fields).
  entity_account: { vi: 'tài khoản người dùng', en: 'user account' },
  passwordSetAt: { vi: 'Đặt mật khẩu lúc', en: 'Password set' },
  // Login lockouts (listed only when this kind is chosen): an account locked after too many failed logins, and its end.
  entity_lockout: { vi: 'tạm khoá đăng nhập', en: 'login lockout' },
  failedLogins: { vi: 'Số lần đăng nhập sai', en: 'Failed logins' },
  lockedUntil: { vi: 'Tạm khoá đến', en: 'Locked until' },
  clientAddress: { vi: 'Địa chỉ', en: 'Address' },
  tokenRevokedAt: { vi: 'Thu hồi lúc', en: 'Revoked' },
  tokenCreated: { vi: 'Ngày tạo', en: 'Created' },
  userTokens: { vi: 'Mã API', en: 'API tokens' },
  userTokensOf: { vi: 'Mã truy cập API của {login}', en: 'API tokens of {login}' },
  userTokensHint: {
    vi: 'Khi cán bộ nghỉ việc hoặc mất máy có cài QGIS, hãy thu hồi mã của họ: QGIS hay công cụ nào dùng mã đó bị từ chối ngay. Mỗi lần thu hồi được ghi vào nhật ký thay đổi.',
    en: 'When someone leaves or loses a laptop with QGIS, revoke their tokens: QGIS or any tool using one is refused at once. Each revocation is in the audit log.',
  },
  revokeAllTokens: { vi: 'Thu hồi tất cả', en: 'Revoke all' },
  confirmRevokeToken: {
    vi: 'Thu hồi mã “{name}” của {login}? Công cụ đang dùng mã này sẽ không truy cập được nữa; mã đã thu hồi không dùng lại được.',
    en: 'Revoke {login}’s token “{name}”? A tool using it loses access; a revoked token cannot be used again.',
  },
  confirmRevokeAll: {
    vi: 'Thu hồi cả {n} mã của {login}? Công cụ đang dùng các mã này sẽ không truy cập được nữa; mã đã thu hồi không dùng lại được.',
    en: 'Revoke all {n} of {login}’s tokens? Tools using them lose access; a revoked token cannot be used again.',
  },
  confirmRevoke: { vi: 'Xác nhận thu hồi', en: 'Confirm revoke' },
  tokenRevoked: { vi: 'Đã thu hồi mã “{name}” của {login}.', en: 'Revoked {login}’s token “{name}”.' },
  tokensRevoked: { vi: 'Đã thu hồi {n} mã của {login}.', en: 'Revoked {n} of {login}’s tokens.' },
} satisfies Record<string, Label>;

/** A key of the editing texts or of the interface's (STRINGS): what the lazily loaded editing views may name. */
export type EditingKey = keyof typeof EDITING_STRINGS | StringKey;

export function te(key: EditingKey, lang: Lang): string {
  return Object.hasOwn(EDITING_STRINGS, key) ? EDITING_STRINGS[key as keyof typeof EDITING_STRINGS][lang] : t(key as StringKey, lang);
}

/** An editing text with `{name}` placeholders filled in. */
export function tef(key: EditingKey, lang: Lang, values: Record<string, string | number>): string {
  return fill(te(key, lang), values);
}
