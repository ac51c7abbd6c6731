import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importApp, SOURCE } from './helpers.ts';

/**
 * A map file that a library refuses (SQLite, the inflater, the shapefile reader, the XML parser, the WKB reader):
 * the person reads what is wrong and what to do in their language — a line and column where the parser gives
 * them as numbers — never the library's English; the library's words go to the server's log for an admin.
 */

const VI = { 'Accept-Language': 'vi' };

/** Starts like an SQLite database (and so like a GeoPackage), then nothing but noise: SQLite says "file is not a database". */
const NOT_A_DATABASE = new Uint8Array(4096).fill(0xab);
NOT_A_DATABASE.set(strToU8('SQLite format 3\0'));

/** A zipped GeoJSON whose deflated data starts with a block of type 3, which does not exist: "invalid block type". */
function zipWithBadDeflate(): Uint8Array {
  const zip = zipSync({ 'vung.geojson': strToU8(JSON.stringify({ type: 'FeatureCollection', features: [] }).repeat(20)) }, { level: 6 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  expect(view.getUint16(8, true)).toBe(8); // deflated
  zip[30 + view.getUint16(26, true) + view.getUint16(28, true)] = 0xff; // BFINAL 1, BTYPE 11
  return zip;
}

/** A .shp of zeros: shpjs says `I don't know shp type "0"`. */
const ZERO_SHAPEFILE = zipSync({ 'vung.shp': new Uint8Array(100), 'vung.shx': new Uint8Array(100), 'vung.dbf': new Uint8Array(33) });

/** A KML whose <name> is closed as </nam> on line 3: xmldom says `Opening and ending tag mismatch: "name" != "nam"`. */
const MISMATCHED_KML = strToU8('<kml xmlns="http://www.opengis.net/kml/2.2">\n<Placemark>\n<name>Vùng chè</nam>\n</Placemark></kml>\n');

let editor: Awaited<ReturnType<ReturnType<typeof importApp>['user']>>;
let CURVED_GPKG: Uint8Array;
beforeAll(async () => {
  editor = await importApp().user('editor1', 'editor', ['zones']);
  // GDAL writes a curve polygon (a circular arc) as QGIS does: this app reads only points, lines and polygons.
  const dir = mkdtempSync(join(tmpdir(), 'damaged-files-'));
  writeFileSync(join(dir, 'cong.csv'), 'WKT,name\n"CURVEPOLYGON(CIRCULARSTRING(103 21.4,103.01 21.41,103 21.4))",Vùng chè\n');
  const gpkg = join(dir, 'cong.gpkg');
  const csvOptions = ['-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO'];
  execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, join(dir, 'cong.csv'), ...csvOptions, '-a_srs', 'EPSG:4326', '-nln', 'vung_che', '-nlt', 'CURVEPOLYGON']);
  CURVED_GPKG = new Uint8Array(readFileSync(gpkg));
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Each damaged file: the library's own words (absent from both answers, present in the log), and ours in both languages. */
const CASES: { what: string; name: string; bytes: () => Uint8Array; said: string; en: string | RegExp; vi: string | RegExp }[] = [
  {
    what: 'a damaged GeoPackage (SQLite) says to save it again from QGIS',
    name: 'vung.gpkg',
    bytes: () => NOT_A_DATABASE,
    said: 'file is not a database',
    en: 'the GeoPackage is damaged or is not a GeoPackage, so it cannot be read: open it in QGIS and save it again (Export → Save Features As… → GeoPackage), then upload that file',
    vi: 'tệp GeoPackage bị hỏng hoặc không phải GeoPackage nên không đọc được: hãy mở tệp trong QGIS và lưu lại (Export → Save Features As… → GeoPackage), rồi tải tệp đó lên',
  },
  {
    what: 'a zip entry whose compressed data is damaged (the inflater) says to zip the files again',
    name: 'vung.zip',
    bytes: zipWithBadDeflate,
    said: 'invalid block type',
    en: 'the archive entry "vung.geojson" is damaged and cannot be unpacked: make the zip archive again from the original files and upload it again',
    vi: 'mục "vung.geojson" trong tệp nén bị hỏng, không giải nén được: hãy nén lại tệp zip từ các tệp gốc rồi tải lên lại',
  },
  {
    what: 'a .shp that is no shapefile (shpjs) is named, with how to save it again from QGIS',
    name: 'vung.zip',
    bytes: () => ZERO_SHAPEFILE,
    said: 'I don\'t know shp type "0"',
    en: /^vung\.shp is damaged or is not part of a shapefile, so it cannot be read: open the layer in QGIS and save it again/,
    vi: /^vung\.shp bị hỏng hoặc không phải một phần của shapefile nên không đọc được: hãy mở lớp trong QGIS và lưu lại/,
  },
  {
    what: 'a KML that is not well-formed (xmldom) gets the line and column, as numbers, in our words',
    name: 'vung.kml',
    bytes: () => MISMATCHED_KML,
    said: 'Opening and ending tag mismatch: "name" != "nam"',
    en: /^the KML file is not well-formed XML \(it breaks at line 3, column 7\): a tag is not closed, or closed in the wrong order/,
    vi: /^tệp KML không phải XML hợp lệ \(lỗi ở dòng 3, cột 7\): có thẻ chưa đóng hoặc đóng sai thứ tự/,
  },
  {
    what: 'a KMZ whose doc.kml holds no element at all (xmldom) says so',
    name: 'vung.kmz',
    bytes: () => zipSync({ 'doc.kml': strToU8('Vùng chè Shan tuyết, xã Tả Sìn Thàng') }),
    said: 'missing root element',
    en: 'the KML file holds no XML element (is it empty, or plain text?); export the layer again as KML from Google Earth or QGIS',
    vi: 'tệp KML không chứa phần tử XML nào (tệp trống, hay chỉ là văn bản thường?); hãy xuất lại lớp thành KML từ Google Earth hoặc QGIS',
  },
  {
    what: 'a GeoPackage feature with a curved geometry (the WKB reader) says how to segmentize it in QGIS',
    name: 'cong.gpkg',
    bytes: () => CURVED_GPKG,
    said: 'geometry type 10 is not a simple feature',
    en: /^feature 1 of vung_che has a curved geometry \(a circular arc, a curve polygon…\), which this app does not read: in QGIS run Processing/,
    vi: /^đối tượng 1 của vung_che có hình dạng cong \(cung tròn, đa giác cong…\) mà ứng dụng không đọc được: trong QGIS hãy chạy Processing/,
  },
];

describe('a map file a library refuses: our words in both languages, the library’s only in the log', () => {
  it.each(CASES)('$what', async ({ name, bytes, said, en, vi: inVi }) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [headers, expected] of [
      [{}, en],
      [VI, inVi],
    ] as const) {
      const res = await editor.upload('zones', name, bytes(), { source: JSON.stringify(SOURCE) }, headers);
      const { error } = await res.json();
      expect({ status: res.status, code: error.code }).toEqual({ status: 400, code: 'invalid_file' });
      if (typeof expected === 'string') expect(error.message).toBe(expected);
      else expect(error.message).toMatch(expected);
      expect(error.message).not.toContain(said);
    }
    expect(log.mock.calls.map((args) => args.map(String).join(' ')).join('\n')).toContain(said);
  });
});
