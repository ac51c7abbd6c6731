import { verbatim } from '../../server/messages/text.ts';
import { describe, expect, it } from 'vitest';
import type { RecognitionRecord } from '../../server/catalog/records.ts';
import { ApiError } from '../../server/http/errors.ts';
import { getJson } from '../helpers/test-app.ts';
import { csv, editorReq, importHarness, SOURCE } from './helpers.ts';

/** Tables as people fill them: semicolons, DD/MM/YYYY, Vietnamese labels, codes that lost their zeros, several certificates per product. */
const semicolons = (rows: (string | number)[][]) => new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(';')).join('\n')}\n`);

describe('reading tables', () => {
  it('reads semicolon CSV, DD/MM/YYYY dates, Vietnamese statuses and codes without their leading zero', async () => {
    const h = importHarness();
    const file = semicolons([
      ['Mã xã', 'Bộ đơn vị hành chính', 'Mức đạt', 'Công nhận cho năm', 'Số quyết định', 'Ngày quyết định', 'Tên xã (để đối chiếu)', 'Ghi chú riêng'],
      ['3205', '2020', 'Đạt chuẩn', '2024', '5/QĐ-UBND', '10/01/2025', 'xã Na Son', 'x'],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'vi.csv', bytes: file, source: SOURCE });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([{ row: 1, column: 'Ghi chú riêng', code: 'ignored_column', message: expect.stringMatching(/not part of the template/) }]);
    expect(p.changes[0].after).toMatchObject({ communeCode: '03205', status: 'standard', yearFor: 2024, decision: { ref: '5/QĐ-UBND', date: '2025-01-10' } });
  });

  it('names the communes and products a change holds, so the preview shows "Xã Na Son", not "03205"', async () => {
    const h = importHarness();
    const recognition = await h.importer.preview(editorReq(), {
      kind: 'ntm-recognitions',
      fileName: 'r.csv',
      bytes: csv([
        ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate'],
        ['2020', '03205', 'standard', '2024', '5/QĐ-UBND', '2025-01-10'],
      ]),
      source: SOURCE,
    });
    expect(recognition.changes[0].names).toEqual({ '03205': 'Xã Na Son' });
    const product = await h.importer.preview(editorReq(), {
      kind: 'ocop-products',
      fileName: 'p.csv',
      bytes: csv([
        ['name', 'producerName', 'producerType', 'group', 'stars', 'decisionRef', 'decisionDate', 'communeCode'],
        ['Gạo Séng Cù Mường Thanh', 'HTX Nông nghiệp Mường Thanh', 'HTX', 'I', 3, '10/QĐ-UBND', '2021-04-01', '03136'],
      ]),
      source: SOURCE,
    });
    const commune = h.db.prepare("SELECT full_name FROM units WHERE unit_set = '2020' AND code = '03136'").pluck().get();
    expect(product.changes[0].names['03136']).toBe(commune);
  });

  it('refuses decisions and sources dated after today, and years after this one, by the importer’s clock (2026-01-05), as row errors', async () => {
    const h = importHarness();
    const file = csv([
      ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate', 'sourceTitle', 'sourceDate', 'sourceUrl'],
      ['2020', '03205', 'standard', '2025', '5/QĐ-UBND', '2026-01-06', 'Báo tỉnh', '2026-01-05', 'https://baodienbienphu.vn/a'],
      ['2020', '03208', 'standard', '2025', '6/QĐ-UBND', '2026-01-05', 'Báo tỉnh', '2099-01-01', 'https://baodienbienphu.vn/b'],
      ['2020', '03211', 'standard', '2027', '', '', 'Báo tỉnh', '2026-01-05', 'https://baodienbienphu.vn/c'],
      ['2020', '03214', 'standard', '2026', '7/QĐ-UBND', '2026-01-05', 'Báo tỉnh', '2026-01-05', 'https://baodienbienphu.vn/d'],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'future.csv', bytes: file });
    expect(p.errors).toEqual([
      { row: 2, column: 'decisionDate', message: 'cannot be after today' },
      { row: 3, column: 'sourceDate', message: 'cannot be after today' },
      { row: 4, column: 'yearFor', message: 'cannot be after the current year' },
    ]);
    // The file's own source is checked the same way.
    await expect(
      h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'f.csv', bytes: file, source: { ...SOURCE, date: '2026-02-01' } }),
    ).rejects.toMatchObject({ status: 400, message: 'source.date: cannot be after today' });
  });

  it('catches a code that does not match the name given beside it, and a missing required column', async () => {
    const h = importHarness();
    const bad = csv([
      ['unitSet', 'communeCode', 'status', 'communeName'],
      ['2020', '03205', 'basic', 'Thanh Nưa'],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'x.csv', bytes: bad, source: SOURCE });
    expect(p.errors).toEqual([
      { row: 2, column: 'communeName', message: expect.stringMatching(/^03205 is Xã Na Son in the 2020–2025 units, not “Thanh Nưa”/) },
    ]);
    await expect(
      h.importer.preview(editorReq(), {
        kind: 'ntm-recognitions',
        fileName: 'y.csv',
        bytes: csv([
          ['unitSet', 'status'],
          ['2020', 'basic'],
        ]),
      }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'missing_columns',
      message: expect.stringContaining('communeCode'),
    });
  });

  it('reports rows that change nothing as unchanged, so importing a file twice writes it once', async () => {
    const h = importHarness();
    const file = csv([
      ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate'],
      ['2020', '03205', 'standard', 2024, '5/QĐ', '2025-01-10'],
    ]);
    const first = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'a.csv', bytes: file, source: SOURCE });
    h.importer.commit(editorReq(), first.id);
    const again = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'a.csv', bytes: file, source: SOURCE });
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 1 });
    expect(again.canCommit).toBe(false);
  });
});

describe('a second recognition for a year the commune has one for', () => {
  it('is warned of beside its row, naming the one on record with its decision and source; not refused', async () => {
    const h = importHarness();
    const { recognitions } = (await getJson(h.app, '/api/timeline')).body as { recognitions: RecognitionRecord[] };
    const onRecord = recognitions.find((r) => r.unitSet === '2020' && r.yearFor !== null && r.decision && r.sources.length && !r.retracted)!;
    const other = onRecord.status === 'basic' ? 'standard' : 'basic';
    const file = csv([
      ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate'],
      ['2020', onRecord.communeCode, other, onRecord.yearFor!, '77/QĐ-UBND', `${onRecord.yearFor! + 1}-02-01`],
      // The same status and year corrects the one on record: no second recognition, nothing to warn of.
      ['2020', onRecord.communeCode, onRecord.status, onRecord.yearFor!, onRecord.decision!.ref, onRecord.decision!.date ?? ''],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'hai.csv', bytes: file, source: SOURCE });
    expect(p.errors).toEqual([]);
    expect(p.canCommit).toBe(true);
    expect(p.warnings).toEqual([
      {
        row: 2,
        column: 'yearFor',
        code: 'same_year_recognition',
        message: expect.stringMatching(`^the commune already has a recognition for ${onRecord.yearFor}: `),
      },
    ]);
    expect(p.warnings[0].message).toContain(`decision ${onRecord.decision!.ref} (source: ${onRecord.sources.map((x) => x.title).join('; ')})`);
    const vi = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'hai.csv', bytes: file, source: SOURCE }, 'vi');
    expect(vi.warnings[0].message).toMatch(new RegExp(`^xã đã có công nhận năm ${onRecord.yearFor}: “`));
  });

  it('is warned of when two rows of the file give one commune two statuses for a year', async () => {
    const h = importHarness();
    const file = csv([
      ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate'],
      ['2020', '03205', 'basic', 2023, '4/QĐ-UBND', '2024-01-10'],
      ['2020', '03205', 'standard', 2023, '5/QĐ-UBND', '2024-01-10'],
      ['2020', '03205', 'advanced', 2024, '6/QĐ-UBND', '2025-01-10'],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'hai-dong.csv', bytes: file, source: SOURCE });
    expect(p.canCommit).toBe(true);
    expect(p.warnings).toEqual([
      {
        row: 3,
        column: 'yearFor',
        code: 'same_year_in_file',
        message: 'row 2 already gives this commune a recognition for 2023; this row adds a second one for that year',
      },
    ]);
  });
});

describe('a commit the editor refuses', () => {
  it('names the row’s recognition as staff read it: the commune’s name and code, its unit set, the status and the year', async () => {
    const h = importHarness();
    const before = h.count('ntm_recognitions');
    const file = csv([
      ['unitSet', 'communeCode', 'status', 'yearFor', 'decisionRef', 'decisionDate'],
      ['2020', '03205', 'standard', 2024, '5/QĐ', '2025-01-10'],
    ]);
    const preview = await h.importer.preview(editorReq(), { kind: 'ntm-recognitions', fileName: 'a.csv', bytes: file, source: SOURCE });
    expect(preview.canCommit).toBe(true);
    // The editor's rights narrowed between the preview and the commit.
    const narrowed = editorReq('editor1', () => {
      throw new ApiError(403, 'forbidden', verbatim('editor1 may not edit this commune'));
    });
    let refusal: unknown;
    try {
      h.importer.commit(narrowed, preview.id);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({
      status: 409,
      code: 'import_refused',
      message:
        'row 2 — Xã Na Son (03205, the 2020–2025 units): recognition “Met (NTM commune)” for 2024 — was refused: editor1 may not edit this commune; preview the file again',
    });
    expect(h.count('ntm_recognitions')).toBe(before);
  });
});

describe('OCOP products', () => {
  const header = ['name', 'producerName', 'producerType', 'group', 'stars', 'decisionRef', 'decisionDate', 'communeCode'];

  it('takes one row per certificate: a renewal is a second row of the same product', async () => {
    const h = importHarness();
    const file = csv([
      header,
      ['Gạo Séng Cù Mường Thanh', 'HTX Nông nghiệp Mường Thanh', 'HTX', 'I', 3, '10/QĐ-UBND', '2021-04-01', '03136'],
      ['Gạo Séng Cù Mường Thanh', 'HTX Nông nghiệp Mường Thanh', 'HTX', 'I', 4, '77/QĐ-UBND', '2024-04-10', '03136'],
    ]);
    const p = await h.importer.preview(editorReq(), { kind: 'ocop-products', fileName: 'p.csv', bytes: file, source: SOURCE });
    expect(p.errors).toEqual([]);
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ action: 'create', rows: [2, 3], after: { stars: 4, ratings: [{ stars: 3 }, { stars: 4 }] } });
  });

  it('edits the existing product of the same name, saying which undated ratings the file replaces', async () => {
    const h = importHarness();
    const existing = h.db
      .prepare(
        'SELECT p.name, pr.name AS producer, p.commune_code AS commune FROM ocop_products p JOIN producers pr ON pr.id = p.producer_id WHERE p.commune_code IS NOT NULL LIMIT 1',
      )
      .get() as {
      name: string;
      producer: string;
      commune: string;
    };
    const file = csv([header, [existing.name, existing.producer, '', 'I', 4, '9/QĐ-UBND', '2025-02-01', existing.commune]]);
    const p = await h.importer.preview(editorReq(), { kind: 'ocop-products', fileName: 'p.csv', bytes: file, source: SOURCE });
    expect(p.errors).toEqual([]);
    expect(p.changes[0].action).toBe('update');
    expect(p.changes[0].fields.map((f: any) => f.field)).toContain('ratings');
    expect(p.warnings[0]).toMatchObject({ code: 'ratings_replaced', message: expect.stringMatching(/no decision number and will be replaced/) });
  });

  it('takes a name written with its diacritics as written, and one typed without them as the product it folds to', async () => {
    const h = importHarness();
    const existing = h.db
      .prepare(
        "SELECT p.name, pr.name AS producer, p.commune_code AS commune FROM ocop_products p JOIN producers pr ON pr.id = p.producer_id WHERE p.commune_code IS NOT NULL AND p.name LIKE '%a%' LIMIT 1",
      )
      .get() as { name: string; producer: string; commune: string };
    const row = (name: string) => [name, existing.producer, '', 'I', 4, '9/QĐ-UBND', '2025-02-01', existing.commune];
    const preview = async (name: string) =>
      (await h.importer.preview(editorReq(), { kind: 'ocop-products', fileName: 'p.csv', bytes: csv([header, row(name)]), source: SOURCE })).changes[0].action;
    const otherMarks = existing.name.replace('a', 'à');
    const unmarked = existing.name.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd').replaceAll('Đ', 'D');
    expect(await preview(otherMarks)).toBe('create');
    expect(await preview(unmarked)).toBe('update');
    expect(await preview(existing.name.toUpperCase())).toBe('update');
  });

  it('needs a place, and checks stars and groups with the write schema', async () => {
    const h = importHarness();
    const file = csv([header, ['Trà hoa vàng', 'Hộ Lò Văn A', '', 'VII', 6, '1/QĐ', '2024-01-01', '']]);
    const p = await h.importer.preview(editorReq(), { kind: 'ocop-products', fileName: 'p.csv', bytes: file, source: SOURCE });
    expect(p.errors.map((e: any) => e.column).sort()).toEqual(['communeCode', 'group']);
  });
});
