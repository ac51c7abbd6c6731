import type { AuditEntity } from '../catalog/audit.ts';
import type { Label } from '../catalog/define.ts';
import type { FileLook } from '../imports/file-look.ts';
import type { ImportKindId } from '../catalog/imports.ts';
import type { Programme, Role } from '../domain/access.ts';
import type { ProducerType } from '../domain/ocop.ts';
import { boundIn, numberIn, type Text } from './text.ts';

/**
 * Every message the API answers in words, each in English and Vietnamese side by side; a message
 * with parameters is a function. The English is what API clients (GDAL, QGIS, scripts) and the
 * logs read; the Vietnamese uses the words of the interface (client/ui/i18n*.ts). Codes
 * (`error.code`) are not here: they stay the same in every language.
 */

/** Both languages of a message with parameters, written once per language over its formatted numbers. */
const both = (en: string, vi: (n: (x: number) => string) => string): Text => ({ en, vi: vi((x) => numberIn('vi', x)) });
/** The same, for a check's bound (a year, a count, a size): 2010 is never written 2.010. */
const bound = (en: string, vi: (n: (x: number) => string) => string): Text => ({ en, vi: vi((x) => boundIn('vi', x)) });

/** Roles, programmes and import kinds in Vietnamese as the interface names them (client/ui/i18n.ts: role_*, programme_*, importKind_*); a test keeps them the same. */
export const ROLE_VI: Record<Role, string> = { admin: 'Quản trị', editor: 'Biên tập', viewer: 'Chỉ xem' };
export const PROGRAMME_VI: Record<Programme, string> = {
  ntm: 'Nông thôn mới',
  ocop: 'OCOP',
  zones: 'Vùng nguyên liệu',
  boundaries: 'Ranh giới hành chính',
  targets: 'Chỉ tiêu, số liệu báo cáo',
};
export const PRODUCER_TYPE_VI: Record<ProducerType, string> = { cooperative: 'Hợp tác xã', company: 'Doanh nghiệp', household: 'Hộ kinh doanh' };
/** The records an edit names, as the audit log words them (client/ui/i18n-editing.ts entity_*). */
export const ENTITY_VI: Record<AuditEntity, string> = {
  recognition: 'công nhận NTM',
  product: 'sản phẩm OCOP',
  zone: 'vùng nguyên liệu',
  target: 'chỉ tiêu',
  unit: 'đơn vị hành chính',
};
/** An entity's name in Vietnamese; one the audit log does not name, as the code says it. */
const entityVi = (entity: string): string => (Object.hasOwn(ENTITY_VI, entity) ? ENTITY_VI[entity as AuditEntity] : entity);
export const IMPORT_KIND_VI: Record<ImportKindId, string> = {
  'ntm-recognitions': 'Công nhận xã NTM',
  'ocop-products': 'Sản phẩm OCOP',
  zones: 'Vùng nguyên liệu',
  boundaries: 'Ranh giới đơn vị hành chính',
};

/** A polygon's or ring's number in a message: from 1, as a person counts. */
const nth = (index: number): number => index + 1;

const SCHEMA_MESSAGES = new Map<string, Text>();

/**
 * A schema's own message: zod carries its English, and issueText (server/messages/issues.ts) finds
 * both languages again by it. Declare every message a schema check gives with this.
 */
export function schemaMessage(message: Text): string {
  SCHEMA_MESSAGES.set(message.en, message);
  return message.en;
}

/** Both languages of a schema's own message, by its English. */
export const schemaMessageText = (en: string): Text | undefined => SCHEMA_MESSAGES.get(en);

/** The checks of the write schemas (forms, imports, the API): our own words for what zod finds. */
export const fieldMessages = {
  required: { en: 'is required', vi: 'bắt buộc' },
  /** A field left out: zod's "expected string, received undefined", plainly. */
  missing: { en: 'required', vi: 'bắt buộc' },
  notText: { en: 'must be text', vi: 'phải là chữ' },
  notNumber: { en: 'must be a number', vi: 'phải là một số' },
  notBoolean: { en: 'must be true or false', vi: 'phải là true hoặc false' },
  notList: { en: 'must be a list', vi: 'phải là một danh sách' },
  notObject: { en: 'must be an object', vi: 'phải là một đối tượng JSON' },
  atLeastItems: (n: number) => bound(`at least ${n} needed`, (f) => `cần ít nhất ${f(n)}`),
  atLeast: (n: number) => bound(`must be at least ${n}`, (f) => `không được nhỏ hơn ${f(n)}`),
  atMostChars: (n: number) => bound(`at most ${n} characters`, (f) => `tối đa ${f(n)} ký tự`),
  atMostItems: (n: number) => bound(`at most ${n}`, (f) => `tối đa ${f(n)}`),
  atMost: (n: number) => bound(`must be at most ${n}`, (f) => `không được lớn hơn ${f(n)}`),
  oneOf: (values: readonly unknown[]) => {
    const list = values.map((v) => JSON.stringify(v)).join(', ');
    return { en: `must be one of ${list}`, vi: `phải là một trong các giá trị ${list}` };
  },
  invalid: { en: 'invalid', vi: 'không hợp lệ' },
  oneOfList: (list: string) => ({ en: `must be one of ${list}`, vi: `phải là một trong các giá trị ${list}` }),
  mustBeJson: { en: 'must be JSON', vi: 'phải là JSON' },
  jsonTextField: { en: 'must be a JSON text field', vi: 'phải là một trường văn bản chứa JSON' },
  notValidJson: { en: 'is not valid JSON', vi: 'không phải JSON hợp lệ' },
  textOfAtMost: (n: number) => both(`must be text of at most ${n} characters`, (f) => `phải là chữ, tối đa ${f(n)} ký tự`),
  named: (name: string, message: Text) => ({ en: `${name} ${message.en}`, vi: `${name} ${message.vi}` }),
  // Our own refinements (server/catalog/writes.ts, records.ts): their English is the schema's message.
  date: { en: 'must be a date written YYYY-MM-DD', vi: 'phải là ngày theo dạng YYYY-MM-DD' },
  futureDate: { en: 'cannot be after today', vi: 'không được sau ngày hôm nay' },
  futureYear: { en: 'cannot be after the current year', vi: 'không được sau năm hiện tại' },
  webLink: { en: 'must be a web address starting with http:// or https://', vi: 'phải là địa chỉ web bắt đầu bằng http:// hoặc https://' },
  sourceLink: { en: 'give a link or upload the document (PDF)', vi: 'cần đường dẫn hoặc tệp PDF của văn bản' },
  certificates: { en: 'at least one certificate (decision number and date)', vi: 'cần ít nhất một giấy chứng nhận (số và ngày quyết định)' },
  year: { en: 'must be a year, e.g. 2024', vi: 'phải là một năm, ví dụ 2024' },
  key: { en: 'must be a short key of lower-case letters, digits and dashes', vi: 'phải là một khoá ngắn gồm chữ thường không dấu, số và dấu gạch ngang' },
  targetOrActual: { en: 'give a target or a reported total', vi: 'cần chỉ tiêu hoặc số báo cáo' },
  communeCode: { en: 'must be a 5-digit commune code', vi: 'phải là mã xã gồm 5 chữ số' },
  districtCode: { en: 'must be a 3-digit district code', vi: 'phải là mã huyện gồm 3 chữ số' },
  unitCode: { en: 'must be a 3-digit district or 5-digit commune code', vi: 'phải là mã huyện gồm 3 chữ số hoặc mã xã gồm 5 chữ số' },
  areal: { en: 'must be a GeoJSON Polygon or MultiPolygon', vi: 'phải là một GeoJSON Polygon hoặc MultiPolygon' },
  expiryAfterDecision: { en: 'must be after the decision date', vi: 'phải sau ngày quyết định' },
  reasonProduct: { en: 'say why the product is being changed', vi: 'hãy nêu lý do sửa sản phẩm' },
  reasonZone: { en: 'say why the zone is being changed', vi: 'hãy nêu lý do sửa vùng nguyên liệu' },
  reasonTarget: { en: 'say why the target is being changed', vi: 'hãy nêu lý do sửa chỉ tiêu' },
  loginLength: { en: 'a login has 2 to 64 characters', vi: 'tên đăng nhập có từ 2 đến 64 ký tự' },
  loginChars: {
    en: 'a login uses letters a–z, digits and . _ - @, starting with a letter or digit',
    vi: 'tên đăng nhập gồm chữ a–z không dấu, chữ số và . _ - @, bắt đầu bằng chữ hoặc số',
  },
  unitRef: { en: 'a unit code has 3 (district) or 5 (commune) digits', vi: 'mã đơn vị có 3 chữ số (huyện) hoặc 5 chữ số (xã)' },
  passwordMin: (n: number) => both(`a password has at least ${n} characters`, (f) => `mật khẩu có ít nhất ${f(n)} ký tự`),
  passwordMax: (n: number) => both(`a password has at most ${n} characters`, (f) => `mật khẩu có tối đa ${f(n)} ký tự`),
  nameRequired: { en: 'a name is required', vi: 'cần có họ tên' },
  nameLength: { en: 'a name has at most 100 characters', vi: 'họ tên có tối đa 100 ký tự' },
  /** A field's message under its path, as the envelope's `message` says the first one. */
  at: (path: string, message: Text) => ({ en: `${path}: ${message.en}`, vi: `${path}: ${message.vi}` }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/**
 * The geometry checks of a drawn or uploaded shape (server/geo/validate.ts). Polygons and rings come
 * as the code indexes them (from 0) and are numbered from 1, as rows and features are and as QGIS
 * numbers a MultiPolygon's parts: the first ring is a polygon's outer one.
 */
export const geometryMessages = {
  ring: (polygon: number, ring: number) => ({ en: `polygon ${nth(polygon)}, ring ${nth(ring)}`, vi: `đa giác ${nth(polygon)}, vòng ${nth(ring)}` }),
  tooFewPositions: (where: Text) => ({
    en: `${where.en}: a ring needs at least 4 positions (the first repeated at the end)`,
    vi: `${where.vi}: một vòng cần ít nhất 4 điểm (điểm đầu lặp lại ở cuối)`,
  }),
  notPosition: (where: Text, i: number) => ({
    en: `${where.en}, position ${i}: must be [longitude, latitude] numbers`,
    vi: `${where.vi}, điểm ${i}: phải là cặp số [kinh độ, vĩ độ]`,
  }),
  notLonLat: (where: Text, i: number, p: readonly number[]) => ({
    en: `${where.en}, position ${i}: [${p[0]}, ${p[1]}] is not a longitude/latitude — was the file in another coordinate system (e.g. VN-2000)?`,
    vi: `${where.vi}, điểm ${i}: [${p[0]}, ${p[1]}] không phải kinh độ/vĩ độ — tệp có dùng hệ toạ độ khác (ví dụ VN-2000) không?`,
  }),
  notClosed: (where: Text) => ({
    en: `${where.en}: the ring is not closed (its last position must repeat the first)`,
    vi: `${where.vi}: vòng chưa khép kín (điểm cuối phải trùng điểm đầu)`,
  }),
  tooFewCorners: (where: Text) => ({
    en: `${where.en}: a ring needs at least 3 distinct corners ~1 m apart`,
    vi: `${where.vi}: một vòng cần ít nhất 3 đỉnh khác nhau, cách nhau khoảng 1 m trở lên`,
  }),
  noArea: (where: Text) => ({
    en: `${where.en}: the ring has no area (all its corners lie on one line)`,
    vi: `${where.vi}: vòng không có diện tích (mọi đỉnh nằm trên một đường thẳng)`,
  }),
  notAreal: (type: string) => ({
    en: `geometry must be a Polygon or MultiPolygon, got ${type}`,
    vi: `hình phải là Polygon hoặc MultiPolygon, không phải ${type}`,
  }),
  partsOverlap: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} overlap: the parts of a MultiPolygon may touch only at points (merge them into one polygon, or cut one)`,
    vi: `đa giác ${nth(i)} và ${nth(j)} chồng lên nhau: các phần của một MultiPolygon chỉ được chạm nhau tại điểm (hãy gộp thành một đa giác, hoặc cắt bớt một phần)`,
  }),
  partsUndecided: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} touch where whether they overlap could not be worked out: move them apart, or merge them`,
    vi: `đa giác ${nth(i)} và ${nth(j)} chạm nhau ở chỗ không xác định được có chồng lên nhau hay không: hãy tách chúng ra, hoặc gộp lại`,
  }),
  partsShareEdge: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} share an edge: the parts of a MultiPolygon may touch only at points (merge them into one polygon)`,
    vi: `đa giác ${nth(i)} và ${nth(j)} có chung một cạnh: các phần của một MultiPolygon chỉ được chạm nhau tại điểm (hãy gộp thành một đa giác)`,
  }),
  partInside: (inner: number, outer: number) => ({
    en: `polygon ${nth(inner)} lies inside polygon ${nth(outer)}: the parts of a MultiPolygon may not overlap (a hole is a ring of its polygon, not another polygon)`,
    vi: `đa giác ${nth(inner)} nằm trong đa giác ${nth(outer)}: các phần của một MultiPolygon không được chồng lên nhau (lỗ thủng là một vòng của đa giác đó, không phải một đa giác khác)`,
  }),
  noRings: (polygon: number) => ({ en: `polygon ${nth(polygon)}: has no rings`, vi: `đa giác ${nth(polygon)}: không có vòng nào` }),
  tooManyVertices: (vertices: number, max: number) =>
    both(
      `the shape has ${vertices} vertices; at most ${max} are accepted (simplify it)`,
      (f) => `hình có ${f(vertices)} đỉnh; chỉ nhận tối đa ${f(max)} đỉnh (hãy đơn giản hoá hình)`,
    ),
  crossesItself: (polygon: number, met: number) =>
    both(
      `polygon ${nth(polygon)} crosses itself (${met} self-intersection${met > 1 ? 's' : ''})`,
      (f) => `đa giác ${nth(polygon)} tự cắt chính nó (${f(met)} chỗ tự cắt)`,
    ),
  /** Rounded down by the caller: 94.96 % must not read as the 95 % required. */
  tooLittleInside: (percent: number, required: number) =>
    both(
      `only ${percent} % of the shape lies in the province (at least ${required} % is required)`,
      (f) => `chỉ ${f(percent)} % diện tích hình nằm trong tỉnh (cần ít nhất ${f(required)} %)`,
    ),
} as const satisfies Record<string, (...args: never[]) => Text>;

/** Reading the cells of an imported table (server/imports/tables/cells.ts). */
export const cellMessages = {
  notDate: { en: 'is not a date', vi: 'không phải là ngày' },
  notDateText: (s: string) => ({
    en: `"${s}" is not a date; write YYYY-MM-DD or DD/MM/YYYY`,
    vi: `"${s}" không phải là ngày; hãy viết YYYY-MM-DD hoặc DD/MM/YYYY`,
  }),
  notWholeNumber: (s: string | number) => ({ en: `"${s}" is not a whole number`, vi: `"${s}" không phải là số nguyên` }),
  notNumber: (s: string | number) => ({ en: `"${s}" is not a number`, vi: `"${s}" không phải là số` }),
  notOneOf: (s: string, choices: string) => ({ en: `"${s}" is not one of: ${choices}`, vi: `"${s}" không thuộc các giá trị: ${choices}` }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

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
  /** `years`: the unit set as staff call it (unitSetYears): "2020–2025". */
  communeNameMismatch: (code: string, fullName: string, years: string, name: string) => ({
    en: `${code} is ${fullName} in the ${years} units, not “${name}”: check the code`,
    vi: `mã ${code} là ${fullName} trong bộ đơn vị ${years}, không phải “${name}”: hãy kiểm tra lại mã`,
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
  /** `years`: the unit set as staff call it (unitSetYears): "2020–2025". */
  unitSetLabel: (years: string, communes: number) =>
    both(`the ${years} unit set (${communes} communes)`, (f) => `bộ đơn vị ${years} (${f(communes)} đơn vị cấp xã)`),
  boundarySource: {
    en: 'give the source of the boundaries (title, date, and a link or the PDF)',
    vi: 'hãy ghi nguồn của ranh giới (tên văn bản, ngày, và đường dẫn hoặc tệp PDF)',
  },
  // Limits and files
  tooManyRows: (name: string, rows: number | null, max: number) =>
    rows === null
      ? both(
          `${name} holds more than ${max} rows; at most ${max} are accepted in one import`,
          (f) => `${name} có hơn ${f(max)} dòng; mỗi lần nhập chỉ nhận tối đa ${f(max)} dòng`,
        )
      : both(
          `${name} holds ${rows} features; at most ${max} are accepted in one import`,
          (f) => `${name} có ${f(rows)} đối tượng; mỗi lần nhập chỉ nhận tối đa ${f(max)} đối tượng`,
        ),
  tooManyVertices: (name: string, vertices: number, max: number) =>
    both(
      `${name} holds ${vertices} vertices; at most ${max} are accepted in one import (simplify the shapes)`,
      (f) => `${name} có ${f(vertices)} đỉnh; mỗi lần nhập chỉ nhận tối đa ${f(max)} đỉnh (hãy đơn giản hoá các hình)`,
    ),
  fileTooLarge: (name: string, size: Text, max: Text) => ({
    en: `${name} is ${size.en}; at most ${max.en} are accepted`,
    vi: `${name} có dung lượng ${size.vi}; chỉ nhận tối đa ${max.vi}`,
  }),
  uploadTooLarge: (max: Text) => ({
    en: `The upload is larger than ${max.en}; split the file or raise IMPORT_MAX_BYTES`,
    vi: `Tệp tải lên lớn hơn ${max.vi}; hãy chia nhỏ tệp hoặc tăng IMPORT_MAX_BYTES`,
  }),
  archiveUnpacked: (max: Text) => ({
    en: `the archive's contents exceed ${max.en} once unpacked; such archives are refused`,
    vi: `nội dung tệp nén khi giải nén vượt quá ${max.vi}; không nhận những tệp nén như vậy`,
  }),
  archiveEntries: (count: number, max: number) =>
    both(`the archive holds ${count} entries; at most ${max} are accepted`, (f) => `tệp nén có ${f(count)} mục; chỉ nhận tối đa ${f(max)} mục`),
  size: (value: number, unit: 'MiB' | 'KiB') => both(`${value} ${unit}`, (f) => `${f(value)} ${unit}`),
  missingColumns: (name: string, columns: readonly string[], kind: string) =>
    columns.length > 1
      ? {
          en: `${name} lacks the columns ${columns.join(', ')}; start from the template (GET /api/imports/templates/${kind}.xlsx)`,
          vi: `${name} thiếu các cột ${columns.join(', ')}; hãy bắt đầu từ tệp mẫu (GET /api/imports/templates/${kind}.xlsx)`,
        }
      : {
          en: `${name} lacks the column ${columns.join(', ')}; start from the template (GET /api/imports/templates/${kind}.xlsx)`,
          vi: `${name} thiếu cột ${columns.join(', ')}; hãy bắt đầu từ tệp mẫu (GET /api/imports/templates/${kind}.xlsx)`,
        },
  emptyFile: (name: string) => ({ en: `${name} is empty`, vi: `${name} là tệp trống` }),
  noRows: (name: string) => ({ en: `${name} has a header but no rows to import`, vi: `${name} có dòng tiêu đề nhưng không có dòng dữ liệu nào để nhập` }),
  noFeatures: (name: string) => ({ en: `${name} holds no features`, vi: `${name} không có đối tượng nào` }),
  columnTwice: (name: string, column: string) => ({ en: `${name} has the column ${column} twice`, vi: `${name} có cột ${column} hai lần` }),
  // Coordinate systems (server/imports/crs-choice.ts)
  crsChoices: (local: string, localName: string) => ({
    en: `WGS 84 (CRS84), VN-2000 (EPSG:4756), VN-2000 / UTM 48N (EPSG:3405) or a VN-2000 / TM-3 zone (EPSG:9205–9218; the province's own is ${local}, ${localName})`,
    vi: `WGS 84 (CRS84), VN-2000 (EPSG:4756), VN-2000 / UTM 48N (EPSG:3405) hoặc một múi VN-2000 / TM-3 (EPSG:9205–9218; múi của tỉnh là ${local}, ${localName})`,
  }),
  /** Where a file's coordinate system was read (server/imports/formats/**), when not the file's own words. */
  crsSaidKml: { en: 'KML (always WGS 84 longitude/latitude)', vi: 'KML (luôn dùng kinh độ/vĩ độ WGS 84)' },
  crsSaidGeoJson: {
    en: 'GeoJSON without a crs member (RFC 7946: WGS 84 longitude/latitude)',
    vi: 'GeoJSON không có thành phần crs (RFC 7946: kinh độ/vĩ độ WGS 84)',
  },
  crsSaidMember: (json: string) => ({ en: `crs member ${json}`, vi: `thành phần crs ${json}` }),
  crsSaidUser: { en: 'chosen by the user', vi: 'do người dùng chọn' },
  crsConflict: (stated: string, name: string, said: Text, chosen: string) => ({
    en: `the file says its coordinates are in ${stated} (${name}, from its ${said.en}) but ${chosen} was chosen; leave the choice empty or fix the file`,
    vi: `tệp ghi toạ độ theo ${stated} (${name}, theo ${said.vi}) nhưng đã chọn ${chosen}; hãy để trống lựa chọn hoặc sửa tệp`,
  }),
  crsKml: (chosen: string) => ({
    en: `KML is always WGS 84 longitude/latitude; ${chosen} cannot be chosen for it`,
    vi: `KML luôn dùng kinh độ/vĩ độ WGS 84; không chọn được ${chosen} cho tệp KML`,
  }),
  crsUnknown: (said: Text, choices: Text, local: string) => ({
    en: `the file's coordinate system (${said.en}) is not one this app knows; if it is ${choices.en}, choose it, otherwise reproject the file (QGIS: Export → Save Features As…, CRS ${local})`,
    vi: `hệ toạ độ của tệp (${said.vi}) không phải hệ mà ứng dụng biết; nếu đó là ${choices.vi} thì hãy chọn hệ đó, nếu không hãy chuyển hệ toạ độ của tệp (QGIS: Export → Save Features As…, CRS ${local})`,
  }),
  crsMissing: (choices: Text) => ({
    en: `the file does not say its coordinate system (a shapefile needs its .prj); choose it: ${choices.en}`,
    vi: `tệp không ghi hệ toạ độ (shapefile cần tệp .prj); hãy chọn hệ toạ độ: ${choices.vi}`,
  }),
  crsMetres: (x: number, y: number, said: Text, localName: string, local: string) => ({
    en: `coordinates such as [${x}, ${y}] are projected metres, not longitude/latitude (${said.en}); choose the file's coordinate system, e.g. ${localName} (${local})`,
    vi: `các toạ độ như [${x}, ${y}] là toạ độ phẳng tính bằng mét, không phải kinh độ/vĩ độ (${said.vi}); hãy chọn hệ toạ độ của tệp, ví dụ ${localName} (${local})`,
  }),
  crsDegrees: (x: number, y: number, code: string, name: string) => ({
    en: `coordinates such as [${x}, ${y}] look like degrees, but ${code} (${name}) is in metres; check the coordinate system`,
    vi: `các toạ độ như [${x}, ${y}] có vẻ là độ, nhưng ${code} (${name}) tính bằng mét; hãy kiểm tra hệ toạ độ`,
  }),
  // Map and table files
  formatsHint: {
    en: 'upload GeoJSON (.geojson), KML or KMZ, a zipped shapefile (.zip with .shp, .shx, .dbf, .prj) or a GeoPackage (.gpkg)',
    vi: 'hãy tải lên GeoJSON (.geojson), KML hoặc KMZ, shapefile nén zip (.zip gồm .shp, .shx, .dbf, .prj) hoặc GeoPackage (.gpkg)',
  },
  zipWithoutMap: (name: string, hint: Text) => ({
    en: `the zip archive ${name} holds no shapefile, KML or GeoJSON; ${hint.en}`,
    vi: `tệp nén ${name} không chứa shapefile, KML hay GeoJSON; ${hint.vi}`,
  }),
  notJsonFile: (why: string) => ({ en: `the file is not valid JSON: ${why}`, vi: `tệp không phải JSON hợp lệ: ${why}` }),
  notGeoJsonObject: { en: 'the file is not a GeoJSON object', vi: 'tệp không phải một đối tượng GeoJSON' },
  notFeatureCollection: (type: string) => ({
    en: `the file is not GeoJSON: expected a FeatureCollection, got type ${type}`,
    vi: `tệp không phải GeoJSON: cần một FeatureCollection, nhưng type là ${type}`,
  }),
  notFeature: (i: number) => ({ en: `feature ${i} is not a GeoJSON Feature`, vi: `đối tượng ${i} không phải một GeoJSON Feature` }),
  noShapefile: { en: 'the zip archive holds no shapefile (.shp)', vi: 'tệp nén không chứa shapefile (.shp) nào' },
  manyShapefiles: (names: readonly string[]) =>
    both(
      `the zip archive holds ${names.length} shapefiles (${names.join(', ')}); upload one layer per file`,
      (f) => `tệp nén chứa ${f(names.length)} shapefile (${names.join(', ')}); mỗi tệp chỉ được chứa một lớp`,
    ),
  noDbf: (stem: string) => ({
    en: `${stem}.dbf is missing from the archive: a shapefile's attributes (codes, names) are in its .dbf`,
    vi: `tệp nén thiếu ${stem}.dbf: thuộc tính của shapefile (mã, tên) nằm trong tệp .dbf`,
  }),
  noShx: (stem: string) => ({
    en: `${stem}.shx is missing from the archive: a shapefile is its .shp, .shx and .dbf (and .prj)`,
    vi: `tệp nén thiếu ${stem}.shx: một shapefile gồm các tệp .shp, .shx và .dbf (và .prj)`,
  }),
  shpUnreadable: (stem: string, why: string) => ({ en: `${stem}.shp could not be read: ${why}`, vi: `không đọc được ${stem}.shp: ${why}` }),
  shpDbfMismatch: (stem: string, shapes: number, records: number) =>
    both(
      `${stem}.shp has ${shapes} shapes but ${stem}.dbf has ${records} records; the files do not belong together`,
      (f) => `${stem}.shp có ${f(shapes)} hình nhưng ${stem}.dbf có ${f(records)} bản ghi; hai tệp không khớp với nhau`,
    ),
  badGeometry: (what: Text, why: Text) => ({ en: `${what.en}: ${why.en}`, vi: `${what.vi}: ${why.vi}` }),
  theGeometry: { en: 'the geometry', vi: 'hình' },
  featureN: (n: number) => both(`feature ${n}`, (f) => `đối tượng ${f(n)}`),
  notGeometryObject: { en: 'the geometry is not a GeoJSON geometry object', vi: 'hình không phải một đối tượng hình học GeoJSON' },
  collectionNeedsGeometries: { en: 'a GeometryCollection needs a "geometries" array', vi: 'một GeometryCollection cần mảng "geometries"' },
  unknownGeometryType: (type: string) => ({ en: `unknown geometry type ${type}`, vi: `không biết kiểu hình ${type}` }),
  badNesting: (type: string, depth: number) => ({
    en: `a ${type}'s coordinates must be ${depth === 0 ? 'a position' : `arrays nested ${depth} deep`} of [x, y] numbers`,
    vi: `toạ độ của ${type} phải là ${depth === 0 ? 'một điểm' : `các mảng lồng ${depth} tầng`} gồm các số [x, y]`,
  }),
  // Zip archives (server/imports/formats/archive.ts)
  zipDamaged: (where: string | null) =>
    where === null
      ? { en: 'the zip archive is damaged: its central directory was not found', vi: 'tệp nén bị hỏng: không tìm thấy thư mục trung tâm' }
      : { en: `the zip archive is damaged at "${where}"`, vi: `tệp nén bị hỏng ở "${where}"` },
  zip64: { en: 'ZIP64 archives are not accepted: the archive is too large', vi: 'không nhận tệp nén ZIP64: tệp nén quá lớn' },
  zipEntryMalformed: { en: 'the zip archive is damaged: a directory entry is malformed', vi: 'tệp nén bị hỏng: một mục trong thư mục sai cấu trúc' },
  unsafeEntry: (name: string, why: 'backslashes' | 'absolute' | 'climbs' | 'nul' | 'symlink') => {
    const en = {
      backslashes: 'uses backslashes',
      absolute: 'is an absolute path',
      climbs: 'climbs out of the archive (..)',
      nul: 'holds a NUL character',
      symlink: 'is a symbolic link',
    }[why];
    const vi = {
      backslashes: 'dùng dấu gạch chéo ngược',
      absolute: 'là đường dẫn tuyệt đối',
      climbs: 'trỏ ra ngoài tệp nén (..)',
      nul: 'chứa ký tự NUL',
      symlink: 'là liên kết tượng trưng',
    }[why];
    return { en: `the archive entry "${name}" ${en}; such archives are refused`, vi: `mục "${name}" trong tệp nén ${vi}; không nhận những tệp nén như vậy` };
  },
  entryTwice: (name: string) => ({ en: `the archive holds "${name}" twice`, vi: `tệp nén có "${name}" hai lần` }),
  entryEncrypted: (name: string) => ({
    en: `the archive entry "${name}" is encrypted; upload it without a password`,
    vi: `mục "${name}" trong tệp nén được mã hoá; hãy tải lên tệp không đặt mật khẩu`,
  }),
  entryMethod: (name: string, method: number) => ({
    en: `the archive entry "${name}" uses compression method ${method}; only stored and deflated entries are read`,
    vi: `mục "${name}" trong tệp nén dùng phương pháp nén ${method}; chỉ đọc được mục không nén hoặc nén deflate`,
  }),
  entryCutShort: (name: string) => ({ en: `the zip archive is damaged: "${name}" is cut short`, vi: `tệp nén bị hỏng: "${name}" bị cắt cụt` }),
  entryUnpack: (name: string, why: string) => ({
    en: `the archive entry "${name}" could not be unpacked: ${why}`,
    vi: `không giải nén được mục "${name}": ${why}`,
  }),
  entryShort: (name: string) => ({ en: `the archive entry "${name}" is cut short`, vi: `mục "${name}" trong tệp nén bị cắt cụt` }),
  // GeoPackage and KML
  gpkgDamaged: (why: string) => ({ en: `the GeoPackage is damaged: ${why}`, vi: `tệp GeoPackage bị hỏng: ${why}` }),
  gpkgNotGpkg: (table: string) => ({
    en: `the file is an SQLite database but not a GeoPackage: it has no ${table} table`,
    vi: `tệp là cơ sở dữ liệu SQLite nhưng không phải GeoPackage: không có bảng ${table}`,
  }),
  gpkgNoTable: { en: 'the GeoPackage holds no feature table', vi: 'tệp GeoPackage không có bảng đối tượng nào' },
  gpkgChooseTable: (names: readonly string[]) =>
    both(
      `the GeoPackage holds ${names.length} feature tables (${names.join(', ')}); choose one`,
      (f) => `tệp GeoPackage có ${f(names.length)} bảng đối tượng (${names.join(', ')}); hãy chọn một bảng`,
    ),
  gpkgNoSuchTable: (layer: string, names: readonly string[]) => ({
    en: `the GeoPackage has no feature table "${layer}"; it has ${names.join(', ')}`,
    vi: `tệp GeoPackage không có bảng đối tượng "${layer}"; các bảng là ${names.join(', ')}`,
  }),
  gpkgListsMissing: (name: string) => ({
    en: `the GeoPackage lists a table "${name}" it does not hold`,
    vi: `tệp GeoPackage liệt kê bảng "${name}" nhưng không có bảng đó`,
  }),
  gpkgTooManyRows: (table: string, count: number, max: number) =>
    both(
      `the table ${table} holds ${count} features; at most ${max} are accepted`,
      (f) => `bảng ${table} có ${f(count)} đối tượng; chỉ nhận tối đa ${f(max)} đối tượng`,
    ),
  gpkgBadGeometry: (row: number, table: string, why: string) => ({
    en: `feature ${row} of ${table}: its geometry cannot be read (${why})`,
    vi: `đối tượng ${row} của ${table}: không đọc được hình (${why})`,
  }),
  kmlDtd: {
    en: 'the KML file declares a DTD or entities; remove the <!DOCTYPE …> and upload it again',
    vi: 'tệp KML khai báo DTD hoặc entity; hãy xoá <!DOCTYPE …> rồi tải lên lại',
  },
  kmlNotXml: (why: string | null) => ({
    en: `the KML file is not well-formed XML: ${why ?? 'no root element'}`,
    vi: `tệp KML không phải XML hợp lệ: ${why ?? 'không có phần tử gốc'}`,
  }),
  kmlRoot: (root: string) => ({ en: `the file is not KML: its root element is <${root}>`, vi: `tệp không phải KML: phần tử gốc là <${root}>` }),
  // The upload form
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
  /** A row's record as a refusal names it; `years` is the unit set as staff call it (unitSetYears). */
  recognitionLabel: (commune: string, code: string, years: string, status: Text, yearFor: number | null) => ({
    en: `${commune} (${code}, ${years} unit set): recognition “${status.en}” ${yearFor === null ? '(year not given)' : `for ${yearFor}`}`,
    vi: `${commune} (${code}, bộ đơn vị ${years}): công nhận “${status.vi}” ${yearFor === null ? '(chưa ghi năm)' : `năm ${yearFor}`}`,
  }),
  boundariesLabel: (set: Text) => ({ en: `boundaries of ${set.en}`, vi: `ranh giới ${set.vi}` }),
  mayNotImport: (login: string, role: Role, kind: ImportKindId, programme: Programme) => ({
    en: `${login} (${role}) may not import ${kind}: it needs the editor role with the ${programme} programme`,
    vi: `${login} (${ROLE_VI[role]}) không được nhập “${IMPORT_KIND_VI[kind]}”: cần vai trò Biên tập với lĩnh vực ${PROGRAMME_VI[programme]}`,
  }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/**
 * Warnings, not refusals: what a form and an import preview point out about a change the data
 * allows but a person should look at twice (server/domain/zone-area.ts, same-year.ts).
 */
export const warningMessages = {
  /** A zone's stated area against its drawn shape's (measured, rounded by approximateHa): the stated figure stays as given. */
  areaDisagrees: (statedHa: number, measuredHa: number, factor: number) =>
    both(
      `the stated area, ${statedHa} ha, and the area the drawn shape measures, about ${measuredHa} ha, differ by more than ${factor}×: the stated figure is kept as its source gives it; check it, or the shape`,
      (f) =>
        `diện tích ghi, ${f(statedHa)} ha, và diện tích đo trên hình vẽ, khoảng ${f(measuredHa)} ha, chênh nhau quá ${f(factor)} lần: số liệu ghi được giữ nguyên như nguồn nêu; hãy kiểm tra lại số liệu hoặc hình vẽ`,
    ),
  /** A commune's recognition for a year it already has one for: the one on record, named by status, decision and source. */
  sameYearRecognition: (status: Text, year: number, decision: string | null, sources: string) => ({
    en: `the commune already has a recognition for ${year}: “${status.en}”${decision ? `, decision ${decision}` : ''}${sources ? ` (source: ${sources})` : ''}; this adds a second one for that year — if it corrects that record, correct it instead`,
    vi: `xã đã có công nhận năm ${year}: “${status.vi}”${decision ? `, quyết định ${decision}` : ''}${sources ? ` (nguồn: ${sources})` : ''}; thao tác này thêm lần công nhận thứ hai cho cùng năm — nếu là đính chính, hãy sửa bản ghi đó thay vì thêm mới`,
  }),
  /** Two rows of one import giving a commune recognitions (of different statuses) for the same year. */
  sameYearInFile: (earlierRow: number, year: number) =>
    both(
      `row ${earlierRow} already gives this commune a recognition for ${year}; this row adds a second one for that year`,
      (f) => `dòng ${f(earlierRow)} đã ghi công nhận năm ${year} cho xã này; dòng này thêm lần công nhận thứ hai cho cùng năm`,
    ),
} as const satisfies Record<string, (...args: never[]) => Text>;

/** Editing records (server/edits/**): what the data says about a change the schemas let through. */
export const editMessages = {
  noShapeNoCommunes: {
    en: 'draw or upload the zone’s shape, or name the communes it covers',
    vi: 'hãy vẽ hoặc tải lên hình của vùng, hoặc chọn các xã có vùng nằm trên địa bàn',
  },
  noCommune: (code: string, set: string) => ({
    en: `no commune-level unit ${code} in the ${set} unit set`,
    vi: `không có đơn vị cấp xã mã ${code} trong bộ đơn vị ${set}`,
  }),
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
  noCommuneNew: (code: string) => ({ en: `no commune ${code} in the 2020–2025 units`, vi: `không có xã ${code} trong bộ đơn vị 2020–2025` }),
  noDistrictNew: (code: string) => ({ en: `no district ${code} in the 2020–2025 units`, vi: `không có huyện ${code} trong bộ đơn vị 2020–2025` }),
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
  // The Vietnamese as the audit page words these (client/ui/i18n-editing.ts), change numbers marked #.
  alreadyReverted: (id: number, by: number) => ({
    en: `change ${id} was already reverted by change ${by}`,
    vi: `Thay đổi #${id} đã được hoàn tác bởi thay đổi #${by}`,
  }),
  changedAgain: (entity: string, entityId: string, id: number, later: readonly number[]) => ({
    en: `${entity} ${entityId} was changed again after change ${id} (by change ${later.join(', ')}); revert those first`,
    vi: `${entityId} đã được sửa tiếp sau thay đổi #${id} (bởi thay đổi ${later.map((n) => `#${n}`).join(', ')}); hãy hoàn tác các thay đổi đó trước`,
  }),
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
  noNewBoundary: (code: string, set: string) => ({
    en: `no new boundary for unit ${code} of the ${set} set`,
    vi: `không có ranh giới mới cho đơn vị ${code} của bộ đơn vị ${set}`,
  }),
  notFound: (what: 'recognition' | 'product' | 'zone' | 'target', id: string) => {
    const en = { recognition: 'recognition', product: 'OCOP product', zone: 'zone', target: 'target' }[what];
    const vi = { recognition: 'lần công nhận', product: 'sản phẩm OCOP', zone: 'vùng nguyên liệu', target: 'chỉ tiêu' }[what];
    return { en: `no ${en} ${id}`, vi: `không có ${vi} ${id}` };
  },
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/** OGC API – Features (server/routes/ogc/**): what a GIS client such as QGIS is told. */
export const ogcMessages = {
  featureTooLarge: {
    en: 'A feature may be at most 4 MiB; import larger shapes through /api/imports',
    vi: 'Một đối tượng có dung lượng tối đa 4 MiB; hãy đưa các hình lớn hơn vào qua /api/imports',
  },
  readOnly: (id: string, method: string, allow: readonly string[]) => ({
    en: `${id} is read-only: ${method} is not allowed; it answers ${allow.join(', ')}`,
    vi: `${id} chỉ để đọc: không nhận phương thức ${method}; chỉ nhận ${allow.join(', ')}`,
  }),
  notGeoJson: {
    en: 'Send the feature as GeoJSON with "Content-Type: application/geo+json"',
    vi: 'Hãy gửi đối tượng dạng GeoJSON với "Content-Type: application/geo+json"',
  },
  notFeature: { en: 'The body must be a GeoJSON Feature with properties', vi: 'Nội dung gửi lên phải là một GeoJSON Feature có properties' },
  unknownContentCrs: (crs: string) => ({
    en: `Content-Crs ${crs} is not a CRS this service knows (see the collection's crs list)`,
    vi: `Content-Crs ${crs} không phải hệ toạ độ mà dịch vụ này biết (xem danh sách crs của lớp dữ liệu)`,
  }),
  geometryNotInCrs: {
    en: 'geometry: its coordinates could not be read in the Content-Crs given',
    vi: 'geometry: không đọc được toạ độ theo Content-Crs đã ghi',
  },
  noFeature: (id: string, collection: string, asOf: string | null) =>
    asOf === null
      ? { en: `no feature "${id}" in ${collection}`, vi: `không có đối tượng "${id}" trong ${collection}` }
      : {
          en: `no feature "${id}" in ${collection} as of ${asOf}; list them at /ogc/collections/${collection}/items`,
          vi: `không có đối tượng "${id}" trong ${collection} tại ngày ${asOf}; xem danh sách tại /ogc/collections/${collection}/items`,
        },
  noFeatureListed: (id: string, collection: string) => ({
    en: `no feature "${id}" in ${collection}; list them at /ogc/collections/${collection}/items`,
    vi: `không có đối tượng "${id}" trong ${collection}; xem danh sách tại /ogc/collections/${collection}/items`,
  }),
  needsSource: {
    en: 'an edit names the document it comes from: give sourceTitle, sourceDate and sourceUrl with the changed attributes',
    vi: 'mỗi lần sửa phải ghi văn bản nguồn: hãy ghi sourceTitle, sourceDate và sourceUrl cùng các thuộc tính đã sửa',
  },
  noDeletion: (method: string, allow: readonly string[]) => ({
    en: `a deletion names the source it is made on, which ${method} cannot carry: delete the feature in the app (its edit form); this item answers ${allow.join(', ')}`,
    vi: `việc xoá phải ghi nguồn, mà ${method} không mang được: hãy xoá đối tượng trong ứng dụng (biểu mẫu sửa của nó); đối tượng này nhận ${allow.join(', ')}`,
  }),
  bboxCrsAlone: { en: 'bbox-crs is given without bbox: it names the CRS of bbox', vi: 'có bbox-crs mà không có bbox: bbox-crs là hệ toạ độ của bbox' },
  notDated: (id: string) => ({
    en: `datetime does not apply to ${id}: its features are not dated; leave datetime out`,
    vi: `datetime không áp dụng cho ${id}: các đối tượng không có ngày; hãy bỏ datetime`,
  }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/** Logins, sessions, accounts and API tokens (server/auth/**, the session, account and user routes). */
export const authMessages = {
  loginFailed: { en: 'Wrong login or password, or the account is disabled', vi: 'Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá' },
  tooManyAttempts: (seconds: number) =>
    both(`Too many failed logins; try again in ${seconds} s`, (f) => `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${f(seconds)} giây`),
  needsLogin: (method: string, path: string) => ({
    en: `${method} ${path} needs a login (POST /api/session) or an API token`,
    vi: `${method} ${path} cần đăng nhập (POST /api/session) hoặc một API token`,
  }),
  deploymentNeedsLogin: (path: string) => ({
    en: `This deployment needs a login for ${path}: log in (POST /api/session) or send an API token`,
    vi: `Bản đồ này cần đăng nhập để xem ${path}: hãy đăng nhập (POST /api/session) hoặc gửi một API token`,
  }),
  needsRole: (method: string, path: string, roles: readonly Role[], login: string, role: Role) => ({
    en: `${method} ${path} needs the role ${roles.join(' or ')}; ${login} is ${role}`,
    vi: `${method} ${path} cần vai trò ${roles.map((r) => ROLE_VI[r]).join(' hoặc ')}; ${login} có vai trò ${ROLE_VI[role]}`,
  }),
  needsSession: (method: string, path: string) => ({
    en: `${method} ${path} needs a login session; API tokens cannot manage accounts`,
    vi: `${method} ${path} cần một phiên đăng nhập; API token không được quản lý tài khoản`,
  }),
  mayNotEdit: (login: string, role: Role, programme: Programme, where: Text) => ({
    en: `${login} (${role}) may not edit ${programme}${where.en}`,
    vi: `${login} (${ROLE_VI[role]}) không được sửa dữ liệu ${PROGRAMME_VI[programme]}${where.vi}`,
  }),
  inUnit: (set: string, code: string) => ({ en: ` on unit ${code} of the ${set} unit set`, vi: ` ở đơn vị ${code} của bộ đơn vị ${set}` }),
  nowhere: { en: '', vi: '' },
  invalidToken: {
    en: 'The API token is unknown, revoked or expired (send "Authorization: Bearer dbm_…"); create one under your account',
    vi: 'API token không tồn tại, đã bị thu hồi hoặc đã hết hạn (gửi "Authorization: Bearer dbm_…"); hãy tạo token mới trong mục tài khoản',
  },
  csrfOrigin: (origin: string, expected: string) => ({
    en: `Cross-site request refused: Origin ${origin} is not ${expected}`,
    vi: `Yêu cầu từ trang khác bị từ chối: Origin ${origin} không phải ${expected}`,
  }),
  csrfSite: (site: string) => ({
    en: `Cross-site request refused (Sec-Fetch-Site: ${site})`,
    vi: `Yêu cầu từ trang khác bị từ chối (Sec-Fetch-Site: ${site})`,
  }),
  csrfToken: {
    en: 'Missing or wrong X-CSRF-Token header: send the csrfToken that GET /api/session returns',
    vi: 'Thiếu hoặc sai tiêu đề X-CSRF-Token: hãy gửi csrfToken mà GET /api/session trả về',
  },
  noUser: (id: number) => ({ en: `No user with id ${id}`, vi: `Không có người dùng có id ${id}` }),
  invalidScope: (role: Role) => ({
    en: `only editors are scoped to programmes and units; a ${role} has none`,
    vi: `chỉ Biên tập viên mới được giới hạn theo lĩnh vực và đơn vị; vai trò ${ROLE_VI[role]} thì không`,
  }),
  unknownUnit: (code: string, set: string) => ({
    en: `units: no unit ${code} in the ${set} unit set`,
    vi: `units: không có đơn vị ${code} trong bộ đơn vị ${set}`,
  }),
  editorNeedsProgramme: { en: 'an editor needs at least one programme', vi: 'Biên tập viên cần ít nhất một lĩnh vực' },
  editorNeedsProgrammeAt: (programmes: readonly Programme[]) => ({
    en: `programmes: an editor needs at least one programme (${programmes.join(', ')}); otherwise they can edit nothing`,
    vi: `programmes: Biên tập viên cần ít nhất một lĩnh vực (${programmes.map((p) => PROGRAMME_VI[p]).join(', ')}); không có lĩnh vực nào thì không sửa được gì`,
  }),
  lastAdmin: (login: string) => ({
    en: `${login} is the last active admin; make another admin first`,
    vi: `${login} là quản trị viên cuối cùng còn hoạt động; hãy chỉ định một quản trị viên khác trước`,
  }),
  loginTaken: (login: string) => ({ en: `login: ${login} is already taken`, vi: `login: tên đăng nhập ${login} đã có người dùng` }),
  wrongPassword: { en: 'currentPassword: the current password is not correct', vi: 'currentPassword: mật khẩu hiện tại không đúng' },
  commonPassword: {
    en: 'this is one of the most common passwords; choose a phrase of your own',
    vi: 'đây là một trong những mật khẩu phổ biến nhất; hãy chọn một cụm từ của riêng bạn',
  },
  passwordHasLogin: { en: 'the password must not contain the login', vi: 'mật khẩu không được chứa tên đăng nhập' },
  passwordSystemWords: {
    en: 'the password must not be made of the name of this system, its programmes or its places',
    vi: 'mật khẩu không được chỉ gồm tên của hệ thống này, các chương trình hay các địa danh của tỉnh',
  },
  weakPassword: (problem: Text) => ({ en: `password: ${problem.en}`, vi: `password: ${problem.vi}` }),
  noToken: (id: number, login: string | null) =>
    login === null
      ? { en: `You have no API token with id ${id}`, vi: `Bạn không có API token nào có id ${id}` }
      : { en: `${login} has no API token with id ${id}`, vi: `${login} không có API token nào có id ${id}` },
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/** Query and path parameters (server/catalog/params.ts, server/http/params.ts). */
export const paramMessages = {
  named: (name: string, message: Text) => ({ en: `${name}: ${message.en}`, vi: `${name}: ${message.vi}` }),
  date: (name: string, raw: string) => ({
    en: `${name} must be a date written YYYY-MM-DD, got "${raw}"`,
    vi: `${name} phải là ngày theo dạng YYYY-MM-DD, nhận được "${raw}"`,
  }),
  dateRange: (name: string, min: string, max: string, why: Text, raw: string) => ({
    en: `${name} must be between ${min} and ${max} (${why.en}), got ${raw}`,
    vi: `${name} phải từ ${min} đến ${max} (${why.vi}), nhận được ${raw}`,
  }),
  list: (name: string, values: string, raw: string) => ({
    en: `${name} must be one or more of ${values} (comma-separated), got "${raw}"`,
    vi: `${name} phải là một hoặc nhiều giá trị trong ${values} (cách nhau bằng dấu phẩy), nhận được "${raw}"`,
  }),
  choice: (name: string, values: string, raw: string) => ({
    en: `${name} must be one of ${values}, got "${raw}"`,
    vi: `${name} phải là một trong các giá trị ${values}, nhận được "${raw}"`,
  }),
  boolean: (name: string, raw: string) => ({ en: `${name} must be true or false, got "${raw}"`, vi: `${name} phải là true hoặc false, nhận được "${raw}"` }),
  district: (name: string, set: '2019' | '2020', codes: string, raw: string) => ({
    en: `${name} must be a district code of ${set === '2019' ? 'the 2019 units' : 'the 2020–2025 units'} (${codes}), got "${raw}"`,
    vi: `${name} phải là mã huyện của ${set === '2019' ? 'bộ đơn vị 2019' : 'bộ đơn vị 2020–2025'} (${codes}), nhận được "${raw}"`,
  }),
  search: (name: string, length: number) =>
    both(`${name} must be at most 100 characters, got ${length}`, (f) => `${name} có tối đa 100 ký tự, nhận được ${f(length)}`),
  unknown: (name: string, allowed: readonly string[]) => ({
    en: `unknown parameter "${name}"; this endpoint takes ${allowed.length ? allowed.join(', ') : 'no parameters'}`,
    vi: `không có tham số "${name}"; địa chỉ này nhận ${allowed.length ? allowed.join(', ') : 'không tham số nào'}`,
  }),
  repeated: (name: string) => ({ en: `parameter "${name}" is given more than once`, vi: `tham số "${name}" được ghi nhiều hơn một lần` }),
  unitCode: (digits: 3 | 5, code: string) =>
    digits === 3
      ? { en: `code must be a 3-digit district code, got ${code}`, vi: `code phải là mã huyện gồm 3 chữ số, nhận được ${code}` }
      : { en: `code must be a 5-digit commune code, got ${code}`, vi: `code phải là mã xã gồm 5 chữ số, nhận được ${code}` },
  bboxNumbers: (name: string, raw: string) => ({
    en: `${name} must be four numbers west,south,east,north (degrees), got "${raw}"`,
    vi: `${name} phải là bốn số tây,nam,đông,bắc (độ), nhận được "${raw}"`,
  }),
  bboxWorld: (name: string, raw: string) => ({
    en: `${name} must lie within -180,-90,180,90 (longitude, latitude), got "${raw}"`,
    vi: `${name} phải nằm trong -180,-90,180,90 (kinh độ, vĩ độ), nhận được "${raw}"`,
  }),
  bboxOrder: (name: string, raw: string) => ({
    en: `${name} must have west < east and south < north, got "${raw}"`,
    vi: `${name} phải có tây < đông và nam < bắc, nhận được "${raw}"`,
  }),
  collectionsEmpty: (ids: string) => ({
    en: `collections must list one or more collection ids (comma-separated): ${ids}`,
    vi: `collections phải liệt kê một hoặc nhiều id lớp dữ liệu (cách nhau bằng dấu phẩy): ${ids}`,
  }),
  noCollection: (id: string, ids: string) => ({
    en: `collections: no collection "${id}"; collections: ${ids}`,
    vi: `collections: không có lớp dữ liệu "${id}"; các lớp: ${ids}`,
  }),
  notTakenByView: (name: string, ids: string, allowed: string) => ({
    en: `unknown parameter "${name}": none of ${ids} takes it; this view takes ${allowed}`,
    vi: `không có tham số "${name}": không lớp nào trong ${ids} nhận tham số này; khung nhìn này nhận ${allowed}`,
  }),
  notAfterToday: (name: string, today: string, raw: string) => ({
    en: `${name} must be a date no later than today (${today}), got ${raw}`,
    vi: `${name} phải là một ngày không sau hôm nay (${today}), nhận được ${raw}`,
  }),
  ogcBboxCrs84: (bbox: string) => ({
    en: `bbox must be longitude -180 – 180 and latitude -90 – 90 in CRS84, got ${bbox}; give bbox-crs for other coordinates`,
    vi: `bbox phải có kinh độ -180 – 180 và vĩ độ -90 – 90 theo CRS84, nhận được ${bbox}; với toạ độ khác hãy ghi bbox-crs`,
  }),
  ogcBboxOutside: (crs: string, bbox: string) => ({
    en: `bbox is outside the valid area of ${crs} (easting, northing in metres), got ${bbox}`,
    vi: `bbox nằm ngoài vùng hợp lệ của ${crs} (toạ độ đông, bắc tính bằng mét), nhận được ${bbox}`,
  }),
  limit: (name: string, raw: string) => ({
    en: `${name} must be a whole number of at least 1, got "${raw}"`,
    vi: `${name} phải là số nguyên từ 1 trở lên, nhận được "${raw}"`,
  }),
  offset: (name: string, max: number, raw: string) =>
    both(`${name} must be a whole number from 0 to ${max}, got "${raw}"`, (f) => `${name} phải là số nguyên từ 0 đến ${f(max)}, nhận được "${raw}"`),
  bboxHeights: (name: string, raw: string) => ({
    en: `${name} must have 4 numbers (the data has no heights), got 6: "${raw}"`,
    vi: `${name} phải có 4 số (dữ liệu không có độ cao), nhận được 6: "${raw}"`,
  }),
  bboxFour: (name: string, raw: string) => ({
    en: `${name} must be 4 comma-separated numbers west,south,east,north, got "${raw}"`,
    vi: `${name} phải là 4 số tây,nam,đông,bắc cách nhau bằng dấu phẩy, nhận được "${raw}"`,
  }),
  bboxLowerFirst: (name: string, raw: string) => ({
    en: `${name} must give the lower corner first (west < east, south < north), got "${raw}"`,
    vi: `${name} phải ghi góc dưới trước (tây < đông, nam < bắc), nhận được "${raw}"`,
  }),
  instant: (name: string, raw: string) => ({
    en: `${name} must be one instant (e.g. 2021-06-30), not an interval ("${raw}"): the features are as of one date`,
    vi: `${name} phải là một thời điểm (ví dụ 2021-06-30), không phải một khoảng ("${raw}"): dữ liệu tính tại một ngày`,
  }),
  rfc3339: (name: string, raw: string) => ({
    en: `${name} must be an RFC 3339 date (2021-06-30) or date-time (2021-06-30T00:00:00Z), got "${raw}"`,
    vi: `${name} phải là ngày (2021-06-30) hoặc ngày giờ (2021-06-30T00:00:00Z) theo RFC 3339, nhận được "${raw}"`,
  }),
  lastDayOf: (set: '2019' | '2020') =>
    set === '2019'
      ? { en: 'the last day of the 2019 units', vi: 'ngày cuối của bộ đơn vị 2019' }
      : { en: 'the last day of the 2020–2025 units', vi: 'ngày cuối của bộ đơn vị 2020–2025' },
  today: { en: 'today', vi: 'hôm nay' },
  pathId: (name: string, raw: string) => ({
    en: `${name} must be a positive integer id, got "${raw}"`,
    vi: `${name} phải là một id số nguyên dương, nhận được "${raw}"`,
  }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

/** The request itself: its body, its route, the server's state (server/http/**). */
export const requestMessages = {
  notJson: {
    en: 'Send the body as JSON with "Content-Type: application/json"',
    vi: 'Hãy gửi nội dung dạng JSON với "Content-Type: application/json"',
  },
  malformedJson: { en: 'The body is not valid JSON', vi: 'Nội dung gửi lên không phải JSON hợp lệ' },
  bodyTooLarge: { en: 'The body is larger than 16 KiB', vi: 'Nội dung gửi lên lớn hơn 16 KiB' },
  badRequest: { en: 'The request could not be understood', vi: 'Không hiểu được yêu cầu' },
  busy: {
    en: 'The database is busy with another write (an import or a restore); nothing was written, try again in a few seconds',
    vi: 'Cơ sở dữ liệu đang bận ghi việc khác (nhập dữ liệu hoặc khôi phục); chưa có gì được ghi, hãy thử lại sau vài giây',
  },
  internal: { en: 'Internal server error', vi: 'Lỗi máy chủ' },
  methodNotAllowed: (method: string, path: string, allow: readonly string[]) => ({
    en: `${method} is not allowed on ${path}; it answers ${allow.join(', ')}`,
    vi: `${path} không nhận phương thức ${method}; chỉ nhận ${allow.join(', ')}`,
  }),
  noCommuneDetail: (code: string) => ({
    en: `no commune ${code} in the 2020–2025 units; codes are listed by /api/communes`,
    vi: `không có xã ${code} trong bộ đơn vị 2020–2025; danh sách mã có ở /api/communes`,
  }),
  noDistrictDetail: (code: string, codes: readonly string[]) => ({
    en: `no district ${code} in the 2020–2025 units (${codes.join(', ')})`,
    vi: `không có huyện ${code} trong bộ đơn vị 2020–2025 (${codes.join(', ')})`,
  }),
  noBaseLayer: (name: string, names: readonly string[]) => ({
    en: `no base layer ${name}; there are ${names.join(', ')}`,
    vi: `không có lớp nền ${name}; các lớp nền là ${names.join(', ')}`,
  }),
  unknownFormat: (file: string, formats: string, example: string) => ({
    en: `"${file}" must end in one of .${formats} (e.g. ${example})`,
    vi: `"${file}" phải có đuôi là một trong .${formats} (ví dụ ${example})`,
  }),
  noCollection: (id: string, ids: string, orView: string | null) => ({
    en: `no collection "${id}"; ${orView === null ? `the collections are ${ids}` : `collections: ${ids}, or "${orView}" for several`}`,
    vi: `không có lớp dữ liệu "${id}"; ${orView === null ? `các lớp là ${ids}` : `các lớp: ${ids}, hoặc "${orView}" cho nhiều lớp`}`,
  }),
  noTiles: {
    en: 'no tiled dataset is configured on this server (set NATIONAL_DIR to a folder made by "npm run national")',
    vi: 'máy chủ này chưa có bộ dữ liệu dạng ô bản đồ (tile): hãy đặt NATIONAL_DIR là thư mục do "npm run national" tạo ra',
  },
  noTiledCollection: (id: string, ids: string) => ({
    en: `no tiled collection ${id}; there are ${ids}`,
    vi: `không có lớp ô bản đồ (tile) ${id}; các lớp có là ${ids}`,
  }),
  tilesTakeNoParameters: (name: string) => ({
    en: `${name} is not a parameter here: tile routes take none`,
    vi: `${name} không phải tham số ở đây: địa chỉ ô bản đồ (tile) không nhận tham số nào`,
  }),
  noStatuses: (id: string, ids: string) => ({ en: `${id} has no statuses; these do: ${ids}`, vi: `${id} không có trạng thái; các lớp có: ${ids}` }),
  invalidYear: (raw: string, years: string) => ({ en: `year ${raw} is not one of ${years}`, vi: `năm ${raw} không thuộc ${years}` }),
  zoomOutOfRange: (id: string, min: number, max: number, z: number) => ({
    en: `${id} has tiles for zoom ${min}–${max}, not ${z} (the map over-zooms ${max})`,
    vi: `${id} có ô bản đồ (tile) ở mức thu phóng ${min}–${max}, không có mức ${z} (từ mức ${max} trở lên, bản đồ phóng to các ô của mức ${max})`,
  }),
  tileName: (file: string) => ({
    en: `the tile ${file} must be {y}.pbf with y a whole number`,
    vi: `ô bản đồ ${file} phải có dạng {y}.pbf, với y là số nguyên`,
  }),
  tileZoom: (raw: string) => ({ en: `zoom ${raw} must be a whole number from 0 to 24`, vi: `mức thu phóng ${raw} phải là số nguyên từ 0 đến 24` }),
  tileXY: (raw: string, n: number, z: number) => ({
    en: `x ${raw} and y must be whole numbers below ${n} at zoom ${z}`,
    vi: `x ${raw} và y phải là số nguyên nhỏ hơn ${n} ở mức thu phóng ${z}`,
  }),
  noRoute: (method: string, path: string) => ({
    en: `No route for ${method} ${path}; see /api/health and the README's API section`,
    vi: `Không có địa chỉ ${method} ${path}; xem /api/health và mục API của README`,
  }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;

// ---------------------------------------------------------------------------------------------------------------
// Uploads of the wrong kind, encoding or shape (server/imports/file-look.ts, server/imports/tables/): what the file
// looks like, what was expected, and how to save it from Excel.

/** What an upload looks like, by its content (FileLook): "x.pdf looks like a PDF document". */
const LOOKS: Record<Exclude<FileLook, 'empty'>, Text> = {
  pdf: { en: 'a PDF document', vi: 'một tài liệu PDF' },
  docx: { en: 'a Word document (DOCX)', vi: 'một văn bản Word (DOCX)' },
  xlsx: { en: 'an Excel workbook (XLSX)', vi: 'một bảng tính Excel (XLSX)' },
  pptx: { en: 'a PowerPoint presentation (PPTX)', vi: 'một bản trình chiếu PowerPoint (PPTX)' },
  opendocument: { en: 'an OpenDocument file (ODS or ODT, from LibreOffice)', vi: 'một tệp OpenDocument (ODS hoặc ODT, từ LibreOffice)' },
  'old-office': {
    en: 'an Office 97–2003 file (an .xls workbook or a .doc document)',
    vi: 'một tệp Office 97–2003 (bảng tính .xls hoặc văn bản .doc)',
  },
  png: { en: 'an image (PNG)', vi: 'một tệp ảnh (PNG)' },
  jpeg: { en: 'an image (JPEG)', vi: 'một tệp ảnh (JPEG)' },
  gif: { en: 'an image (GIF)', vi: 'một tệp ảnh (GIF)' },
  tiff: { en: 'an image (TIFF)', vi: 'một tệp ảnh (TIFF)' },
  webp: { en: 'an image (WebP)', vi: 'một tệp ảnh (WebP)' },
  rar: { en: 'a RAR archive', vi: 'một tệp nén RAR' },
  '7z': { en: 'a 7-Zip archive', vi: 'một tệp nén 7-Zip' },
  gzip: { en: 'a gzip archive', vi: 'một tệp nén gzip' },
  'shapefile-zip': { en: 'a zipped shapefile (a map file)', vi: 'một shapefile nén zip (tệp bản đồ)' },
  kmz: { en: 'a KMZ (a map file)', vi: 'một tệp KMZ (tệp bản đồ)' },
  zip: { en: 'a zip archive', vi: 'một tệp nén zip' },
  sqlite: { en: 'a GeoPackage or another SQLite database', vi: 'một GeoPackage hoặc cơ sở dữ liệu SQLite khác' },
  json: { en: 'JSON (such as GeoJSON)', vi: 'JSON (chẳng hạn GeoJSON)' },
  xml: { en: 'XML or HTML (such as KML, or a web page saved as .xls)', vi: 'XML hoặc HTML (chẳng hạn KML, hoặc trang web lưu thành .xls)' },
  text: { en: 'plain text (such as CSV)', vi: 'văn bản thuần (chẳng hạn CSV)' },
  binary: { en: 'a binary file of a kind this app does not read', vi: 'một tệp nhị phân thuộc loại ứng dụng không đọc được' },
};

/** How to get a table this app reads out of Excel, and where the template is. */
const saveAsTable = (kind: string): Text => ({
  en: `in Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" or "Excel Workbook (*.xlsx)", or start from the template (GET /api/imports/templates/${kind}.xlsx)`,
  vi: `trong Excel hãy chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" hoặc "Excel Workbook (*.xlsx)", hoặc bắt đầu từ tệp mẫu (GET /api/imports/templates/${kind}.xlsx)`,
});

export const importFileMessages = {
  /** A table kind's upload that is no table: a PDF, a Word document, an image, a map file… */
  notATable: (name: string, look: Exclude<FileLook, 'empty'>, title: Label, kind: string) => ({
    en: `${name} looks like ${LOOKS[look].en}, not a table; ${title.en} are imported from CSV (UTF-8 or UTF-16, separated by commas, semicolons or tabs) or XLSX: ${saveAsTable(kind).en}`,
    vi: `${name} có vẻ là ${LOOKS[look].vi}, không phải một bảng; ${title.vi} được nhập từ tệp CSV (UTF-8 hoặc UTF-16, phân cách bằng dấu phẩy, chấm phẩy hoặc tab) hoặc XLSX: ${saveAsTable(kind).vi}`,
  }),
  /** A map kind's upload that is no map file; `formats` is importMessages.formatsHint. */
  notAMap: (name: string, look: Exclude<FileLook, 'empty'>, formats: Text) => ({
    en: `${name} looks like ${LOOKS[look].en}, not a map file; ${formats.en}`,
    vi: `${name} có vẻ là ${LOOKS[look].vi}, không phải tệp bản đồ; ${formats.vi}`,
  }),
  emptyUpload: (name: string, expected: Text) => ({
    en: `${name} is empty (0 bytes); ${expected.en}`,
    vi: `${name} là tệp trống (0 byte); ${expected.vi}`,
  }),
  /** What a table kind expects, for an empty upload. */
  tableExpected: (title: Label, kind: string) => ({
    en: `${title.en} are imported from a CSV or XLSX table whose first row is the template's header; ${saveAsTable(kind).en}`,
    vi: `${title.vi} được nhập từ một bảng CSV hoặc XLSX có dòng đầu là dòng tiêu đề của tệp mẫu; ${saveAsTable(kind).vi}`,
  }),
  notUtf8: (name: string, line: number) =>
    bound(
      `${name} is not UTF-8 text (from line ${line} on): it is probably in an older Vietnamese encoding (Windows-1258, TCVN3/ABC or VNI), which this app does not guess; in Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (or "Unicode Text"), and upload that file`,
      (f) =>
        `${name} không phải văn bản UTF-8 (từ dòng ${f(line)}): có lẽ tệp dùng bảng mã tiếng Việt cũ (Windows-1258, TCVN3/ABC hoặc VNI), ứng dụng không đoán bảng mã; trong Excel hãy chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (hoặc "Unicode Text") rồi tải tệp đó lên`,
    ),
  csvBroken: (name: string, line: number) =>
    bound(
      `${name} cannot be read as CSV from line ${line} on: a quotation mark (") opens or ends a cell where it should not; fix the quotes, or save the file again from Excel as "CSV UTF-8 (Comma delimited) (*.csv)"`,
      (f) =>
        `không đọc được ${name} dưới dạng CSV từ dòng ${f(line)}: có dấu ngoặc kép (") mở hoặc đóng một ô không đúng chỗ; hãy sửa dấu ngoặc kép, hoặc lưu lại tệp từ Excel dưới dạng "CSV UTF-8 (Comma delimited) (*.csv)"`,
    ),
  xlsxBroken: (name: string) => ({
    en: `${name} looks like an Excel workbook (XLSX) but cannot be opened (damaged, or written by a program that does not write XLSX correctly); open it in Excel and save it again as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)"`,
    vi: `${name} có vẻ là bảng tính Excel (XLSX) nhưng không mở được (tệp hỏng, hoặc do phần mềm ghi XLSX không đúng tạo ra); hãy mở trong Excel rồi lưu lại dưới dạng "Excel Workbook (*.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)"`,
  }),
  /** A table whose reading needed more than the check worker's heap (server/imports/check-pool.ts). */
  tableOutOfMemory: (name: string, mb: number) =>
    both(
      `reading ${name} needed more than the ${mb} MB an import may use (IMPORT_WORKER_MEMORY_MB); split the table into several files`,
      (f) => `việc đọc ${name} cần hơn ${f(mb)} MB bộ nhớ, vượt mức cho phép của một lần nhập (IMPORT_WORKER_MEMORY_MB); hãy chia bảng thành nhiều tệp`,
    ),
  xlsxNoSheet: (name: string) => ({ en: `the workbook ${name} has no sheet`, vi: `bảng tính ${name} không có trang tính nào` }),
  /** The header names another table kind's columns: the user picked the wrong kind. */
  headerOfOtherKind: (name: string, title: Label, other: Label, otherKind: string) => ({
    en: `the first row of ${name} has the columns of ${other.en}, not of ${title.en}; import it as ${otherKind}, or start from the right template`,
    vi: `dòng đầu của ${name} có các cột của ${other.vi}, không phải của ${title.vi}; hãy nhập tệp với loại ${otherKind}, hoặc bắt đầu từ đúng tệp mẫu`,
  }),
  /** The header names no column of any table kind: no header at all, or someone else's table. */
  headerOfNoKind: (name: string, headers: readonly string[], example: string, kind: string) => ({
    en: `the first row of ${name} (${headers.map((h) => `"${h}"`).join(', ')}) names no column of any import; it must be the template's header, such as "${example}": ${saveAsTable(kind).en}`,
    vi: `dòng đầu của ${name} (${headers.map((h) => `"${h}"`).join(', ')}) không có cột nào của các loại nhập; dòng đầu phải là dòng tiêu đề của tệp mẫu, chẳng hạn "${example}": ${saveAsTable(kind).vi}`,
  }),
} as const satisfies Record<string, Text | ((...args: never[]) => Text)>;
