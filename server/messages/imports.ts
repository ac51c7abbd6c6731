import type { ImportKindId } from '../catalog/imports.ts';
import type { Programme, Role } from '../domain/access.ts';
import { both, type Messages, type Text } from './text.ts';
import { IMPORT_KIND_VI, PROGRAMME_VI, ROLE_VI } from './vocabulary.ts';

/** The rows, names and shapes of an import's preview (server/imports/plans/**). */
export const importMessages = {
  exampleRow: {
    en: 'this is the template’s example row; overwrite it with real data or delete it',
    vi: 'đây là dòng ví dụ của tệp mẫu; hãy ghi đè bằng dữ liệu thật hoặc xoá dòng này',
  },
  ignoredColumn: { en: 'this column is not part of the template and is ignored', vi: 'cột này không có trong tệp mẫu nên được bỏ qua' },
  noSource: {
    en: 'no source: fill sourceTitle, sourceDate and sourceUrl, or give one source for the whole file when importing',
    vi: 'chưa có nguồn: hãy điền sourceTitle, sourceDate và sourceUrl, hoặc khi nhập hãy ghi một nguồn chung cho cả tệp',
  },
  decisionRefMissing: {
    en: 'a decision date is given: give the decision number too',
    vi: 'đã có ngày quyết định: hãy ghi cả số quyết định',
  },
  /** `set`: the unit set as staff know it (unitSetName). */
  communeNameMismatch: (code: string, fullName: string, set: Text, name: string) => ({
    en: `${code} is ${fullName} in ${set.en}, not “${name}”: check the code`,
    vi: `mã ${code} là ${fullName} trong ${set.vi}, không phải “${name}”: hãy kiểm tra lại mã`,
  }),
  sameRecordTwice: (earlier: number, what: 'recognition' | 'zone') =>
    what === 'recognition'
      ? both(`row ${earlier} already imports this recognition`, (f) => `lần công nhận này đã có ở dòng ${f(earlier)}`)
      : both(`feature ${earlier} already imports this zone`, (f) => `vùng nguyên liệu này đã có ở đối tượng ${f(earlier)}`),
  noRecognition: (id: string) => ({
    en: `no recognition ${id}; leave id empty to add a new one`,
    vi: `không có lần công nhận ${id}; hãy để trống id để thêm mới`,
  }),
  recognitionRetracted: (id: string) => ({
    en: `recognition ${id} was retracted; leave id empty to record a new one`,
    vi: `lần công nhận ${id} đã bị thu hồi; hãy để trống id để ghi một lần công nhận mới`,
  }),
  noProduct: (id: string) => ({
    en: `no OCOP product ${id}; leave id empty to add a new one`,
    vi: `không có sản phẩm OCOP ${id}; hãy để trống id để thêm mới`,
  }),
  noZone: (id: string) => ({ en: `no zone ${id}; leave id empty to add a new zone`, vi: `không có vùng nguyên liệu ${id}; hãy để trống id để thêm vùng mới` }),
  sameName: (count: number, kind: 'products' | 'zones', name: string, ids: readonly string[]) =>
    both(
      `${count} ${kind} are named like “${name}” (${ids.join(', ')}); give the id of the one to edit`,
      (f) =>
        `có ${f(count)} ${kind === 'products' ? 'sản phẩm OCOP' : 'vùng nguyên liệu'} trùng tên “${name}” (${ids.join(', ')}); hãy ghi id của bản ghi cần sửa`,
    ),
  lonLatPair: { en: 'give both longitude and latitude, or neither', vi: 'hãy ghi cả kinh độ và vĩ độ, hoặc để trống cả hai' },
  noPlace: {
    en: 'give the producer’s commune code, else the district code, or longitude and latitude',
    vi: 'hãy ghi mã xã của chủ thể sản xuất, nếu không thì mã huyện, hoặc kinh độ và vĩ độ',
  },
  productRowsDisagree: (row: number) =>
    both(
      `row ${row} names the same product with other details (producer, group or place); one product’s rows must agree`,
      (f) => `dòng ${f(row)} ghi cùng sản phẩm nhưng khác thông tin (chủ thể, nhóm hoặc địa điểm); các dòng của một sản phẩm phải khớp nhau`,
    ),
  ratingsReplaced: (name: string, count: number) =>
    both(
      `${name}: ${count} earlier rating(s) have no decision number and will be replaced by the certificates in the file`,
      (f) => `${name}: ${f(count)} lần xếp hạng trước không có số quyết định và sẽ được thay bằng các giấy chứng nhận trong tệp`,
    ),
  zoneNeedsPolygon: (type: string | null) => ({
    en: `a zone needs a polygon, this feature has ${type ? `a ${type}` : 'no geometry'}`,
    vi: `vùng nguyên liệu cần một đa giác, đối tượng này ${type ? `có hình ${type}` : 'không có hình'}`,
  }),
  // Boundaries
  noCodeAttribute: (attributes: string | null, field: string | null) => ({
    en: `no unit code in ${field ? `the attribute ${field}` : `the attributes (${attributes})`}; choose the attribute that holds the GSO code`,
    vi: `không thấy mã đơn vị trong ${field ? `trường ${field}` : `các trường (${attributes})`}; hãy chọn trường chứa mã của Tổng cục Thống kê`,
  }),
  codeTwice: (code: string, row: number) =>
    both(
      `code ${code} is also on feature ${row}; each unit must appear once (merge its parts into one multipolygon)`,
      (f) => `mã ${code} cũng có ở đối tượng ${f(row)}; mỗi đơn vị chỉ xuất hiện một lần (hãy gộp các phần thành một multipolygon)`,
    ),
  boundaryNeedsPolygon: (code: string, type: string | null) => ({
    en: `unit ${code}: a boundary must be a polygon, this feature has ${type ? `a ${type}` : 'no geometry'}`,
    vi: `đơn vị ${code}: ranh giới phải là đa giác, đối tượng này ${type ? `có hình ${type}` : 'không có hình'}`,
  }),
  ofUnit: (code: string, message: Text) => ({ en: `unit ${code}: ${message.en}`, vi: `đơn vị ${code}: ${message.vi}` }),
  shapeMoved: (code: string, fullName: string, percent: number) =>
    both(
      `unit ${code} (${fullName}): only ${percent} % of the new shape overlaps its current one; check the code`,
      (f) => `đơn vị ${code} (${fullName}): chỉ ${f(percent)} % hình mới trùng với hình hiện tại; hãy kiểm tra lại mã`,
    ),
  codesMissing: (label: Text, missing: readonly string[]) =>
    both(
      `${missing.length} code(s) of ${label.en} are missing: ${missing.join(', ')}`,
      (f) => `thiếu ${f(missing.length)} mã của ${label.vi}: ${missing.join(', ')}`,
    ),
  codesUnknown: (label: Text, unknown: readonly string[], rows: readonly (number | undefined)[]) =>
    both(
      `${unknown.length} code(s) are not in ${label.en}: ${unknown.join(', ')} (on feature ${rows.join(', ')})`,
      (f) => `${f(unknown.length)} mã không có trong ${label.vi}: ${unknown.join(', ')} (ở đối tượng ${rows.join(', ')})`,
    ),
  /** `set`: the unit set as staff know it (unitSetName). */
  unitSetLabel: (set: Text, communes: number) => both(`${set.en} (${communes} communes)`, (f) => `${set.vi} (${f(communes)} đơn vị cấp xã)`),
  boundarySource: {
    en: 'give the source of the boundaries (title, date, and a link or the PDF)',
    vi: 'hãy ghi nguồn của ranh giới (tên văn bản, ngày, và đường dẫn hoặc tệp PDF)',
  },
  // The upload form
  uploadTooLarge: (max: Text) => ({
    en: `The upload is larger than ${max.en}; split the file or raise IMPORT_MAX_BYTES`,
    vi: `Tệp tải lên lớn hơn ${max.vi}; hãy chia nhỏ tệp hoặc tăng IMPORT_MAX_BYTES`,
  }),
  fileTooLarge: (name: string, size: Text, max: Text) => ({
    en: `${name} is ${size.en}; at most ${max.en} are accepted`,
    vi: `${name} có dung lượng ${size.vi}; chỉ nhận tối đa ${max.vi}`,
  }),
  chooseKind: (kinds: string) => ({ en: `kind: say what the file holds (${kinds})`, vi: `kind: hãy chọn loại dữ liệu của tệp (${kinds})` }),
  attachFile: { en: 'file: attach the file in a field named "file"', vi: 'file: hãy đính kèm tệp trong trường tên "file"' },
  multipart: {
    en: 'Send the file as multipart/form-data in a field named "file", with the field "kind"',
    vi: 'Hãy gửi tệp dạng multipart/form-data trong trường "file", kèm trường "kind"',
  },
  chooseUnitSet: {
    en: 'unitSet: choose the unit set whose boundaries the file replaces (2019, 2020 or 2025)',
    vi: 'unitSet: hãy chọn bộ đơn vị được thay ranh giới (2019, 2020 hoặc 2025)',
  },
  noTemplate: (file: string) => ({
    en: `no template ${file}; templates are ntm-recognitions.csv|xlsx and ocop-products.csv|xlsx`,
    vi: `không có tệp mẫu ${file}; các tệp mẫu là ntm-recognitions.csv|xlsx và ocop-products.csv|xlsx`,
  }),
  // Checking map files in worker threads (server/imports/check-pool.ts)
  checkOutOfMemory: (name: string | null, mb: number) =>
    both(
      `checking ${name ?? 'the file'} needed more than the ${mb} MB an import may use (IMPORT_WORKER_MEMORY_MB); split the file or simplify its shapes`,
      (f) =>
        `việc kiểm tra ${name ?? 'tệp'} cần hơn ${f(mb)} MB bộ nhớ, vượt mức cho phép của một lần nhập (IMPORT_WORKER_MEMORY_MB); hãy chia nhỏ tệp hoặc đơn giản hoá các hình`,
    ),
  checksBusy: (count: number) =>
    both(
      `${count} imports are being checked or waiting; nothing was read, try again in a minute`,
      (f) => `Có ${f(count)} tệp đang được kiểm tra hoặc đang chờ; tệp này chưa được đọc, hãy thử lại sau một phút`,
    ),
  stopping: { en: 'the server is stopping; try again in a minute', vi: 'máy chủ đang dừng; hãy thử lại sau một phút' },
  checkFailed: (name: string | null) => ({
    en: `checking ${name ?? 'the file'} failed on the server; nothing was imported, and the error is in the server's log`,
    vi: `việc kiểm tra ${name ?? 'tệp'} bị lỗi trên máy chủ; chưa có dữ liệu nào được nhập, lỗi đã được ghi vào nhật ký của máy chủ`,
  }),
  // Previews and commits
  noPreview: (id: string, minutes: number) =>
    both(
      `no import preview ${id} (previews last ${minutes} minutes); upload the file again`,
      (f) => `không có bản xem trước ${id} (bản xem trước chỉ lưu ${f(minutes)} phút); hãy tải tệp lên lại`,
    ),
  previewHasErrors: (fileName: string, nothing: boolean) => ({
    en: `the preview of ${fileName} has ${nothing ? 'nothing to change' : 'errors'}; fix the file and upload it again`,
    vi: `bản xem trước của ${fileName} ${nothing ? 'không có gì để thay đổi' : 'còn lỗi'}; hãy sửa tệp và tải lên lại`,
  }),
  previewStale: (before: number, now: number) => ({
    en: `the data changed since the preview (revision ${before} → ${now}); preview the file again`,
    vi: `dữ liệu đã thay đổi sau khi xem trước (phiên bản ${before} → ${now}); hãy xem trước tệp lại`,
  }),
  noLongerSame: {
    en: 'the import would no longer make the changes previewed; preview the file again',
    vi: 'lần nhập này không còn tạo ra đúng các thay đổi đã xem trước; hãy xem trước tệp lại',
  },
  rowRefused: (row: number, label: Text, why: Text) =>
    both(
      `row ${row} — ${label.en} — was refused: ${why.en}; preview the file again`,
      (f) => `dòng ${f(row)} — ${label.vi} — bị từ chối: ${why.vi}; hãy xem trước tệp lại`,
    ),
  /** A row's record as a refusal names it; `set` is the unit set as staff know it (unitSetName). */
  recognitionLabel: (commune: string, code: string, set: Text, status: Text, yearFor: number | null) => ({
    en: `${commune} (${code}, ${set.en}): recognition “${status.en}” ${yearFor === null ? '(year not given)' : `for ${yearFor}`}`,
    vi: `${commune} (${code}, ${set.vi}): công nhận “${status.vi}” ${yearFor === null ? '(chưa ghi năm)' : `năm ${yearFor}`}`,
  }),
  boundariesLabel: (set: Text) => ({ en: `boundaries of ${set.en}`, vi: `ranh giới ${set.vi}` }),
  mayNotImport: (login: string, role: Role, kind: ImportKindId, programme: Programme) => ({
    en: `${login} (${role}) may not import ${kind}: it needs the editor role with the ${programme} programme`,
    vi: `${login} (${ROLE_VI[role]}) không được nhập “${IMPORT_KIND_VI[kind]}”: cần vai trò Biên tập với lĩnh vực ${PROGRAMME_VI[programme]}`,
  }),
} as const satisfies Messages;
