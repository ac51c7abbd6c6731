import { type Messages, bound, both, type Text } from './text.ts';

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
  moreThan: (n: number) => bound(`must be more than ${n}`, (f) => `phải lớn hơn ${f(n)}`),
  lessThan: (n: number) => bound(`must be less than ${n}`, (f) => `phải nhỏ hơn ${f(n)}`),
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
  nothingToChange: {
    en: 'name the fields to change: name, role, programmes, units, disabled or password',
    vi: 'chưa có gì để thay đổi: hãy sửa họ tên, vai trò, lĩnh vực, đơn vị, trạng thái khoá hoặc mật khẩu',
  },
  nameLength: { en: 'a name has at most 100 characters', vi: 'họ tên có tối đa 100 ký tự' },
  /** A field's message under its path, as the envelope's `message` says the first one. */
  at: (path: string, message: Text) => ({ en: `${path}: ${message.en}`, vi: `${path}: ${message.vi}` }),
} as const satisfies Messages;
