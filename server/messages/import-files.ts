import type { Label } from '../catalog/define.ts';
import { type LegacyFont, LEGACY_FONT_NAMES } from '../domain/legacy-fonts.ts';
import type { FileLook } from '../imports/file-look.ts';
import { type JsonErrorPlace, jsonErrorAt } from './requests.ts';
import { bound, both, type Messages, type Text } from './text.ts';

/** A file's text in a message: at most 40 characters. */
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** Why text is not UTF-8, in a table or a shapefile: the encodings Vietnamese offices used before Unicode. */
const OLD_ENCODINGS: Text = {
  en: 'probably an older Vietnamese encoding (Windows-1258, TCVN3/ABC or VNI), which this app does not guess',
  vi: 'có lẽ là bảng mã tiếng Việt cũ (Windows-1258, TCVN3/ABC hoặc VNI), ứng dụng không đoán bảng mã',
};

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
  'encrypted-office': {
    en: 'a password-protected Office file (an encrypted workbook or document)',
    vi: 'một tệp Office có đặt mật khẩu (bảng tính hoặc văn bản đã mã hoá)',
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

/**
 * Reading an uploaded file (server/imports/formats/**, tables/**, file-look.ts, crs-choice.ts,
 * limits.ts): its rows and size, its coordinate system, what is wrong with a map file, a table or an
 * archive, and an upload of the wrong kind, encoding or shape (what it looks like, what was
 * expected, and how to save it from Excel).
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
    en: 'upload GeoJSON (.geojson), KML or KMZ, a zipped shapefile (.zip with .shp, .shx, .dbf, .prj, .cpg) or a GeoPackage (.gpkg)',
    vi: 'hãy tải lên GeoJSON (.geojson), KML hoặc KMZ, shapefile nén zip (.zip gồm .shp, .shx, .dbf, .prj, .cpg) hoặc GeoPackage (.gpkg)',
  },
  zipWithoutMap: (name: string, hint: Text) => ({
    en: `the zip archive ${name} holds no shapefile, KML or GeoJSON; ${hint.en}`,
    vi: `tệp nén ${name} không chứa shapefile, KML hay GeoJSON; ${hint.vi}`,
  }),
  /** A file JSON.parse refused, and where (server/http/json-syntax.ts), never JSON.parse's own English. */
  notJsonFile: (place: JsonErrorPlace | null) => {
    const at = place && jsonErrorAt(place);
    return { en: `the file is not valid JSON${at ? `: ${at.en}` : ''}`, vi: `tệp không phải JSON hợp lệ${at ? `: ${at.vi}` : ''}` };
  },
  notGeoJsonObject: { en: 'the file is not a GeoJSON object', vi: 'tệp không phải một đối tượng GeoJSON' },
  notFeatureCollection: (type: string) => ({
    en: `the file is not GeoJSON: expected a FeatureCollection, got type ${type}`,
    vi: `tệp không phải GeoJSON: cần một FeatureCollection, nhưng type là ${type}`,
  }),
  notFeature: (i: number) => ({ en: `feature ${i} is not a GeoJSON Feature`, vi: `đối tượng ${i} không phải một GeoJSON Feature` }),
  noShapefile: { en: 'the zip archive holds no shapefile (.shp)', vi: 'tệp nén không chứa shapefile (.shp) nào' },
  shpChooseLayer: (names: readonly string[]) =>
    both(
      `the zip archive holds ${names.length} shapefiles (${names.join(', ')}); choose one`,
      (f) => `tệp nén chứa ${f(names.length)} shapefile (${names.join(', ')}); hãy chọn một shapefile`,
    ),
  shpNoSuchLayer: (layer: string, names: readonly string[]) => ({
    en: `the zip archive has no shapefile "${layer}"; it has ${names.join(', ')}`,
    vi: `tệp nén không có shapefile "${layer}"; các shapefile là ${names.join(', ')}`,
  }),
  noDbf: (stem: string) => ({
    en: `${stem}.dbf is missing from the archive: a shapefile's attributes (codes, names) are in its .dbf`,
    vi: `tệp nén thiếu ${stem}.dbf: thuộc tính của shapefile (mã, tên) nằm trong tệp .dbf`,
  }),
  noShx: (stem: string) => ({
    en: `${stem}.shx is missing from the archive: a shapefile is its .shp, .shx and .dbf (and .prj, .cpg)`,
    vi: `tệp nén thiếu ${stem}.shx: một shapefile gồm các tệp .shp, .shx và .dbf (và .prj, .cpg)`,
  }),
  /** A shapefile's .shp or .dbf its reader refused (the reader's own words go to the server's log only). */
  shpUnreadable: (file: string) => ({
    en: `${file} is damaged or is not part of a shapefile, so it cannot be read: open the layer in QGIS and save it again (Export → Save Features As… → ESRI Shapefile), then zip its .shp, .shx, .dbf, .prj and .cpg together and upload that`,
    vi: `${file} bị hỏng hoặc không phải một phần của shapefile nên không đọc được: hãy mở lớp trong QGIS và lưu lại (Export → Save Features As… → ESRI Shapefile), rồi nén chung các tệp .shp, .shx, .dbf, .prj và .cpg thành tệp zip và tải tệp đó lên`,
  }),
  /**
   * A .dbf whose text is not UTF-8 where it must be: no encoding said (`said` null: no .cpg, or one this app does
   * not read, and no LDID naming a code page), or a .cpg or LDID saying UTF-8.
   */
  dbfNotUtf8: (file: string, record: number, field: string, stem: string, said: string | null) =>
    bound(
      `${file} is not UTF-8 (from record ${record}, field ${field} on)${said === null ? ' and names no encoding (.cpg)' : `, though its ${said} says so`}: ${OLD_ENCODINGS.en}; put its code page in ${stem}.cpg beside it (1258 for Windows-1258), or in QGIS set the layer's encoding (Properties → Source), then Save Features As… with Encoding UTF-8`,
      (f) =>
        `${file} không phải văn bản UTF-8 (từ bản ghi ${f(record)}, trường ${field})${said === null ? ' và không ghi bảng mã (.cpg)' : `, dù ${said} ghi là UTF-8`}: ${OLD_ENCODINGS.vi}; hãy ghi bảng mã vào tệp ${stem}.cpg bên cạnh (1258 cho Windows-1258), hoặc trong QGIS chọn bảng mã của lớp (Properties → Source) rồi Save Features As… với Encoding UTF-8`,
    ),
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
  /** An entry the inflater refused (its own words go to the server's log only). */
  entryUnpack: (name: string) => ({
    en: `the archive entry "${name}" is damaged and cannot be unpacked: make the zip archive again from the original files and upload it again`,
    vi: `mục "${name}" trong tệp nén bị hỏng, không giải nén được: hãy nén lại tệp zip từ các tệp gốc rồi tải lên lại`,
  }),
  entryShort: (name: string) => ({ en: `the archive entry "${name}" is cut short`, vi: `mục "${name}" trong tệp nén bị cắt cụt` }),
  // GeoPackage and KML
  /** An SQLite file SQLite refused to open or check (its own words go to the server's log only). */
  gpkgDamaged: {
    en: 'the GeoPackage is damaged or is not a GeoPackage, so it cannot be read: open it in QGIS and save it again (Export → Save Features As… → GeoPackage), then upload that file',
    vi: 'tệp GeoPackage bị hỏng hoặc không phải GeoPackage nên không đọc được: hãy mở tệp trong QGIS và lưu lại (Export → Save Features As… → GeoPackage), rồi tải tệp đó lên',
  },
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
  /** A geometry blob the WKB reader refused (server/imports/formats/wkb.ts; its details go to the server's log only). */
  gpkgBadGeometry: (row: number, table: string, curved: boolean) =>
    curved
      ? both(
          `feature ${row} of ${table} has a curved geometry (a circular arc, a curve polygon…), which this app does not read: in QGIS run Processing → Toolbox → Segmentize by maximum angle on the layer, save the result as a GeoPackage and upload it`,
          (f) =>
            `đối tượng ${f(row)} của ${table} có hình dạng cong (cung tròn, đa giác cong…) mà ứng dụng không đọc được: trong QGIS hãy chạy Processing → Toolbox → Segmentize by maximum angle cho lớp đó, lưu kết quả thành GeoPackage rồi tải lên`,
        )
      : both(
          `feature ${row} of ${table}: its geometry is damaged, or of a kind this app does not read (only points, lines and polygons are); open the GeoPackage in QGIS, redraw that feature or run Vector → Geometry Tools → Check Validity, save it again and upload it`,
          (f) =>
            `đối tượng ${f(row)} của ${table}: hình bị hỏng, hoặc thuộc loại ứng dụng không đọc được (chỉ đọc điểm, đường và vùng); hãy mở tệp GeoPackage trong QGIS, vẽ lại đối tượng đó hoặc chạy Vector → Geometry Tools → Check Validity, lưu lại rồi tải lên`,
        ),
  kmlDtd: {
    en: 'the KML file declares a DTD or entities; remove the <!DOCTYPE …> and upload it again',
    vi: 'tệp KML khai báo DTD hoặc entity; hãy xoá <!DOCTYPE …> rồi tải lên lại',
  },
  /**
   * A KML file the XML parser refused, and where when it says so (its line and column, as numbers; its own words
   * go to the server's log only).
   */
  kmlNotXml: (at: { line: number; column: number } | null) =>
    both(
      `the KML file is not well-formed XML${at ? ` (it breaks at line ${at.line}, column ${at.column})` : ''}: a tag is not closed, or closed in the wrong order, or a character such as & or < is not escaped; fix it in a text editor, or open it in Google Earth or QGIS and save it again as KML`,
      (f) =>
        `tệp KML không phải XML hợp lệ${at ? ` (lỗi ở dòng ${f(at.line)}, cột ${f(at.column)})` : ''}: có thẻ chưa đóng hoặc đóng sai thứ tự, hoặc có ký tự như & hay < chưa được thoát; hãy sửa trong trình soạn thảo văn bản, hoặc mở tệp trong Google Earth hay QGIS rồi lưu lại thành KML`,
    ),
  kmlNoElement: {
    en: 'the KML file holds no XML element (is it empty, or plain text?); export the layer again as KML from Google Earth or QGIS',
    vi: 'tệp KML không chứa phần tử XML nào (tệp trống, hay chỉ là văn bản thường?); hãy xuất lại lớp thành KML từ Google Earth hoặc QGIS',
  },
  kmlRoot: (root: string) => ({ en: `the file is not KML: its root element is <${root}>`, vi: `tệp không phải KML: phần tử gốc là <${root}>` }),
  // Uploads of the wrong kind, encoding or shape (server/imports/file-look.ts, server/imports/tables/)
  /** A table kind's upload that is no table: a PDF, a Word document, an image, a map file… */
  notATable: (name: string, look: Exclude<FileLook, 'empty'>, title: Label, kind: string) => ({
    en: `${name} looks like ${LOOKS[look].en}, not a table; ${title.en} are imported from CSV (UTF-8 or UTF-16, separated by commas, semicolons or tabs) or XLSX: ${saveAsTable(kind).en}`,
    vi: `${name} có vẻ là ${LOOKS[look].vi}, không phải một bảng; ${title.vi} được nhập từ tệp CSV (UTF-8 hoặc UTF-16, phân cách bằng dấu phẩy, chấm phẩy hoặc tab) hoặc XLSX: ${saveAsTable(kind).vi}`,
  }),
  /** A table kind's upload that is a workbook (or another Office file) saved with a password: encrypted, it cannot be read. */
  passwordProtected: (name: string) => ({
    en: `${name} is password-protected (an encrypted workbook), so it cannot be read: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear the password, OK), save the workbook and upload it again`,
    vi: `${name} là bảng tính có đặt mật khẩu (đã mã hoá) nên không đọc được: hãy gỡ mật khẩu trong Excel (File → Info → Protect Workbook → Encrypt with Password, xoá mật khẩu rồi bấm OK), lưu lại bảng tính và tải lên lần nữa`,
  }),
  /** A map kind's upload that is no map file; `formats` is formatsHint. */
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
  /** A KML or GeoJSON file whose text is not in the encoding it is read in: UTF-8, or the one a KML's XML declaration names. */
  mapTextNotIn: (name: string, line: number, encoding: string) =>
    bound(
      `${name} is not ${encoding} text (from line ${line} on): ${OLD_ENCODINGS.en}; in QGIS open it and Save Features As… with Encoding UTF-8, and upload that file`,
      (f) =>
        `${name} không phải văn bản ${encoding} (từ dòng ${f(line)}): ${OLD_ENCODINGS.vi}; hãy mở tệp trong QGIS rồi Save Features As… với Encoding UTF-8 và tải tệp đó lên`,
    ),
  notUtf8: (name: string, line: number) =>
    bound(
      `${name} is not UTF-8 text (from line ${line} on): ${OLD_ENCODINGS.en}; in Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (or "Unicode Text"), and upload that file`,
      (f) =>
        `${name} không phải văn bản UTF-8 (từ dòng ${f(line)}): ${OLD_ENCODINGS.vi}; trong Excel hãy chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (hoặc "Unicode Text") rồi tải tệp đó lên`,
    ),
  /**
   * Text of a row's column, or a feature's attribute, typed in a legacy Vietnamese font (server/domain/legacy-fonts.ts):
   * shown as it is and as it reads, with how to convert the file, or have the import convert it; both cut to 40 characters.
   */
  legacyFont: (place: 'row' | 'feature', n: number, column: string, text: string, font: LegacyFont, unicode: string) =>
    both(
      `${place === 'row' ? 'row' : 'feature'} ${n}, ${place === 'row' ? 'column' : 'attribute'} ${column}: "${clip(text)}" is typed in a ${LEGACY_FONT_NAMES[font]} font, not in Unicode: it reads "${clip(unicode)}". Convert the file (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6, from ${LEGACY_FONT_NAMES[font]} to Unicode) and upload it again, or upload it with Old font ${LEGACY_FONT_NAMES[font]} chosen (legacyFont=${font}) to convert it here`,
      (f) =>
        `${place === 'row' ? 'dòng' : 'đối tượng'} ${f(n)}, ${place === 'row' ? 'cột' : 'thuộc tính'} ${column}: "${clip(text)}" được gõ bằng phông ${LEGACY_FONT_NAMES[font]}, không phải Unicode: đọc là "${clip(unicode)}". Hãy chuyển mã tệp (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6, từ ${LEGACY_FONT_NAMES[font]} sang Unicode) rồi tải lên lại, hoặc tải lên với Phông chữ cũ ${LEGACY_FONT_NAMES[font]} (legacyFont=${font}) để chuyển mã tại đây`,
    ),
  /** A value converted from a legacy font, as the upload asked: a warning in the preview, before and after. */
  legacyFontConverted: (font: LegacyFont, text: string, unicode: string) => ({
    en: `converted from ${LEGACY_FONT_NAMES[font]} to Unicode: "${clip(text)}" → "${clip(unicode)}"`,
    vi: `đã chuyển mã từ ${LEGACY_FONT_NAMES[font]} sang Unicode: "${clip(text)}" → "${clip(unicode)}"`,
  }),
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
} as const satisfies Messages;
