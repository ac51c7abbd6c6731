import type { DownloadFormat } from '../../server/catalog/download-formats.ts';
import type { Label } from './label.ts';
import type { ShownCollection } from './shown-collections.ts';

/**
 * Links to the server's downloads (server/routes/downloads.ts, in the formats of server/catalog/download-formats.ts) of what the map shows:
 * `GET /api/downloads/{collectionId}.{format}?asOf=&<filters>` for one collection and
 * `GET /api/downloads/view.{format}?collections=<id>,<id>&asOf=&<filters>` for the view's layers
 * in one file. The server names the file (`xa-ntm-2021-06-30.csv`) and adds sources and licences.
 */

export const FORMAT_LABELS: Record<DownloadFormat, Label> = {
  geojson: { vi: 'GeoJSON', en: 'GeoJSON' },
  csv: { vi: 'CSV (Excel, UTF-8)', en: 'CSV (Excel, UTF-8)' },
  xlsx: { vi: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  gpkg: { vi: 'GeoPackage (QGIS)', en: 'GeoPackage (QGIS)' },
  kml: { vi: 'KML (Google Earth)', en: 'KML (Google Earth)' },
};

const BASE = '/api/downloads';

/** One collection as the map shows it. */
export function collectionDownloadUrl(shown: ShownCollection, format: DownloadFormat): string {
  const q = new URLSearchParams();
  if (shown.asOf) q.set('asOf', shown.asOf);
  for (const [name, value] of Object.entries(shown.filters)) q.set(name, value);
  return withQuery(`${BASE}/${encodeURIComponent(shown.collection.id)}.${format}`, q);
}

/**
 * The view's collections in one file. One date serves them all: the latest any of them is read at
 * (the map's date); the server reads each collection at that date clamped to its last day, as
 * the map reads old units after 30 June 2025. Each filter goes once; the server applies it to
 * the collections that declare it.
 */
export function viewDownloadUrl(shown: readonly ShownCollection[], format: DownloadFormat): string | null {
  if (!shown.length) return null;
  const q = new URLSearchParams();
  q.set('collections', shown.map((s) => s.collection.id).join(','));
  const dates = shown.map((s) => s.asOf).filter((d): d is string => d !== null);
  if (dates.length) q.set('asOf', dates.sort().at(-1)!);
  for (const s of shown) for (const [name, value] of Object.entries(s.filters)) q.set(name, value);
  return withQuery(`${BASE}/view.${format}`, q);
}

function withQuery(path: string, q: URLSearchParams): string {
  const text = q.toString().replaceAll('%2C', ',');
  return text ? `${path}?${text}` : path;
}
