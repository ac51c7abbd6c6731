import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticGeodata } from '../../scripts/geodata/synthetic.ts';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { createImporter } from '../../server/imports/importer.ts';
import { GEODATA_DIR, seededDatabase } from '../helpers/test-app.ts';
import { editorReq } from './helpers.ts';

/**
 * The import templates' example rows come from the data the server is serving: the template of
 * any province names one of its own communes (the first of the set, by code) and no real place
 * elsewhere, and that example, left in a file, is refused on upload to the same server.
 */
const syntheticDir = mkdtempSync(join(tmpdir(), 'synthetic-templates-'));
writeSyntheticGeodata(syntheticDir);
afterAll(() => rmSync(syntheticDir, { recursive: true, force: true }));

function server(db: Database, geodataDir: string) {
  const app = createApp({ db, config: { clientDir: null, geodataDir } });
  const store = createStore(db);
  const importer = createImporter({ db, data: () => loadSnapshot(store), clock: () => new Date('2026-01-05T03:00:00Z') });
  /** The template's header keys and its example row (row 2), by key. */
  async function example(file: string): Promise<Record<string, string>> {
    const res = await app.request(`/api/imports/templates/${file}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let header: string[];
    let row: string[];
    if (file.endsWith('.csv')) {
      [header, row] = parse(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true }) as string[][];
    } else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer as ArrayBuffer);
      const sheet = wb.worksheets[0];
      header = (sheet.getRow(1).values as string[]).slice(1);
      row = header.map((_, i) => String(sheet.getRow(2).getCell(i + 1).value ?? ''));
    }
    return Object.fromEntries(header.map((h, i) => [/\((\w+)\)$/.exec(h)![1], row[i] ?? '']));
  }
  const upload = async (kind: 'ntm-recognitions' | 'ocop-products', format: 'csv' | 'xlsx') => {
    const bytes = new Uint8Array(await (await app.request(`/api/imports/templates/${kind}.${format}`)).arrayBuffer());
    return importer.preview(editorReq(), { kind, fileName: `mau.${format}`, bytes });
  };
  const text = async (file: string) => new TextDecoder().decode(await (await app.request(`/api/imports/templates/${file}`)).arrayBuffer());
  return { app, example, upload, text, data: () => loadSnapshot(store) };
}

const dienBien = server(seededDatabase(), GEODATA_DIR);
const syntheticDb = () => {
  const db = openDatabase(':memory:');
  migrate(db);
  seedDatabase(db, readGeodata(syntheticDir));
  return db;
};
const synthetic = server(syntheticDb(), syntheticDir);

const byCode = <T extends { code: string }>(units: readonly T[]) => [...units].sort((a, b) => a.code.localeCompare(b.code));
const REFUSED = [{ row: 2, column: null, message: expect.stringMatching(/example row/) }];

describe('the templates of the seeded Điện Biên data', () => {
  it('name a rural commune (xã, which NTM assesses) that exists in it, with its own name, in the unit set the row gives', async () => {
    const data = dienBien.data();
    for (const format of ['csv', 'xlsx']) {
      const ex = await dienBien.example(`ntm-recognitions.${format}`);
      const set = ex.unitSet as '2020' | '2025';
      const first = byCode(data.units[set].communes.filter((c) => c.type === 'Xã'))[0];
      expect(ex).toMatchObject({ unitSet: '2020', communeCode: first.code, communeName: first.name });
      const product = await dienBien.example(`ocop-products.${format}`);
      expect(data.units['2020'].communes.map((c) => c.code)).toContain(product.communeCode);
    }
    const guide = await dienBien.text('ocop-products.csv');
    expect(guide).toMatch(/# lon: .*Giá trị: 102–104\./);
    expect(guide).toMatch(/# lat: .*Giá trị: 20–23\./);
  });

  it('name no real product, producer or source: the examples are plainly examples, in NFC Vietnamese', async () => {
    const product = await dienBien.example('ocop-products.csv');
    expect(product.name).toMatch(/ví dụ/);
    expect(product.producerName).toMatch(/Ví Dụ/);
    expect(new URL(product.sourceUrl).hostname).toBe('example.org');
    for (const v of Object.values(product)) expect(v).toBe(v.normalize('NFC'));
    expect(await dienBien.text('ocop-products.csv')).not.toMatch(/Sen Thượng|dienbien\.gov\.vn/);
  });

  it('refuse their example row left in, CSV and XLSX', async () => {
    for (const kind of ['ntm-recognitions', 'ocop-products'] as const) {
      for (const format of ['csv', 'xlsx'] as const) expect((await dienBien.upload(kind, format)).errors).toEqual(REFUSED);
    }
  });
});

describe('the templates of the synthetic province', () => {
  const dienBienCommunes = Object.values(dienBien.data().units).flatMap((u) => u.communes);

  it('name one of its own communes and no Điện Biên code, name or place', async () => {
    const data = synthetic.data();
    for (const format of ['csv', 'xlsx']) {
      const ex = await synthetic.example(`ntm-recognitions.${format}`);
      const first = byCode(data.units[ex.unitSet as '2020' | '2025'].communes)[0];
      expect(ex).toMatchObject({ communeCode: first.code, communeName: first.name });
      const product = await synthetic.example(`ocop-products.${format}`);
      expect(data.units['2020'].communes.map((c) => c.code)).toContain(product.communeCode);
      for (const row of [ex, product]) {
        for (const v of Object.values(row)) {
          expect(dienBienCommunes.some((c) => c.code === v || c.name === v)).toBe(false);
        }
      }
    }
    for (const file of ['ntm-recognitions.csv', 'ocop-products.csv']) {
      const text = await synthetic.text(file);
      expect(text).not.toMatch(/Điện Biên|dienbien|03205|03155|Na Son|Sen Thượng|102–104|20–23/);
    }
    // Its lon/lat hints are its own extent (105.25–105.8° E, 20.45–20.95° N).
    expect(await synthetic.text('ocop-products.csv')).toMatch(/# lon: .*Giá trị: 105–106\.[\s\S]*# lat: .*Giá trị: 20–21\./);
  });

  it('are the same from the same data, and their example row left in is refused on upload', async () => {
    const again = server(syntheticDb(), syntheticDir);
    expect(await again.example('ntm-recognitions.csv')).toEqual(await synthetic.example('ntm-recognitions.csv'));
    expect(await again.text('ocop-products.csv')).toEqual(await synthetic.text('ocop-products.csv'));
    for (const kind of ['ntm-recognitions', 'ocop-products'] as const) {
      for (const format of ['csv', 'xlsx'] as const) expect((await synthetic.upload(kind, format)).errors).toEqual(REFUSED);
    }
  });
});
