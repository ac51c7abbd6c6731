import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { saveTemp } from '../helpers/gdal.ts';
import { committedProvince, testApp } from '../helpers/test-app.ts';

/**
 * The spreadsheet files as a spreadsheet program opens them: LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) reads our CSV as UTF-8 with commas and our XLSX
 * as a workbook, and saves them again; exceljs reads what it saved.
 */
const { app } = testApp();
const profile = `file://${mkdtempSync(join(tmpdir(), 'lo-profile-'))}`;

/** Converts a file with LibreOffice and returns the workbook it wrote. */
function convert(input: string, filter: string[]): Promise<ExcelJS.Workbook> {
  const out = mkdtempSync(join(tmpdir(), 'lo-out-'));
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...filter, '--convert-to', 'xlsx', '--outdir', out, input], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw new Error(`soffice could not run (install Debian's libreoffice-calc-nogui): ${run.error.message}`);
  const written = readdirSync(out);
  if (written.length !== 1) throw new Error(`LibreOffice wrote ${written.join(', ') || 'nothing'} from ${input}: ${run.stderr}`);
  const wb = new ExcelJS.Workbook();
  return wb.xlsx.readFile(join(out, written[0]));
}

async function save(path: string, name: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return saveTemp(name, new Uint8Array(await res.arrayBuffer()));
}

describe('LibreOffice Calc', () => {
  it('opens the CSV as one row per commune, with Vietnamese text and the licence intact', async () => {
    const csv = await save('/api/downloads/communes-2020.csv?asOf=2021-06-30', 'xa-ntm-2021-06-30.csv');
    // The import dialog's choice for a UTF-8 CSV: comma-separated, double quotes, UTF-8 (charset 76).
    const wb = await convert(csv, ['--infilter=CSV:44,34,76,1']);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(ws.rowCount).toBe(130);
    expect(header[0]).toBe('code');
    expect(header.at(-1)).toBe('licence');
    const rows = Array.from({ length: 129 }, (_, i) => ws.getRow(i + 2).values as unknown[]);
    expect(rows.every((r) => r.length - 1 === header.length)).toBe(true);
    expect(rows.map((r) => r[header.indexOf('fullName') + 1])).toContain('Xã Thanh Yên');
    expect(String(rows[0][header.length])).toContain(committedProvince().licences.boundaries.terms.vi);
  }, 180_000);

  it('opens the XLSX of a view with every sheet and row', async () => {
    const xlsx = await save('/api/downloads/view.xlsx?collections=communes-2020,ocop-products&asOf=2021-06-30', 'ban-do.xlsx');
    const wb = await convert(xlsx, []);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['xa_ntm', 'san_pham_ocop', 'Nguồn và giấy phép']);
    expect(wb.getWorksheet('xa_ntm')!.rowCount).toBe(130);
    expect(wb.getWorksheet('xa_ntm')!.getRow(2).getCell(1).value).toMatch(/^\d{5}$/);
  }, 180_000);
});
