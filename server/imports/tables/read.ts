import { importFileMessages as I } from '../../messages/import-files.ts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { foldForSearch } from '../../domain/text.ts';
import { isZip, readZip } from '../formats/archive.ts';
import { badFile, type ImportLimits, tooLarge } from '../limits.ts';
import type { Cell } from './cells.ts';
import { EXAMPLE_SOURCE_URLS } from './columns.ts';
import type { ResolvedColumn, ResolvedTable } from './specs.ts';

/** One row of an uploaded table: its row number as the user sees it (the header is row 1) and its cells by column key. */
export interface TableRow {
  row: number;
  cells: Record<string, Cell>;
  /** The template's example row, left in: refused, so an example is never imported as a fact. */
  example: boolean;
}

export interface ReadTable {
  format: 'csv' | 'xlsx';
  rows: TableRow[];
  /** Headers that name no column of the template (ignored, and said so in the preview). */
  ignoredColumns: string[];
}

/** The column a header names: "Mã xã (communeCode)", "communeCode" or "Mã xã". */
function columnOf(header: string, spec: ResolvedTable): ResolvedColumn | undefined {
  const key = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(header)?.[1];
  const folded = foldForSearch(header);
  return (
    spec.columns.find((c) => c.key === key) ??
    spec.columns.find((c) => c.key.toLowerCase() === header.trim().toLowerCase()) ??
    spec.columns.find((c) => foldForSearch(c.header.vi) === folded || foldForSearch(c.header.en) === folded)
  );
}

/**
 * Reads an uploaded CSV (UTF-8, with or without BOM; comma, semicolon or tab separated) or XLSX
 * (its first sheet) against a template's columns. Rows whose first cell starts with "#" (the
 * CSV template's notes) and empty rows are skipped; missing required columns refuse the file.
 * `spec` is the table as resolved from the data the template was served with (tableFor), so its
 * example row is recognised.
 */
export async function readTable(name: string, bytes: Uint8Array, spec: ResolvedTable, limits: ImportLimits): Promise<ReadTable> {
  const xlsx = isZip(bytes);
  const grid = xlsx ? await xlsxGrid(bytes, limits) : csvGrid(bytes);
  const [header, ...body] = grid;
  if (!header) throw badFile(I.emptyFile(name));
  const columns = header.cells.map((h) => (h === null ? undefined : columnOf(String(h), spec)));
  const missing = spec.columns.filter((c) => c.required && !columns.includes(c));
  if (missing.length) {
    throw badFile(
      I.missingColumns(
        name,
        missing.map((c) => `"${c.header.vi} (${c.key})"`),
        spec.kind,
      ),
      'missing_columns',
    );
  }
  const twice = spec.columns.find((c) => columns.filter((x) => x === c).length > 1);
  if (twice) throw badFile(I.columnTwice(name, twice.key), 'invalid_file');
  const ignoredColumns = header.cells.filter((h, i) => h !== null && String(h).trim() !== '' && !columns[i]).map(String);

  const rows: TableRow[] = [];
  for (const r of body) {
    if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
    if (typeof r.cells[0] === 'string' && r.cells[0].trimStart().startsWith('#')) continue;
    const cells: Record<string, Cell> = {};
    columns.forEach((c, i) => {
      if (c) cells[c.key] = r.cells[i] ?? null;
    });
    rows.push({ row: r.row, cells, example: isExample(cells, spec) });
    if (rows.length > limits.maxRows) throw tooLarge('too_many_rows', I.tooManyRows(name, null, limits.maxRows));
  }
  if (!rows.length) throw badFile(I.noRows(name));
  return { format: xlsx ? 'xlsx' : 'csv', rows, ignoredColumns };
}

/**
 * Whether the cells are the template's example row: every example value in place (the data's unit
 * among them), or a source link only an example row carries (EXAMPLE_SOURCE_URLS).
 */
function isExample(cells: Record<string, Cell>, spec: ResolvedTable): boolean {
  const link = cells.sourceUrl;
  if (typeof link === 'string' && EXAMPLE_SOURCE_URLS.has(link.trim())) return true;
  const filled = spec.columns.filter((c) => c.example !== '');
  return filled.every((c) => {
    const v = cells[c.key];
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v).trim().normalize('NFC');
    return s === String(c.example) || (c.asText === true && s.padStart(String(c.example).length, '0') === String(c.example));
  });
}

interface GridRow {
  row: number;
  cells: Cell[];
}

function csvGrid(bytes: Uint8Array): GridRow[] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  try {
    const records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map((r) => ({ row: r.info.lines, cells: r.record.map((c) => (c === '' ? null : c)) }));
  } catch (e) {
    throw badFile(I.csvUnreadable((e as Error).message));
  }
}

/** The value of an Excel cell: formulas give their result, rich text its text, links their text. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

async function xlsxGrid(bytes: Uint8Array, limits: ImportLimits): Promise<GridRow[]> {
  // An XLSX is a zip: the same checks as any archive (entries, unpacked size) before ExcelJS inflates it.
  readZip(bytes, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw badFile(I.xlsxUnreadable((e as Error).message));
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw badFile(I.xlsxNoSheet);
  const out: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellValue(row.getCell(i).value));
    out.push({ row: number, cells });
  });
  return out;
}
