import { both, type Messages, type Text } from './text.ts';

/** The request itself: its body, its route, the server's state (server/http/**). */
export const requestMessages = {
  notJson: {
    en: 'Send the body as JSON with "Content-Type: application/json"',
    vi: 'Hãy gửi nội dung dạng JSON với "Content-Type: application/json"',
  },
  /** A body JSON.parse refused, and where (server/http/json-syntax.ts), never JSON.parse's own English. */
  malformedJson: (place: JsonErrorPlace | null) => {
    const at = place && jsonErrorAt(place);
    return { en: `The body is not valid JSON${at ? `: ${at.en}` : ''}`, vi: `Nội dung gửi lên không phải JSON hợp lệ${at ? `: ${at.vi}` : ''}` };
  },
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
  /** `set`: the unit set as staff know it (unitSetName). */
  noCommuneDetail: (code: string, set: Text) => ({
    en: `no commune ${code} in ${set.en}; codes are listed by /api/communes`,
    vi: `không có xã ${code} trong ${set.vi}; danh sách mã có ở /api/communes`,
  }),
  noDistrictDetail: (code: string, set: Text, codes: readonly string[]) => ({
    en: `no district ${code} in ${set.en} (${codes.join(', ')})`,
    vi: `không có huyện ${code} trong ${set.vi} (${codes.join(', ')})`,
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
} as const satisfies Messages;

/** Where a JSON text breaks off (server/http/json-syntax.ts): 1-based line and column, and the character found there (null at the end of the text). */
export interface JsonErrorPlace {
  line: number;
  column: number;
  found: string | null;
}

/** Where a JSON text breaks off (a body, an uploaded file): a character out of place, or the end of a text cut short. */
export const jsonErrorAt = ({ line, column, found }: JsonErrorPlace): Text =>
  found === null
    ? both(
        `it ends at line ${line}, column ${column} before its JSON is complete (is the end missing?)`,
        (f) => `nội dung kết thúc ở dòng ${f(line)}, cột ${f(column)} khi JSON chưa trọn vẹn (có bị thiếu phần cuối không?)`,
      )
    : both(
        `unexpected ${shownChar(found)} at line ${line}, column ${column}`,
        (f) => `ký tự ${shownChar(found)} không đúng chỗ ở dòng ${f(line)}, cột ${f(column)}`,
      );

/** A character as a message shows it: quoted, or by its code point when it cannot be seen (a control character, a space). */
function shownChar(ch: string): string {
  return /^[\p{C}\p{Z}]$/u.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `“${ch}”`;
}
