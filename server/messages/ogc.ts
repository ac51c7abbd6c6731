import type { Messages } from './text.ts';

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
} as const satisfies Messages;
