import { both, type Messages, type Text } from './text.ts';

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
} as const satisfies Messages;

/**
 * Reading an uploaded file (server/imports/formats/**, tables/**, crs-choice.ts, limits.ts): its
 * rows and size, its coordinate system, and what is wrong with a map file, a table or an archive.
 */
export const importFileMessages = {
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
  notMapFile: (name: string, hint: Text) => ({
    en: `${name} is not a map file this app reads; ${hint.en}`,
    vi: `${name} không phải tệp bản đồ mà ứng dụng đọc được; ${hint.vi}`,
  }),
  notJsonFile: (why: string) => ({ en: `the file is not valid JSON: ${why}`, vi: `tệp không phải JSON hợp lệ: ${why}` }),
  notGeoJsonObject: { en: 'the file is not a GeoJSON object', vi: 'tệp không phải một đối tượng GeoJSON' },
  notFeatureCollection: (type: string) => ({
    en: `the file is not GeoJSON: expected a FeatureCollection, got type ${type}`,
    vi: `tệp không phải GeoJSON: cần một FeatureCollection, nhưng type là ${type}`,
  }),
  notFeature: (i: number) => ({ en: `feature ${i} is not a GeoJSON Feature`, vi: `đối tượng ${i} không phải một GeoJSON Feature` }),
  csvUnreadable: (why: string) => ({ en: `the CSV file cannot be read: ${why}`, vi: `không đọc được tệp CSV: ${why}` }),
  xlsxUnreadable: (why: string) => ({ en: `the XLSX file cannot be read: ${why}`, vi: `không đọc được tệp XLSX: ${why}` }),
  xlsxNoSheet: { en: 'the XLSX file has no sheet', vi: 'tệp XLSX không có trang tính nào' },
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
} as const satisfies Messages;
