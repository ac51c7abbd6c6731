import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpgLabel } from '../../server/imports/formats/dbf-encoding.ts';
import { shapefilesZip } from '../helpers/gdal.ts';
import { squareCoordinates } from '../helpers/shapes.ts';
import { importApp, RECOGNITION_HEADER, RECOGNITION_ROW, SOURCE } from './helpers.ts';

/**
 * Tables as Excel and older offices save them: "Unicode Text" / "CSV UTF-16" (UTF-16 with its byte-order mark,
 * often tab-separated) are read; Windows-1258, TCVN3 and other text that is not UTF-8 is refused, never guessed.
 * Shapefiles likewise: their .dbf is read in the encoding its .cpg or its header's LDID names, else must be UTF-8.
 */

type Editor = Awaited<ReturnType<ReturnType<typeof importApp>['user']>>;

const sourceField = { source: JSON.stringify(SOURCE) };
const VI = { 'Accept-Language': 'vi' };

const lines = (rows: string[][], separator: string) => `${rows.map((r) => r.join(separator)).join('\r\n')}\r\n`;
/** What Excel's "Unicode Text" writes: UTF-16 little-endian with its mark. */
const utf16le = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

/** Previews only: nothing is committed, so the tests share one app and its editors. */
let ntm: Editor;
let ocop: Editor;
let zones: Editor;
beforeAll(async () => {
  const t = importApp();
  ntm = await t.user('ntm1', 'editor', ['ntm']);
  ocop = await t.user('ocop1', 'editor', ['ocop']);
  zones = await t.user('zones1', 'editor', ['zones']);
});

describe('tables in the encodings Excel saves', () => {
  it('reads UTF-16 LE with its mark, tab-separated (Excel "Unicode Text"), as the same recognition as UTF-8', async () => {
    const res = await ntm.upload('ntm-recognitions', 'cong-nhan.txt', utf16le(lines([RECOGNITION_HEADER, RECOGNITION_ROW], '\t')), sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect({ format: preview.format, errors: preview.errors, create: preview.summary.create }).toEqual({ format: 'csv', errors: [], create: 1 });
    expect(preview.changes[0].after).toMatchObject({
      communeCode: '03205',
      status: 'standard',
      yearFor: 2024,
      decision: { ref: '5/QĐ-UBND', date: '2025-01-10' },
    });
  });

  it('reads UTF-16 BE with its mark, comma-separated', async () => {
    const res = await ntm.upload('ntm-recognitions', 'cong-nhan.csv', utf16be(lines([RECOGNITION_HEADER, RECOGNITION_ROW], ',')), sourceField);
    expect(res.status).toBe(201);
    expect((await res.json()).changes[0].after).toMatchObject({ communeCode: '03205', decision: { ref: '5/QĐ-UBND' } });
  });

  it('gives names and headers typed decomposed (NFD, as a Mac types them) back in NFC', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const header = ['name', 'producerName', 'group', 'stars', 'decisionRef', 'decisionDate', 'communeCode', nfd('Ghi chú riêng')];
    const row = [nfd('Chè Shan tuyết Tủa Chùa'), nfd('HTX Chè Tủa Chùa'), 'I', '4', '9/QĐ-UBND', '2025-02-01', '03205', 'x'];
    const res = await ocop.upload('ocop-products', 'san-pham.txt', utf16le(lines([header, row], '\t')), sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes[0].after.name).toBe('Chè Shan tuyết Tủa Chùa');
    expect(preview.warnings.map((w: { column: string }) => w.column)).toEqual(['Ghi chú riêng']);
  });

  it.each([
    // "Đạt chuẩn" in Windows-1258 (Đ = D0, the dot below a combining F2) and in TCVN3/ABC (§¹t chuÈn)
    ['Windows-1258', bytes(`${RECOGNITION_HEADER.join(',')}\r\n2020,03205,`, [0xd0, 0x61, 0xf2, 0x74], ' chu', [0xe2, 0xd2], 'n,2024,5,10/01/2025\r\n')],
    ['TCVN3', bytes(`${RECOGNITION_HEADER.join(',')}\r\n2020,03205,`, [0xa7, 0xb9, 0x74], ' chu', [0xc8], 'n,2024,5,10/01/2025\r\n')],
  ])('refuses %s text with 400, naming the line and how to save "CSV UTF-8" from Excel, in both languages', async (_encoding, file) => {
    const en = await ntm.upload('ntm-recognitions', 'cu.csv', file, sourceField);
    expect(en.status).toBe(400);
    expect(await en.json()).toEqual({
      error: {
        code: 'unsupported_encoding',
        message: expect.stringMatching(
          /^cu\.csv is not UTF-8 text \(from line 2 on\).*Windows-1258, TCVN3\/ABC or VNI.*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/,
        ),
      },
    });
    const vi = await ntm.upload('ntm-recognitions', 'cu.csv', file, sourceField, VI);
    expect((await vi.json()).error.message).toMatch(/^cu\.csv không phải văn bản UTF-8 \(từ dòng 2\).*"CSV UTF-8/);
  });

  it('refuses UTF-16 written without its byte-order mark rather than reading it as UTF-8', async () => {
    const file = new Uint8Array(Buffer.from(lines([RECOGNITION_HEADER, RECOGNITION_ROW], '\t'), 'utf16le'));
    const res = await ntm.upload('ntm-recognitions', 'khong-bom.txt', file, sourceField);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'unsupported_encoding',
      message: expect.stringContaining('khong-bom.txt is not UTF-8 text (from line 1 on)'),
    });
  });
});

/** A zip with one entry added or replaced. */
const withEntry = (zip: Uint8Array, name: string, text: string) => zipSync({ ...unzipSync(zip), [name]: strToU8(text) });

/** One zone as GIS staff send it, its .dbf written by ogr2ogr in `encoding`, with or without the .cpg naming it. */
const zoneShapefile = (name: string, encoding: string, cpg = true) =>
  shapefilesZip(
    {
      vung: [
        { properties: { name, crop: 'Cà phê', areaHa: 225, year: 2025 }, geometry: { type: 'Polygon', coordinates: squareCoordinates(103.2, 21.5, 0.014) } },
      ],
    },
    '',
    { encoding, cpg },
  );

describe('shapefiles whose .dbf is not in UTF-8', () => {
  it.each([
    ['its .cpg names (CP1258)', 'CP1258', true, 'Vùng cà phê Mường Ảng'],
    ['its header names by LDID 0x03 (code page 1252), without a .cpg', 'LDID/3', false, 'Vùng cà phê'],
  ])('reads the text in the encoding %s', async (_how, encoding, cpg, name) => {
    const res = await zones.upload('zones', 'vung.zip', zoneShapefile(name, encoding, cpg), sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect({ format: preview.format, errors: preview.errors }).toEqual({ format: 'shapefile', errors: [] });
    expect(preview.changes[0].after.name).toBe(name);
  });

  it('refuses Windows-1258 without a .cpg with 400, naming the record and field and how to fix it, in both languages', async () => {
    const file = zoneShapefile('Vùng cà phê Mường Ảng', 'CP1258', false);
    const en = await zones.upload('zones', 'vung.zip', file, sourceField);
    expect(en.status).toBe(400);
    expect(await en.json()).toEqual({
      error: {
        code: 'unsupported_encoding',
        message: expect.stringMatching(
          /^vung\.dbf is not UTF-8 \(from record 1, field name on\) and names no encoding \(\.cpg\): .*Windows-1258, TCVN3\/ABC or VNI.*; put its code page in vung\.cpg beside it \(1258 for Windows-1258\), or in QGIS .*Save Features As… with Encoding UTF-8$/,
        ),
      },
    });
    const vi = await zones.upload('zones', 'vung.zip', file, sourceField, VI);
    expect((await vi.json()).error.message).toMatch(
      /^vung\.dbf không phải văn bản UTF-8 \(từ bản ghi 1, trường name\) và không ghi bảng mã \(\.cpg\): .*ghi bảng mã vào tệp vung\.cpg bên cạnh .*Encoding UTF-8$/,
    );
  });

  it.each([
    [
      'a .cpg that says UTF-8 over Windows-1258 text',
      () => withEntry(zoneShapefile('Vùng cà phê', 'CP1258'), 'vung.cpg', 'UTF-8'),
      ', though its .cpg "UTF-8" says so',
    ],
    [
      'LDID 0x57 (ArcGIS\'s "the Windows code page of the writer"), which names none',
      () => zoneShapefile('Vùng cà phê', 'LDID/87'),
      ' and names no encoding (.cpg)',
    ],
  ])('refuses text that is not UTF-8 under %s', async (_how, file, words) => {
    const res = await zones.upload('zones', 'vung.zip', file(), sourceField);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'unsupported_encoding', message: expect.stringContaining(`(from record 1, field name on)${words}: `) });
  });
});

describe('the encodings a .cpg names, as ArcGIS, QGIS and GDAL write them', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['1258', 'windows-1258'],
    ['CP1258', 'windows-1258'],
    ['ANSI 1252', 'windows-1252'],
    ['windows-1258', 'windows-1258'],
    ['88591', 'windows-1252'],
    ['ISO-8859-2', 'iso-8859-2'],
    ['950', 'big5'],
    [' utf8\r\n', 'utf-8'],
    // Not read, so the text must be UTF-8: DOS code pages, ArcGIS's "OEM", UTF-16.
    ['437', null],
    ['OEM', null],
    ['UTF-16', null],
  ])('%j → %s', (cpg, label) => expect(cpgLabel(cpg)).toBe(label));
});

/** One zone as a KML, its text as `bytes` makes it (an XML declaration of `encoding`, if any). */
const zoneKml = (name: string, declaration: string) =>
  `${declaration}<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>${name}</name>
  <ExtendedData><Data name="crop"><value>Cà phê</value></Data><Data name="areaHa"><value>225</value></Data><Data name="year"><value>2025</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>${squareCoordinates(103.2, 21.5, 0.014)[0].join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
/** Text in Windows-1258 for names of Latin-1 letters only ("Vùng cà phê"), which both encodings write alike. */
const cp1258 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const zoneGeoJson = (name: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name, crop: 'Cà phê', areaHa: 225, year: 2025 },
        geometry: { type: 'Polygon', coordinates: squareCoordinates(103.2, 21.5, 0.014) },
      },
    ],
  });

describe('KML and GeoJSON whose text is not in UTF-8', () => {
  it('reads a KML declared UTF-16 without the byte-order mark UTF-16 needs as the UTF-8 it is', async () => {
    const res = await zones.upload(
      'zones',
      'vung.kml',
      new TextEncoder().encode(zoneKml('Vùng cà phê Mường Ảng', '<?xml version="1.0" encoding="UTF-16"?>')),
      sourceField,
    );
    expect(res.status).toBe(201);
    expect((await res.json()).changes[0].after.name).toBe('Vùng cà phê Mường Ảng');
  });

  it('reads a KML in the encoding its XML declaration names', async () => {
    const res = await zones.upload('zones', 'vung.kml', cp1258(zoneKml('Vùng cà phê', '<?xml version="1.0" encoding="windows-1258"?>')), sourceField);
    expect(res.status).toBe(201);
    expect((await res.json()).changes[0].after.name).toBe('Vùng cà phê');
  });

  it.each([
    ['a GeoJSON (always UTF-8)', 'vung.geojson', () => cp1258(zoneGeoJson('Vùng cà phê')), 'vung.geojson is not UTF-8 text (from line 1 on)'],
    ['a KML without a declaration', 'vung.kml', () => cp1258(zoneKml('Vùng cà phê', '')), 'vung.kml is not UTF-8 text (from line 1 on)'],
    [
      'a KML in a KMZ, naming its entry',
      'vung.kmz',
      () => zipSync({ 'doc.kml': cp1258(zoneKml('Vùng cà phê', '<?xml version="1.0"?>\n')) }),
      'doc.kml is not UTF-8 text (from line 2 on)',
    ],
    [
      'a KML whose declaration names an encoding this app does not read',
      'vung.kml',
      () => cp1258(zoneKml('Vùng cà phê', '<?xml version="1.0" encoding="VNI-Windows"?>')),
      'vung.kml is not UTF-8 text (from line 1 on)',
    ],
  ])('refuses %s with 400 unsupported_encoding, naming the line, never garbled', async (_what, name, file, words) => {
    const res = await zones.upload('zones', name, file(), sourceField);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'unsupported_encoding', message: expect.stringContaining(words) });
  });

  it('says how to save it as UTF-8 from QGIS, in Vietnamese too', async () => {
    const res = await zones.upload('zones', 'vung.geojson', cp1258(zoneGeoJson('Vùng cà phê')), sourceField, VI);
    expect((await res.json()).error.message).toMatch(/^vung\.geojson không phải văn bản UTF-8 \(từ dòng 1\): .*Save Features As… với Encoding UTF-8/);
  });
});

describe('shapefile fields left blank', () => {
  it('are unknown, as in the other formats, not "NaN is not a number"', async () => {
    const square = (lon: number) => ({ type: 'Polygon', coordinates: squareCoordinates(lon, 21.5, 0.014) });
    const file = shapefilesZip({
      vung: [
        { properties: { name: 'Vùng chè A', crop: 'Chè', areaHa: 225, year: 2025 }, geometry: square(103.2) },
        { properties: { name: 'Vùng chè B', crop: 'Chè', areaHa: null, year: null }, geometry: square(103.3) },
      ],
    });
    const res = await zones.upload('zones', 'vung.zip', file, sourceField);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c: { after: { name: string; areaHa: number | null } }) => [c.after.name, c.after.areaHa])).toEqual([
      ['Vùng chè A', 225],
      ['Vùng chè B', null],
    ]);
  });
});
