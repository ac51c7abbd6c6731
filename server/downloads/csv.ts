import { stringify } from 'csv-stringify/sync';
import type { CellValue } from '../catalog/columns.ts';
import type { DownloadLayer } from './layers.ts';
import type { Chunks } from './stream.ts';
import { tableColumns } from './table.ts';

const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 200;

/** RFC 4180 with CRLF; text starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
const OPTIONS = {
  record_delimiter: 'windows',
  escape_formulas: true,
  cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
} as const;

/**
 * One layer as CSV: UTF-8 with a BOM (so Excel reads Vietnamese), a header row of column keys,
 * then exactly one row per feature. The table stays rectangular — the provenance rides on every
 * row (`sources.*`, `asOf`, `licence`) instead of a note above or below that would break Excel's
 * sorting and every CSV reader — so it opens cleanly in Excel, LibreOffice, QGIS and pandas.
 */
export function* csvChunks(layer: DownloadLayer): Chunks {
  const columns = tableColumns(layer, { geometry: true, licence: true });
  yield BOM + stringify([columns.map((c) => c.key)], OPTIONS);
  for (let i = 0; i < layer.features.length; i += ROWS_PER_CHUNK) {
    const rows = layer.features.slice(i, i + ROWS_PER_CHUNK).map((f) => columns.map((c): CellValue => c.value(f)));
    yield stringify(rows, OPTIONS);
  }
}
