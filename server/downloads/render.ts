import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { IsoDate } from '../domain/dates.ts';
import { csvChunks } from './csv.ts';
import { geojsonChunks } from './geojson.ts';
import { writeGeoPackage } from './gpkg.ts';
import { kmlChunks } from './kml.ts';
import type { DownloadLayer } from './layers.ts';
import { appTitleOf, layerDescription, licenceNote } from './provenance.ts';
import type { DownloadFormat } from '../catalog/download-formats.ts';
import type { DownloadRequest } from './request.ts';
import { type Chunks, toWebStream } from './stream.ts';
import { xlsxStream } from './xlsx.ts';
import { zipChunks } from './zip.ts';

/** A file ready to send: its name, type and a stream of its bytes. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export const CONTENT_TYPES: Record<DownloadFormat | 'zip', string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  gpkg: 'application/geopackage+sqlite3',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  zip: 'application/zip',
};

/** The companion of a zip of CSV or GeoJSON files: what each file is, as of when, and the licences. */
export const ZIP_README = 'NGUON-VA-GIAY-PHEP.txt';

/**
 * Writes the layers in the requested format. One collection: `xa-ntm-2021-06-30.csv`; the view:
 * `ban-do-<date>.<ext>` — several layers in one GeoPackage, workbook or KML, or a zip of one CSV
 * or GeoJSON file per layer.
 * @param generated the moment of the download (ISO 8601), written into the files
 */
export async function renderDownload(req: DownloadRequest, layers: DownloadLayer[], today: IsoDate, generated: string): Promise<DownloadFile> {
  const base = req.view ? `ban-do-${req.asOf ?? today}` : layers[0].stem;
  const file = (ext: DownloadFormat | 'zip', chunks: Chunks) => ({ fileName: `${base}.${ext}`, contentType: CONTENT_TYPES[ext], body: toWebStream(chunks) });
  switch (req.format) {
    case 'csv':
    case 'geojson': {
      const one = (l: DownloadLayer) => (req.format === 'csv' ? csvChunks(l) : geojsonChunks(l, generated));
      if (layers.length === 1) return file(req.format, one(layers[0]));
      const entries = layers.map((l) => ({ name: `${l.stem}.${req.format}`, chunks: () => one(l) }));
      return file('zip', zipChunks([...entries, { name: ZIP_README, chunks: () => [readme(layers, generated)] }]));
    }
    case 'kml':
      return file('kml', kmlChunks(layers, generated));
    case 'xlsx':
      return file('xlsx', xlsxStream(layers, generated));
    case 'gpkg':
      return file('gpkg', await geoPackageStream(layers, generated));
  }
}

function readme(layers: readonly DownloadLayer[], generated: string): string {
  const lines = [`${appTitleOf(layers).vi} — ${generated}`, ''];
  for (const l of layers) lines.push(`${l.stem}: ${layerDescription(l, 'vi')}`, `  ${layerDescription(l, 'en')}`);
  return `\uFEFF${[...lines, '', licenceNote(layers), ''].join('\r\n')}`;
}

/**
 * Writes the GeoPackage to a temporary file (SQLite needs one), opens it and removes it at once:
 * on POSIX systems the open file stays readable until the stream closes it, so nothing is left
 * on disk whether the download completes, is cancelled or is never read.
 */
async function geoPackageStream(layers: readonly DownloadLayer[], generated: string): Promise<Readable> {
  const dir = await mkdtemp(join(tmpdir(), 'download-'));
  try {
    const path = join(dir, 'download.gpkg');
    writeGeoPackage(path, layers, generated);
    const handle = await open(path);
    return handle.createReadStream();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII name for old clients, the exact one for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
