import { importFileMessages as M } from '../../messages/import-files.ts';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { foldForSearch } from '../../domain/text.ts';
import { lookOf } from '../file-look.ts';
import { readZip } from '../formats/archive.ts';
import { badFile, type ImportLimits, tooLarge } from '../limits.ts';
import type { Cell } from './cells.ts';
import { EXAMPLE_SOURCE_URLS, type TemplateColumn } from './columns.ts';
import { headerText, type ResolvedColumn, type ResolvedTable, TABLE_SPECS } from './specs.ts';
import { tableText } from './table-text.ts';

/** A table to read, and the template it is read against: plain data, so a worker thread can take it. */
export interface TableFileJob {
  fileName: string;
  bytes: Uint8Array;
  /** The template as resolved from the data it was served with (tableFor), so its example row is recognised. */
  spec: ResolvedTable;
  limits: ImportLimits;
}

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

type Named = Pick<TemplateColumn, 'key' | 'header'>;

/** The column a header names: "Mã xã (communeCode)", "communeCode" or "Mã xã". */
function columnOf<C extends Named>(header: string, spec: { columns: readonly C[] }): C | undefined {
  const key = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(header)?.[1];
  const folded = foldForSearch(header);
  return (
    spec.columns.find((c) => c.key === key) ??
    spec.columns.find((c) => c.key.toLowerCase() === header.trim().toLowerCase()) ??
    spec.columns.find((c) => foldForSearch(c.header.vi) === folded || foldForSearch(c.header.en) === folded)
  );
}

/**
 * Reads an uploaded CSV (tableText's encodings; comma, semicolon or tab separated) or XLSX (its first sheet)
 * against a template's columns, telling them apart by content, not name; anything else is refused saying what it
 * looks like. Rows whose first cell starts with "#" (the CSV template's notes) and empty rows are skipped; a header
 * without the required columns refuses the file, naming the kind it belongs to when it is another's. Pure over its
 * job; runs in a worker thread for the server (server/imports/check-pool.ts).
 */
export async function readTable({ fileName: name, bytes, spec, limits }: TableFileJob): Promise<ReadTable> {
  const look = lookOf(bytes);
  if (look === 'empty') throw badFile(M.emptyUpload(name, M.tableExpected(spec.title, spec.kind)), 'empty_file');
  if (look === 'encrypted-office') throw badFile(M.passwordProtected(name), 'password_protected');
  if (look !== 'xlsx' && look !== 'text') throw badFile(M.notATable(name, look, spec.title, spec.kind), 'unsupported_format');
  const xlsx = look === 'xlsx';
  const grid = xlsx ? await xlsxGrid(name, bytes, limits) : csvGrid(name, bytes);
  const [header, ...body] = grid;
  if (!header) throw badFile(M.emptyFile(name));
  const columns = header.cells.map((h) => (h === null ? undefined : columnOf(String(h), spec)));
  checkRequired(name, header.cells, columns, spec);
  const twice = spec.columns.find((c) => columns.filter((x) => x === c).length > 1);
  if (twice) throw badFile(M.columnTwice(name, twice.key), 'invalid_file');
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
    if (rows.length > limits.maxRows) throw tooLarge('too_many_rows', M.tooManyRows(name, null, limits.maxRows));
  }
  if (!rows.length) throw badFile(M.noRows(name));
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

/**
 * Refuses a header without the kind's required columns: another table kind's header (the wrong kind was chosen),
 * none of the kind's columns (no header row, or someone else's table), or some of them missing.
 */
function checkRequired(name: string, header: readonly Cell[], columns: readonly (ResolvedColumn | undefined)[], spec: ResolvedTable): void {
  const missing = spec.columns.filter((c) => c.required && !columns.includes(c));
  if (!missing.length) return;
  const headers = header.filter((h) => h !== null && String(h).trim() !== '').map(String);
  const other = Object.values(TABLE_SPECS).find(
    (s) => s.kind !== spec.kind && s.columns.every((c) => !c.required || headers.some((h) => columnOf(h, s) === c)),
  );
  if (other) throw badFile(M.headerOfOtherKind(name, spec.title, other.title, other.kind), 'wrong_kind');
  if (missing.length === spec.columns.filter((c) => c.required).length) {
    throw badFile(M.headerOfNoKind(name, headers.slice(0, 4), headerText(missing[0]), spec.kind), 'unknown_columns');
  }
  throw badFile(
    M.missingColumns(
      name,
      missing.map((c) => `"${c.header.vi} (${c.key})"`),
      spec.kind,
    ),
    'missing_columns',
  );
}

interface GridRow {
  row: number;
  cells: Cell[];
}

function csvGrid(name: string, bytes: Uint8Array): GridRow[] {
  const text = tableText(name, bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  try {
    const records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map((r) => ({ row: r.info.lines, cells: r.record.map((c) => (c === '' ? null : c)) }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const at = e as CsvError & { lines: number; records: number; empty_lines: number };
    // A quote never closed is found at the end of the file: name the line its record starts on.
    throw badFile(M.csvBroken(name, e.code === 'CSV_QUOTE_NOT_CLOSED' ? at.records + at.empty_lines + 1 : at.lines));
  }
}

/** The value of an Excel cell: formulas give their result, rich text its text, links their text. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .normalize('NFC');
    if ('text' in v) return String(v.text).normalize('NFC');
    if ('error' in v) return null;
  }
  return String(v);
}

async function xlsxGrid(name: string, bytes: Uint8Array, limits: ImportLimits): Promise<GridRow[]> {
  // An XLSX is a zip: the same checks as any archive (entries, unpacked size) before ExcelJS inflates it.
  readZip(bytes, limits);
  // Loaded with the first XLSX, not with the check worker: a quarter of a second the map files and CSVs need not wait.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw badFile(M.xlsxBroken(name));
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw badFile(M.xlsxNoSheet(name));
  const out: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellValue(row.getCell(i).value));
    out.push({ row: number, cells });
  });
  return out;
}
