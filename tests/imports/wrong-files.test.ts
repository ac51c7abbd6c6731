import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cfbEntryNames } from '../../server/imports/formats/cfb.ts';
import { csv, importApp, SOURCE } from './helpers.ts';

/**
 * A file of the wrong kind gets a 4xx with the error envelope saying what the file looks like (by its content, not
 * its name) and what was expected — never a parser's own words.
 */

const sourceField = { source: JSON.stringify(SOURCE) };
const VI = { 'Accept-Language': 'vi' };

const PDF = strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const DOCX = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** An Excel 97–2003 workbook starts with the OLE2 compound file signature. */
const XLS = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
/**
 * A compound file (MS-CFB version 3, 512-byte sectors: the header, the FAT in sector 0, the directory in sector 1)
 * whose directory holds the root and these streams (at most three; their contents do not matter here).
 */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector…
  view.setUint32(0x4c, 0, true); // …sector 0
  for (let k = 1; k < 109; k++) view.setUint32(0x4c + 4 * k, 0xffffffff, true);
  view.setUint32(0x30, 1, true); // the directory starts in sector 1
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let k = 0; k < 128; k++) view.setUint32(512 + 4 * k, 0xffffffff, true);
  view.setUint32(512, 0xfffffffd, true); // sector 0: the FAT itself
  view.setUint32(516, 0xfffffffe, true); // sector 1: the directory, one sector long
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + 128 * i;
    for (let c = 0; c < name.length; c++) view.setUint16(at + 2 * c, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = i === 0 ? 5 : 2;
  });
  return bytes;
}
/** An .xlsx saved with a password: the encrypted zip and how to open it, in a compound file (MS-OFFCRYPTO). */
const ENCRYPTED_XLSX = compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
/** An .xls as Excel 97–2003 writes it: a compound file with a Workbook stream. */
const XLS_WITH_DIRECTORY = compoundFile(['Workbook', '\u0005SummaryInformation']);
const ZIP_OF_PAPERS = zipSync({ 'doc/to-trinh.txt': strToU8('Tờ trình'), 'anh/ban-do.jpg': JPEG });
const SHAPEFILE_ZIP = zipSync({ 'vung.shp': new Uint8Array(100), 'vung.shx': new Uint8Array(100), 'vung.dbf': new Uint8Array(33) });
/** A zip with a workbook's parts that are not a workbook: ExcelJS fails on it. */
const BROKEN_XLSX = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('not xml at all <<<') });

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Dữ liệu');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let t: ReturnType<typeof importApp>;
let editor: Awaited<ReturnType<ReturnType<typeof importApp>['user']>>;
let XLSX_OTHER_COLUMNS: Uint8Array;
let XLSX_OCOP: Uint8Array;
beforeAll(async () => {
  t = importApp();
  editor = await t.user('editor1', 'editor', ['ntm', 'ocop', 'zones']);
  XLSX_OTHER_COLUMNS = await workbook([
    ['STT', 'Họ và tên', 'Chức vụ', 'Số điện thoại'],
    [1, 'Lò Văn A', 'Chủ tịch', '0912345678'],
  ]);
  XLSX_OCOP = await workbook([
    ['Tên sản phẩm (name)', 'Chủ thể (producerName)', 'Nhóm (group)', 'Số sao (stars)', 'decisionRef', 'decisionDate', 'communeCode'],
    ['Chè Tủa Chùa', 'HTX Chè', 'I', 4, '9/QĐ-UBND', '2025-02-01', '03205'],
  ]);
});

async function refusal(kind: string, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const res = await editor.upload(kind, name, bytes, sourceField, headers);
  return { status: res.status, body: await res.json() };
}

describe('a table import (NTM recognitions) given the wrong file', () => {
  const notATable = (name: string, look: string) =>
    new RegExp(
      `^${name.replaceAll('.', '\\.')} looks like ${look.replace(/[()]/g, '\\$&')}, not a table; NTM recognitions are imported from CSV \\(UTF-8 or UTF-16, separated by commas, semicolons or tabs\\) or XLSX: in Excel choose File → Save As → "CSV UTF-8`,
    );

  it.each([
    { name: 'bao-cao.pdf', bytes: PDF, look: 'a PDF document' },
    { name: 'cong-nhan.csv', bytes: DOCX, look: 'a Word document (DOCX)' },
    { name: 'anh-chup.jpg', bytes: JPEG, look: 'an image (JPEG)' },
    { name: 'cong-nhan.png', bytes: PNG, look: 'an image (PNG)' },
    { name: 'cong-nhan-cu.xls', bytes: XLS, look: 'an Office 97–2003 file (an .xls workbook or a .doc document)' },
    { name: 'cong-nhan-2003.xls', bytes: XLS_WITH_DIRECTORY, look: 'an Office 97–2003 file (an .xls workbook or a .doc document)' },
    { name: 'ho-so.zip', bytes: ZIP_OF_PAPERS, look: 'a zip archive' },
    { name: 'vung.zip', bytes: SHAPEFILE_ZIP, look: 'a zipped shapefile (a map file)' },
  ])('$name: 400 unsupported_format, it looks like $look', async ({ name, bytes, look }) => {
    expect(await refusal('ntm-recognitions', name, bytes)).toEqual({
      status: 400,
      body: { error: { code: 'unsupported_format', message: expect.stringMatching(notATable(name, look)) } },
    });
  });

  it('a workbook saved with a password: 400 password_protected, saying how to remove it — not “Office 97–2003”', async () => {
    expect(cfbEntryNames(ENCRYPTED_XLSX)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    expect(await refusal('ntm-recognitions', 'cong-nhan.xlsx', ENCRYPTED_XLSX)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'password_protected',
          message:
            'cong-nhan.xlsx is password-protected (an encrypted workbook), so it cannot be read: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear the password, OK), save the workbook and upload it again',
        },
      },
    });
    const vi = await refusal('ntm-recognitions', 'cong-nhan.xlsx', ENCRYPTED_XLSX, VI);
    expect(vi.body.error.message).toMatch(/^cong-nhan\.xlsx là bảng tính có đặt mật khẩu \(đã mã hoá\) nên không đọc được: hãy gỡ mật khẩu trong Excel/);
    // Given to a map import, it is no map file either, and said to be what it is.
    expect((await refusal('zones', 'vung.xlsx', ENCRYPTED_XLSX)).body.error).toEqual({
      code: 'unsupported_format',
      message: expect.stringMatching(/^vung\.xlsx looks like a password-protected Office file \(an encrypted workbook or document\), not a map file; /),
    });
  });

  it('an empty file: 400 empty_file, saying what a table import expects', async () => {
    const { status, body } = await refusal('ntm-recognitions', 'trong.csv', new Uint8Array(0));
    expect({ status, code: body.error.code }).toEqual({ status: 400, code: 'empty_file' });
    expect(body.error.message).toMatch(
      /^trong\.csv is empty \(0 bytes\); NTM recognitions are imported from a CSV or XLSX table whose first row is the template's header/,
    );
    const vi = await refusal('ntm-recognitions', 'trong.csv', new Uint8Array(0), VI);
    expect(vi.body.error.message).toMatch(/^trong\.csv là tệp trống \(0 byte\); Công nhận xã đạt chuẩn nông thôn mới được nhập từ một bảng CSV hoặc XLSX/);
  });

  it('an XLSX of other columns, or a CSV whose header matches no import: 400 unknown_columns naming its headers and the template’s', async () => {
    const xlsx = await refusal('ntm-recognitions', 'danh-ba.xlsx', XLSX_OTHER_COLUMNS);
    expect(xlsx).toEqual({
      status: 400,
      body: {
        error: {
          code: 'unknown_columns',
          message: expect.stringMatching(
            /^the first row of danh-ba\.xlsx \("STT", "Họ và tên", "Chức vụ", "Số điện thoại"\) names no column of any import; it must be the template's header, such as "Bộ đơn vị hành chính \(unitSet\)": .*templates\/ntm-recognitions\.xlsx/,
          ),
        },
      },
    });
    const headerless = await refusal('ntm-recognitions', 'khong-tieu-de.csv', csv([['2020', '03205', 'Đạt chuẩn', 2024]]));
    expect(headerless.body.error).toEqual({
      code: 'unknown_columns',
      message: expect.stringContaining('the first row of khong-tieu-de.csv ("2020", "03205", "Đạt chuẩn", "2024")'),
    });
  });

  it('an OCOP products table imported as NTM recognitions: 400 wrong_kind naming the kind it belongs to', async () => {
    const { status, body } = await refusal('ntm-recognitions', 'san-pham.xlsx', XLSX_OCOP);
    expect({ status, body }).toEqual({
      status: 400,
      body: {
        error: {
          code: 'wrong_kind',
          message:
            'the first row of san-pham.xlsx has the columns of OCOP products, not of NTM recognitions; import it as ocop-products, or start from the right template',
        },
      },
    });
  });

  it('an XLSX with some of the columns still names the ones missing (missing_columns)', async () => {
    const partial = await workbook([
      ['Mã xã (communeCode)', 'Mức đạt (status)'],
      ['03205', 'Đạt chuẩn'],
    ]);
    const { status, body } = await refusal('ntm-recognitions', 'thieu-cot.xlsx', partial);
    expect({ status, code: body.error.code }).toEqual({ status: 400, code: 'missing_columns' });
    expect(body.error.message).toMatch(/^thieu-cot\.xlsx lacks the column "Bộ đơn vị hành chính \(unitSet\)"; start from the template/);
  });

  it('a damaged workbook or broken CSV quoting: 400 in our words, not the parser’s', async () => {
    expect((await refusal('ntm-recognitions', 'hong.xlsx', BROKEN_XLSX)).body.error).toEqual({
      code: 'invalid_file',
      message: expect.stringMatching(
        /^hong\.xlsx looks like an Excel workbook \(XLSX\) but cannot be opened .* save it again as "Excel Workbook \(\*\.xlsx\)"/,
      ),
    });
    const quotes = new TextEncoder().encode('unitSet,communeCode,status,yearFor\r\n2020,03205,standard,2024\r\n2020,"03206,standard,2024\r\n');
    expect((await refusal('ntm-recognitions', 'ngoac.csv', quotes)).body.error).toEqual({
      code: 'invalid_file',
      message: expect.stringMatching(/^ngoac\.csv cannot be read as CSV from line 3 on: a quotation mark/),
    });
  });
});

describe('a map import (zones) given the wrong file', () => {
  it.each([
    { name: 'ban-do.pdf', bytes: PDF, look: 'a PDF document' },
    { name: 'vung.docx', bytes: DOCX, look: 'a Word document (DOCX)' },
    { name: 'vung.png', bytes: PNG, look: 'an image (PNG)' },
    {
      name: 'vung.csv',
      bytes: csv([
        ['name', 'crop'],
        ['Vùng chè', 'Chè'],
      ]),
      look: 'plain text (such as CSV)',
    },
  ])('$name: 400 unsupported_format, it looks like $look, not a map file, and the formats it takes', async ({ name, bytes, look }) => {
    const { status, body } = await refusal('zones', name, bytes);
    expect({ status, body }).toEqual({
      status: 400,
      body: {
        error: {
          code: 'unsupported_format',
          message: `${name} looks like ${look}, not a map file; upload GeoJSON (.geojson), KML or KMZ, a zipped shapefile (.zip with .shp, .shx, .dbf, .prj, .cpg) or a GeoPackage (.gpkg)`,
        },
      },
    });
  });

  it('an XLSX: says it is a workbook, in Vietnamese too', async () => {
    const { body } = await refusal('zones', 'vung.xlsx', XLSX_OTHER_COLUMNS, VI);
    expect(body.error).toEqual({
      code: 'unsupported_format',
      message: expect.stringMatching(/^vung\.xlsx có vẻ là một bảng tính Excel \(XLSX\), không phải tệp bản đồ; hãy tải lên GeoJSON/),
    });
  });

  it('a GeoJSON that is not valid JSON: says where, in Vietnamese too, never in JSON.parse’s English', async () => {
    const broken = strToU8('{\n  "type": "FeatureCollection",\n  "features": [,]\n}\n');
    expect(await refusal('zones', 'vung.geojson', broken)).toEqual({
      status: 400,
      body: { error: { code: 'invalid_file', message: 'the file is not valid JSON: unexpected “,” at line 3, column 16' } },
    });
    const vi = await refusal('zones', 'vung.geojson', broken, VI);
    expect(vi.body.error.message).toBe('tệp không phải JSON hợp lệ: ký tự “,” không đúng chỗ ở dòng 3, cột 16');
    // A file cut short: where it ends.
    const cut = await refusal('zones', 'vung.geojson', strToU8('{"type": "FeatureCollection", "features": [{"type": "Feature"'), VI);
    expect(cut.body.error.message).toBe('tệp không phải JSON hợp lệ: nội dung kết thúc ở dòng 1, cột 62 khi JSON chưa trọn vẹn (có bị thiếu phần cuối không?)');
  });

  it('a zip without a shapefile, and an empty file', async () => {
    expect(await refusal('zones', 'ho-so.zip', ZIP_OF_PAPERS)).toEqual({
      status: 400,
      body: {
        error: { code: 'invalid_file', message: expect.stringMatching(/^the zip archive ho-so\.zip holds no shapefile, KML or GeoJSON; upload GeoJSON/) },
      },
    });
    expect(await refusal('zones', 'trong.geojson', new Uint8Array(0))).toEqual({
      status: 400,
      body: { error: { code: 'empty_file', message: expect.stringMatching(/^trong\.geojson is empty \(0 bytes\); upload GeoJSON/) } },
    });
  });
});
