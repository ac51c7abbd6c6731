import { both, type Messages, type Text } from './text.ts';

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
  /** `set`: the unit set as staff know it (unitSetName). */
  district: (name: string, set: Text, codes: string, raw: string) => ({
    en: `${name} must be a district code of ${set.en} (${codes}), got "${raw}"`,
    vi: `${name} phải là mã huyện của ${set.vi} (${codes}), nhận được "${raw}"`,
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
  lastDayOf: (set: Text) => ({ en: `the last day of ${set.en}`, vi: `ngày cuối của ${set.vi}` }),
  today: { en: 'today', vi: 'hôm nay' },
  pathId: (name: string, raw: string) => ({
    en: `${name} must be a positive integer id, got "${raw}"`,
    vi: `${name} phải là một id số nguyên dương, nhận được "${raw}"`,
  }),
} as const satisfies Messages;
