import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../catalog/columns.ts';
import type { DownloadLayer } from './layers.ts';
import { appTitleOf, citedSources, licenceNote, licenceRows } from './provenance.ts';
import { tableColumns } from './table.ts';

/**
 * An Excel workbook (exceljs's streaming writer: rows go out as they are written): one sheet per
 * layer — a bold, frozen, filterable header of column keys, one row per feature, numbers and
 * booleans as such — and a "Nguồn và giấy phép" sheet with the licence note, each layer's date,
 * parameters and licences, and every source the records cite.
 */

export const SOURCES_SHEET = 'Nguồn và giấy phép';

/** Excel's limit on the text of one cell. */
const MAX_CELL = 32767;
const TOO_LONG = 'Hình quá lớn cho một ô Excel: xem bản GeoPackage, GeoJSON hoặc KML. / Shape too large for an Excel cell: see the GeoPackage, GeoJSON or KML.';

const cell = (v: CellValue) => (typeof v === 'string' && v.length > MAX_CELL ? TOO_LONG : v);

const bold = { bold: true } as const;

function addLayerSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, layer: DownloadLayer): void {
  const columns = tableColumns(layer, { geometry: true, licence: false });
  const ws = wb.addWorksheet(layer.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.key, key: c.key, width: c.type === 'text' ? 24 : 12 }));
  ws.getRow(1).font = bold;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const f of layer.features) ws.addRow(columns.map((c) => cell(c.value(f)))).commit();
  ws.commit();
}

function addSourcesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, layers: readonly DownloadLayer[], generated: string): void {
  const ws = wb.addWorksheet(SOURCES_SHEET);
  ws.getColumn(1).width = 40;
  for (const c of [2, 3, 4, 5, 6]) ws.getColumn(c).width = 28;
  const heading = (text: string) => {
    const row = ws.addRow([text]);
    row.font = bold;
    row.commit();
  };
  const title = appTitleOf(layers);
  heading(`${title.vi} / ${title.en}`);
  ws.addRow([`Tạo lúc / generated: ${generated}`]).commit();
  ws.addRow([]).commit();
  for (const line of licenceNote(layers).split('\n')) ws.addRow([line]).commit();
  ws.addRow([]).commit();

  heading('Lớp dữ liệu, ngày và giấy phép / Layers, dates and licences');
  const rows = licenceRows(layers, (l) => l.name);
  const keys = Object.keys(rows[0]) as (keyof (typeof rows)[number])[];
  const header = ws.addRow(keys);
  header.font = bold;
  header.commit();
  for (const r of rows) ws.addRow(keys.map((k) => r[k])).commit();
  ws.addRow([]).commit();

  heading('Nguồn được trích dẫn / Sources cited');
  const sourceKeys = ['title', 'date', 'confidence', 'url', 'ref', 'note', 'layers'] as const;
  const sourceHeader = ws.addRow([...sourceKeys]);
  sourceHeader.font = bold;
  sourceHeader.commit();
  for (const s of citedSources(layers)) ws.addRow(sourceKeys.map((k) => (k === 'layers' ? s.layers.join(', ') : s[k]))).commit();
  ws.commit();
}

/** Writes the workbook as it is read from the returned stream; a failure ends the stream with the error. */
export function xlsxStream(layers: readonly DownloadLayer[], generated: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = appTitleOf(layers).vi;
  wb.created = new Date(generated);
  (async () => {
    for (const layer of layers) addLayerSheet(wb, layer);
    addSourcesSheet(wb, layers, generated);
    await wb.commit();
  })().catch((e) => out.destroy(e));
  return out;
}
