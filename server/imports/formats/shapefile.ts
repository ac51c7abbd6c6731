import { importFileMessages as I } from '../../messages/import-files.ts';
import { verbatim } from '../../messages/text.ts';
import { parseDbf, parseShp } from 'shpjs';
import { crsFromPrj } from '../../geo/crs.ts';
import { badFile, pickLayer, unreadableFile } from '../limits.ts';
import type { ArchiveEntry } from './archive.ts';
import { dbfEncoding } from './dbf-encoding.ts';
import type { CrsStatement, GeoFile } from './geo-file.ts';

/**
 * A zipped shapefile: one .shp with its .dbf (attributes), .shx and, ideally, .prj (the
 * coordinate system) and .cpg (the text encoding: server/imports/formats/dbf-encoding.ts). Text in UTF-8, said or
 * not, that is not UTF-8 is refused with 400 unsupported_encoding, naming the record and field. Read with shpjs,
 * without its own reprojection: the .prj is recognised here (server/geo/crs.ts) so an
 * unknown system is refused rather than guessed. A zip of several shapefiles is read like a
 * GeoPackage of several tables: the one named `layer` (its name without .shp), else 400 choose_layer.
 * @param layer the shapefile to read when the zip holds several
 */
export function readShapefile(entries: readonly ArchiveEntry[], layer: string | null): GeoFile {
  const visible = entries.filter((e) => !e.name.startsWith('__MACOSX/') && !e.base.startsWith('.'));
  const shps = visible.filter((e) => /\.shp$/i.test(e.base));
  if (shps.length === 0) throw badFile(I.noShapefile);
  // Named as QGIS names the layer (the file's name without .shp); by its folder too when two share a name.
  const bases = shps.map((e) => e.base.slice(0, -4));
  const names = new Set(bases).size === bases.length ? bases : shps.map((e) => e.name.slice(0, -4));
  const layers = shps.map((shp, i) => ({ shp, name: names[i] })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chosen = pickLayer(layers, (l) => l.name, layer, { several: I.shpChooseLayer, unknown: I.shpNoSuchLayer });
  const shp = chosen.shp;
  const stem = shp.name.slice(0, -4);
  const entry = (ext: string) => visible.find((e) => e.name.slice(0, -4) === stem && e.name.slice(-4).toLowerCase() === ext);
  const part = (ext: string) => entry(ext)?.data;
  const dbf = entry('.dbf');
  if (!dbf) throw badFile(I.noDbf(stem));
  if (!part('.shx')) throw badFile(I.noShx(stem));
  const cpg = part('.cpg');
  const prj = part('.prj');

  let geometries: ReturnType<typeof parseShp>;
  let records: ReturnType<typeof parseDbf>;
  try {
    geometries = parseShp(shp.data);
  } catch (e) {
    throw unreadableFile(I.shpUnreadable(shp.name), e);
  }
  const encoding = dbfEncoding(cpg ? new TextDecoder().decode(cpg) : null, dbf.data);
  try {
    records = parseDbf(dbf.data, encoding?.label ?? 'utf-8');
  } catch (e) {
    throw unreadableFile(I.shpUnreadable(dbf.name), e);
  }
  if (!encoding || encoding.label === 'utf-8') checkUtf8(records, dbf.name, chosen.shp.base.slice(0, -4), encoding?.said ?? null);
  if (records.length !== geometries.length) {
    throw badFile(I.shpDbfMismatch(stem, geometries.length, records.length));
  }
  return {
    format: 'shapefile',
    layer: chosen.name,
    features: geometries.map((geometry, i) => ({ properties: blanksAsNull(records[i] ?? {}), geometry: geometry ?? null })),
    crs: prjStatement(prj ? new TextDecoder().decode(prj) : null),
  };
}

/**
 * shpjs decodes each field with TextDecoder's replacement: a U+FFFD in a name or a value is where bytes stopped being
 * UTF-8 (a .dbf never holds that character itself), refused naming its record (from 1, as the preview numbers
 * features) and field.
 */
function checkUtf8(records: readonly Record<string, unknown>[], file: string, stem: string, said: string | null): void {
  for (const [i, record] of records.entries()) {
    for (const [field, value] of Object.entries(record)) {
      if (field.includes('\uFFFD') || (typeof value === 'string' && value.includes('\uFFFD'))) {
        throw badFile(I.dbfNotUtf8(file, i + 1, field, stem, said), 'unsupported_encoding');
      }
    }
  }
}

/**
 * A .dbf field left blank is null, as in the other formats: shpjs reads a blank number as NaN and a blank date as an
 * invalid Date, which would be refused as "not a number" though the user wrote nothing.
 */
function blanksAsNull(record: Record<string, unknown>): Record<string, unknown> {
  const blank = (v: unknown) => (typeof v === 'number' && Number.isNaN(v)) || (v instanceof Date && Number.isNaN(v.getTime()));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, blank(v) ? null : v]));
}

function prjStatement(wkt: string | null): CrsStatement {
  if (wkt === null || !wkt.trim()) return { kind: 'missing' };
  const code = crsFromPrj(wkt);
  const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.slice(0, 80);
  const said = verbatim(`.prj "${name}"`);
  return code ? { kind: 'known', code, said } : { kind: 'unknown', said };
}
