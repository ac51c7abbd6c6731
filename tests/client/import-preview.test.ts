import { describe, expect, it } from 'vitest';
import { changeWords } from '../../client/ui/imports/preview-rows.ts';
import type { ImportPreviewResponse } from '../../server/catalog/imports.ts';

type Change = ImportPreviewResponse['changes'][number];
const change = (c: Partial<Change>): Change => ({
  action: 'create',
  entity: 'recognition',
  id: 'x',
  rows: [2],
  label: 'x',
  before: null,
  after: null,
  fields: [],
  names: {},
  ...c,
});

/** The import preview in words: names where the record holds codes and ids, values before → after. */
describe('an import preview’s changes', () => {
  it('titles a recognition by its commune’s name, status and year, keeping the code beside the name', () => {
    const words = changeWords(
      change({
        id: '03205-standard-2024',
        label: '2020:03205 standard 2024',
        after: { unitSet: '2020', communeCode: '03205', status: 'standard', yearFor: 2024, decision: { ref: '5/QĐ-UBND', date: '2025-01-10' } },
        names: { '03205': 'Xã Na Son' },
      }),
      'en',
    );
    expect(words.title).toBe('Xã Na Son (03205) · Met (NTM commune) · 2024');
    expect(words.fields).toContainEqual({ label: 'Decision', before: null, after: '5/QĐ-UBND, 10 Jan 2025' });
  });

  it('shows a zone’s communes and linked products by name, before → after', () => {
    const before = { name: 'Vùng chè', crop: 'tea', communeCodes: ['03205'], productLinks: [] };
    const after = { ...before, communeCodes: ['03205', '03208'], productLinks: [{ id: 'p-7', confirmed: true }] };
    const words = changeWords(
      change({
        action: 'update',
        entity: 'zone',
        label: 'Vùng chè',
        before,
        after,
        names: { '03205': 'Xã Na Son', '03208': 'Xã Mường Thín', 'p-7': 'Chè Shan tuyết Tủa Chùa' },
      }),
      'en',
    );
    expect(words.title).toBe('Vùng chè');
    const text = JSON.stringify(words.fields);
    expect(text).toContain('Xã Mường Thín (03208)');
    expect(text).toContain('Chè Shan tuyết Tủa Chùa');
    expect(text).not.toContain('"p-7"');
  });

  it('labels a zone’s units without a kind the names already carry (not “xã: Thị trấn Mường Chà”)', () => {
    const words = changeWords(
      change({
        action: 'create',
        entity: 'zone',
        label: 'Vùng chè',
        after: { name: 'Vùng chè', communeCodes: ['03172'] },
        names: { '03172': 'Thị trấn Mường Chà' },
      }),
      'vi',
    );
    expect(words.fields).toContainEqual({ label: 'Địa bàn', before: null, after: 'Thị trấn Mường Chà (03172)' });
  });

  it('lists a record it cannot describe field by field as the server gave it', () => {
    const words = changeWords(change({ action: 'update', entity: 'unit', label: 'boundaries', fields: [{ field: 'areaKm2', before: 10, after: 12 }] }), 'en');
    expect(words.fields).toEqual([{ label: 'areaKm2', before: '10', after: '12' }]);
  });
});
