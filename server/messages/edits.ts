import type { AuditEntity } from '../catalog/audit.ts';
import type { ProducerType } from '../domain/ocop.ts';
import { both, type Messages, type Text } from './text.ts';
import { ENTITY_VI, PRODUCER_TYPE_VI, ROLE_VI } from './vocabulary.ts';

/** An entity's name in Vietnamese; one the audit log does not name, as the code says it. */
const entityVi = (entity: string): string => (Object.hasOwn(ENTITY_VI, entity) ? ENTITY_VI[entity as AuditEntity] : entity);

/** Editing records (server/edits/**): what the data says about a change the schemas let through. */
export const editMessages = {
  noShapeNoCommunes: {
    en: 'draw or upload the zone’s shape, or name the communes it covers',
    vi: 'hãy vẽ hoặc tải lên hình của vùng, hoặc chọn các xã có vùng nằm trên địa bàn',
  },
  /** `set`: the unit set as staff know it (unitSetName). */
  noCommune: (code: string, set: Text) => ({
    en: `no commune-level unit ${code} in ${set.en}`,
    vi: `không có đơn vị cấp xã mã ${code} trong ${set.vi}`,
  }),
  noDistrict: (code: string, set: Text) => ({ en: `no district ${code} in ${set.en}`, vi: `không có huyện ${code} trong ${set.vi}` }),
  noSuchFile: { en: 'no such uploaded file', vi: 'không có tệp đã tải lên này' },
  noSuchFileAt: (id: number | null) => ({ en: `source.fileId: no uploaded file ${id}`, vi: `source.fileId: không có tệp đã tải lên mã ${id}` }),
  notRural: (type: string, name: string) => ({
    en: `${type} ${name} is not a rural commune (xã): the NTM programme does not assess wards or townships`,
    vi: `${type} ${name} không phải là xã: chương trình nông thôn mới không đánh giá phường, thị trấn`,
  }),
  decisionBeforeYear: (year: number, date: string) => ({
    en: `a decision recognising a commune for ${year} cannot be dated ${date}, before that year`,
    vi: `quyết định công nhận xã cho năm ${year} không thể có ngày ký ${date}, trước năm đó`,
  }),
  alreadyRetracted: (id: string, on: string | null) =>
    on === null
      ? { en: `recognition ${id} was retracted; record a new one instead`, vi: `lần công nhận ${id} đã bị thu hồi; hãy ghi một lần công nhận mới` }
      : { en: `recognition ${id} was already retracted on ${on}`, vi: `lần công nhận ${id} đã bị thu hồi ngày ${on}` },
  pointOutside: (point: readonly number[]) => ({
    en: `[${point.join(', ')}] lies in no commune of the province`,
    vi: `[${point.join(', ')}] không nằm trong xã nào của tỉnh`,
  }),
  producerType: (name: string, type: ProducerType) => ({
    en: `${name} is recorded as ${type}, for all its products; a product's form cannot change that`,
    vi: `${name} đã được ghi là ${PRODUCER_TYPE_VI[type].toLocaleLowerCase('vi')} cho mọi sản phẩm của chủ thể này; không đổi được từ biểu mẫu của một sản phẩm`,
  }),
  noProductId: (id: string) => ({ en: `no OCOP product ${id}`, vi: `không có sản phẩm OCOP ${id}` }),
  stillListed: (entity: string, id: string, users: readonly { entity: string; id: string }[]) => ({
    en: `${entity} ${id} is still listed by ${users.map((u) => `${u.entity} ${u.id}`).join(', ')}: change those first`,
    vi: `${entityVi(entity)} ${id} vẫn có trong ${users.map((u) => `${entityVi(u.entity)} ${u.id}`).join(', ')}: hãy sửa các mục đó trước`,
  }),
  // A refused revert (409), shown to the admin as sent; change numbers marked # as the audit log marks them.
  alreadyReverted: (id: number, by: number) => ({
    en: `change ${id} was already reverted by change ${by}`,
    vi: `thay đổi #${id} đã được hoàn tác bởi thay đổi #${by}`,
  }),
  changedAgain: (entity: string, entityId: string, id: number, later: readonly number[]) => ({
    en: `${entity} ${entityId} was changed again after change ${id} (by change ${later.join(', ')}); revert those first`,
    vi: `${entityVi(entity)} ${entityId} đã được sửa tiếp sau thay đổi #${id} (bởi thay đổi ${later.map((n) => `#${n}`).join(', ')}); hãy hoàn tác các thay đổi đó trước`,
  }),
  accountNotReverted: (id: number, userId: string) => ({
    en: `change ${id} changed user account ${userId}; changes to accounts are not reverted: change the account again under Manage users`,
    vi: `thay đổi #${id} đã sửa tài khoản người dùng ${userId}; thay đổi tài khoản không hoàn tác được: hãy sửa lại tài khoản trong Quản lý người dùng`,
  }),
  tokenNotReverted: (id: number, tokenId: string) => ({
    en: `change ${id} revoked API token ${tokenId}; a revoked token stays revoked: its user creates a new one`,
    vi: `thay đổi #${id} đã thu hồi mã truy cập API ${tokenId}; mã đã thu hồi không dùng lại được: người dùng hãy tạo mã mới`,
  }),
  lockoutNotReverted: (id: number, userId: string) => ({
    en: `change ${id} is about the login lockout of user account ${userId}; lockouts are not reverted: one ends by itself after the window, or with npm run user -- unlock`,
    vi: `thay đổi #${id} là về việc tạm khoá đăng nhập của tài khoản người dùng ${userId}; tạm khoá không hoàn tác được: tự hết sau khoảng thời gian tính lần sai, hoặc gỡ bằng npm run user -- unlock`,
  }),
  historyEntity: {
    en: 'entityId: give entity with it (recognition, product, zone, target or unit)',
    vi: 'entityId: hãy ghi kèm entity (recognition, product, zone, target hoặc unit)',
  },
  writeTooLarge: {
    en: 'The body is larger than 2 MiB; upload large shapes through an import',
    vi: 'Nội dung gửi lên lớn hơn 2 MiB; hãy đưa các hình lớn vào bằng chức năng nhập dữ liệu',
  },
  recordId: (name: string, raw: string) => ({
    en: `${name} must be a record id (lower-case letters, digits, dashes), got "${raw}"`,
    vi: `${name} phải là id của một bản ghi (chữ thường không dấu, chữ số, dấu gạch ngang), nhận được "${raw}"`,
  }),
  whoseHistory: {
    en: 'unitCode (with unitSet) or entity and entityId: whose history?',
    vi: 'unitCode (kèm unitSet) hoặc entity và entityId: lịch sử của đối tượng nào?',
  },
  unitSetWithCode: {
    en: 'unitCode: give unitSet with it (a code names a unit only within its set)',
    vi: 'unitCode: hãy ghi kèm unitSet (một mã chỉ xác định đơn vị trong bộ đơn vị của nó)',
  },
  batchId: { en: 'batchId must be an import batch id', vi: 'batchId phải là id của một đợt nhập' },
  sourceFileTooLarge: (mib: number) => both(`A source document may be at most ${mib} MiB`, (f) => `Văn bản nguồn có dung lượng tối đa ${f(mib)} MiB`),
  sourceFileFieldTooLarge: (mib: number) => both(`file: at most ${mib} MiB`, (f) => `file: tối đa ${f(mib)} MiB`),
  viewerMayNotUpload: (login: string) => ({ en: `${login} (viewer) may not upload documents`, vi: `${login} (${ROLE_VI.viewer}) không được tải văn bản lên` }),
  sourceFileMultipart: {
    en: 'Send the document as multipart/form-data in a field named "file"',
    vi: 'Hãy gửi văn bản dạng multipart/form-data trong trường "file"',
  },
  attachPdf: { en: 'file: attach the PDF in a field named "file"', vi: 'file: hãy đính kèm tệp PDF trong trường "file"' },
  onlyPdf: {
    en: 'file: only PDF documents are accepted (the file does not start with %PDF-)',
    vi: 'file: chỉ nhận văn bản PDF (tệp không bắt đầu bằng %PDF-)',
  },
  noSourceFile: (id: string) => ({ en: `no source document ${id}`, vi: `không có văn bản nguồn ${id}` }),
  noChange: (id: number) => ({ en: `no change ${id} in the audit log`, vi: `không có thay đổi ${id} trong nhật ký thay đổi` }),
  noBatch: (id: string) => ({ en: `no import batch ${id} in the audit log`, vi: `không có đợt nhập ${id} trong nhật ký thay đổi` }),
  noNewBoundary: (code: string, set: Text) => ({
    en: `no new boundary for unit ${code} of ${set.en}`,
    vi: `không có ranh giới mới cho đơn vị ${code} của ${set.vi}`,
  }),
  notFound: (what: 'recognition' | 'product' | 'zone' | 'target', id: string) => {
    const en = { recognition: 'recognition', product: 'OCOP product', zone: 'zone', target: 'target' }[what];
    const vi = { recognition: 'lần công nhận', product: 'sản phẩm OCOP', zone: 'vùng nguyên liệu', target: 'chỉ tiêu' }[what];
    return { en: `no ${en} ${id}`, vi: `không có ${vi} ${id}` };
  },
} as const satisfies Messages;
