import { beforeAll, describe, expect, it } from 'vitest';
import { importApp, RECOGNITION_HEADER, RECOGNITION_ROW, SOURCE } from './helpers.ts';

/**
 * Tables as Excel and older offices save them: "Unicode Text" / "CSV UTF-16" (UTF-16 with its byte-order mark,
 * often tab-separated) are read; Windows-1258, TCVN3 and other text that is not UTF-8 is refused, never guessed.
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
beforeAll(async () => {
  const t = importApp();
  ntm = await t.user('ntm1', 'editor', ['ntm']);
  ocop = await t.user('ocop1', 'editor', ['ocop']);
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
