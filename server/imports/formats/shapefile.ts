import { importFileMessages as I } from '../../messages/import-files.ts';
import { verbatim } from '../../messages/text.ts';
import { parseDbf, parseShp } from 'shpjs';
import { crsFromPrj } from '../../geo/crs.ts';
import { badFile, unreadableFile } from '../limits.ts';
import type { ArchiveEntry } from './archive.ts';
import type { CrsStatement, GeoFile } from './geo-file.ts';

/**
 * A zipped shapefile: one .shp with its .dbf (attributes), .shx and, ideally, .prj (the
 * coordinate system) and .cpg (the text encoding; UTF-8 without one). Read with shpjs,
 * without its own reprojection: the .prj is recognised here (server/geo/crs.ts) so an
 * unknown system is refused rather than guessed.
 */
export function readShapefile(entries: readonly ArchiveEntry[]): GeoFile {
  const visible = entries.filter((e) => !e.name.startsWith('__MACOSX/') && !e.base.startsWith('.'));
  const shps = visible.filter((e) => /\.shp$/i.test(e.base));
  if (shps.length === 0) throw badFile(I.noShapefile);
  if (shps.length > 1) throw badFile(I.manyShapefiles(shps.map((e) => e.name)));
  const stem = shps[0].name.slice(0, -4);
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
    geometries = parseShp(shps[0].data);
  } catch (e) {
    throw unreadableFile(I.shpUnreadable(shps[0].name), e);
  }
  try {
    records = parseDbf(dbf.data, cpg ? new TextDecoder().decode(cpg) : undefined);
  } catch (e) {
    throw unreadableFile(I.shpUnreadable(dbf.name), e);
  }
  if (records.length !== geometries.length) {
    throw badFile(I.shpDbfMismatch(stem, geometries.length, records.length));
  }
  return {
    format: 'shapefile',
    layer: stem.split('/').at(-1)!,
    features: geometries.map((geometry, i) => ({ properties: records[i] ?? {}, geometry: geometry ?? null })),
    crs: prjStatement(prj ? new TextDecoder().decode(prj) : null),
  };
}

function prjStatement(wkt: string | null): CrsStatement {
  if (wkt === null || !wkt.trim()) return { kind: 'missing' };
  const code = crsFromPrj(wkt);
  const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.slice(0, 80);
  const said = verbatim(`.prj "${name}"`);
  return code ? { kind: 'known', code, said } : { kind: 'unknown', said };
}
