import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shapefilesZip } from '../helpers/gdal.ts';
import { squareCoordinates } from '../helpers/shapes.ts';
import { csv, importApp, SOURCE } from './helpers.ts';

/**
 * Vietnamese typed in the fonts of before Unicode — TCVN3 (ABC, ".VnTime") and VNI — is valid text that reads wrong
 * ("Th¸i Nguyªn" for "Thái Nguyên"). Whatever the file (CSV, XLSX, a shapefile's .dbf, GeoJSON), an import that would
 * store such text is refused with 400 legacy_vietnamese_font, naming the row and column, showing the text and how it
 * reads; it is converted only when the upload names the font (legacyFont), each value then shown in the preview.
 * Ordinary text with ñ, ©, ®, § goes through.
 */

type Editor = Awaited<ReturnType<ReturnType<typeof importApp>['user']>>;

const sourceField = { source: JSON.stringify(SOURCE) };
const VI = { 'Accept-Language': 'vi' };
const PRODUCT_HEADER = ['name', 'producerName', 'group', 'stars', 'decisionRef', 'decisionDate', 'communeCode'];
const product = (name: string, producer: string) => [name, producer, 'I', '4', '9/QĐ-UBND', '2025-02-01', '03205'];

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Dữ liệu');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const zoneFeature = (properties: Record<string, unknown>) => ({
  properties: { crop: 'Chè', areaHa: 225, year: 2025, ...properties },
  geometry: { type: 'Polygon', coordinates: squareCoordinates(103.35, 21.95, 0.014) },
});
const geojson = (properties: Record<string, unknown>) =>
  new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', ...zoneFeature(properties) }] }));

/** Previews only: nothing is committed, so the tests share one app and its editors. */
let ocop: Editor;
let zones: Editor;
beforeAll(async () => {
  const t = importApp();
  ocop = await t.user('ocop1', 'editor', ['ocop']);
  zones = await t.user('zones1', 'editor', ['zones']);
});

describe('text typed in a legacy Vietnamese font is refused, in any file', () => {
  it('a TCVN3 producer in an XLSX: 400 naming the row and column, with the text as it reads and how to convert it, in both languages', async () => {
    const file = await xlsx([PRODUCT_HEADER, product('Chè Shan tuyết Tủa Chùa', 'HTX N«ng nghiÖp Tña Chïa')]);
    const en = await ocop.upload('ocop-products', 'san-pham.xlsx', file, sourceField);
    expect(en.status).toBe(400);
    expect(await en.json()).toEqual({
      error: {
        code: 'legacy_vietnamese_font',
        message:
          'row 2, column producerName: "HTX N«ng nghiÖp Tña Chïa" is typed in a TCVN3 (ABC) font, not in Unicode: it reads "HTX Nông nghiệp Tủa Chùa". ' +
          'Convert the file (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6, from TCVN3 (ABC) to Unicode) and upload it again, or upload it with Old font TCVN3 (ABC) chosen (legacyFont=TCVN3) to convert it here',
      },
    });
    const vi = await ocop.upload('ocop-products', 'san-pham.xlsx', file, sourceField, VI);
    expect((await vi.json()).error.message).toMatch(
      /^dòng 2, cột producerName: "HTX N«ng nghiÖp Tña Chïa" được gõ bằng phông TCVN3 \(ABC\), không phải Unicode: đọc là "HTX Nông nghiệp Tủa Chùa"\. Hãy chuyển mã tệp \(Unikey.*Phông chữ cũ TCVN3 \(ABC\) \(legacyFont=TCVN3\)/,
    );
  });

  it('a VNI product name in a UTF-8 CSV', async () => {
    const res = await ocop.upload(
      'ocop-products',
      'san-pham.csv',
      csv([PRODUCT_HEADER, product('Cheø Shan tuyeát Tuûa Chuøa', 'HTX Chè Tủa Chùa')]),
      sourceField,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'legacy_vietnamese_font',
      message: expect.stringMatching(
        /^row 2, column name: "Cheø Shan tuyeát Tuûa Chuøa" is typed in a VNI Windows font, not in Unicode: it reads "Chè Shan tuyết Tủa Chùa"\./,
      ),
    });
  });

  it("a shapefile whose .dbf holds TCVN3's bytes, read by its .cpg as Windows-1252: the feature and attribute are named", async () => {
    // ogr2ogr writes each character of the TCVN3-looking text as its Windows-1252 byte: the bytes a .VnTime font typed.
    const zip = shapefilesZip({ vung: [zoneFeature({ name: 'Vïng chÌ Shan tuyÕt Tña Chïa' })] }, '', { encoding: 'CP1252' });
    const res = await zones.upload('zones', 'vung.zip', zip, sourceField);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'legacy_vietnamese_font',
      message: expect.stringMatching(
        /^feature 1, attribute name: "Vïng chÌ Shan tuyÕt Tña Chïa" is typed in a TCVN3 \(ABC\) font.*"Vùng chè Shan tuyết Tủa Chùa".*\(legacyFont=TCVN3\) to convert it here$/,
      ),
    });
  });

  it('a VNI source title in a GeoJSON feature (its own source, read through the same reader)', async () => {
    const res = await zones.upload(
      'zones',
      'vung.geojson',
      geojson({ name: 'Vùng chè Tủa Chùa', sourceTitle: 'Baùo caùo Sôû Noâng nghieäp', sourceDate: '2025-05-01' }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'legacy_vietnamese_font',
      message: expect.stringMatching(/^feature 1, attribute sourceTitle: .*VNI Windows.*"Báo cáo Sở Nông nghiệp"/),
    });
  });
});

describe('converting, when the upload names the font (legacyFont)', () => {
  const tcvn3Producer = () => xlsx([PRODUCT_HEADER, product('Chè Shan tuyết Tủa Chùa', 'HTX N«ng nghiÖp Tña Chïa')]);

  it('converts the values in that font, each shown in the preview as a warning before and after, and commits them', async () => {
    const res = await ocop.upload('ocop-products', 'san-pham.xlsx', await tcvn3Producer(), { ...sourceField, legacyFont: 'TCVN3' });
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([
      {
        row: 2,
        column: 'producerName',
        code: 'legacy_font_converted',
        message: 'converted from TCVN3 (ABC) to Unicode: "HTX N«ng nghiÖp Tña Chïa" → "HTX Nông nghiệp Tủa Chùa"',
      },
    ]);
    // The producer is named by its converted name (its id is made from it).
    expect(preview.changes[0].after).toMatchObject({ name: 'Chè Shan tuyết Tủa Chùa', producerId: 'htx-nong-nghiep-tua-chua' });
    const commit = await ocop.post(`/api/imports/${preview.id}/commit`);
    expect(commit.status).toBe(201);
    expect((await commit.json()).counts.create).toBe(1);
  });

  it('converts a shapefile attribute the same way, naming the feature', async () => {
    const zip = shapefilesZip({ vung: [zoneFeature({ name: 'Vïng chÌ Shan tuyÕt Tña Chïa' })] }, '', { encoding: 'CP1252' });
    const res = await zones.upload('zones', 'vung.zip', zip, { ...sourceField, legacyFont: 'TCVN3' });
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.changes[0].after.name).toBe('Vùng chè Shan tuyết Tủa Chùa');
    expect(preview.warnings).toEqual([expect.objectContaining({ row: 1, column: 'name', code: 'legacy_font_converted' })]);
  });

  it('still refuses text in the other font, and a font it does not know', async () => {
    const other = await ocop.upload('ocop-products', 'san-pham.xlsx', await tcvn3Producer(), { ...sourceField, legacyFont: 'VNI' });
    expect(other.status).toBe(400);
    expect((await other.json()).error.code).toBe('legacy_vietnamese_font');
    const unknown = await ocop.upload('ocop-products', 'san-pham.xlsx', await tcvn3Producer(), { ...sourceField, legacyFont: 'ABC' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toEqual({
      code: 'invalid_body',
      message: 'legacyFont must be one of TCVN3, VNI',
      fields: { legacyFont: 'must be one of TCVN3, VNI' },
    });
  });
});

describe('ordinary text is imported as it is', () => {
  it('names with ñ, ©, ®, § and Vietnamese in every case preview clean', async () => {
    const names = ['Sữa chua Mộc Châu®', 'Cà phê Peña © 2024', 'Trà Muñoz § 2', 'MẬT ONG ĐIỆN BIÊN'];
    const res = await ocop.upload('ocop-products', 'san-pham.csv', csv([PRODUCT_HEADER, ...names.map((n) => product(n, 'HTX Ñandú'))]), sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c: { after: { name: string } }) => c.after.name)).toEqual(names);
  });

  it('a column the import does not read is not looked at (it is only said to be ignored)', async () => {
    const res = await ocop.upload(
      'ocop-products',
      'san-pham.csv',
      csv([
        [...PRODUCT_HEADER, 'Ghi chú riêng'],
        [...product('Chè Shan tuyết Tủa Chùa', 'HTX Chè Tủa Chùa'), 'Th¸i Nguyªn'],
      ]),
      sourceField,
    );
    expect(res.status).toBe(201);
    expect((await res.json()).warnings.map((w: { column: string }) => w.column)).toEqual(['Ghi chú riêng']);
  });
});
