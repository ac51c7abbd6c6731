import { importFileMessages as I } from '../../messages/import-files.ts';
import { verbatim } from '../../messages/text.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openUploadedDatabase } from '../../db/open.ts';
import { crsFromPrj } from '../../geo/crs.ts';
import { badFile, type ImportLimits, pickLayer, tooLarge, unreadableFile } from '../limits.ts';
import { type CrsStatement, crsFromName, type GeoFile, type ReadFeature } from './geo-file.ts';
import { gpkgBlobToGeometry, WkbError } from './wkb.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && new TextDecoder().decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

/** An SQL identifier from the file itself, quoted (it is data, never trusted as SQL). */
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A GeoPackage (QGIS's and GDAL's default format): its feature tables are listed in
 * gpkg_contents and gpkg_geometry_columns, their coordinate systems in gpkg_spatial_ref_sys,
 * and each geometry is a GeoPackage blob around WKB. The upload is written to a private
 * temporary file, checked by SQLite, opened read-only with its schema untrusted, and deleted.
 * @param layer the table to read when the file holds several
 */
export function readGeoPackage(bytes: Uint8Array, limits: ImportLimits, layer: string | null): GeoFile {
  const dir = mkdtempSync(join(tmpdir(), 'import-gpkg-'));
  const path = join(dir, 'upload.gpkg');
  // A database saved in WAL mode needs its -wal and -shm files; as a single upload it is complete, so read it as a rollback-journal one.
  const copy = bytes.slice();
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  writeFileSync(path, copy, { mode: 0o600 });
  let db: ReturnType<typeof openUploadedDatabase> | null = null;
  try {
    try {
      db = openUploadedDatabase(path);
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } catch (e) {
      throw unreadableFile(I.gpkgDamaged, e);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[]);
    for (const t of ['gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys']) {
      if (!tables.has(t)) throw badFile(I.gpkgNotGpkg(t));
    }
    const layers = db
      .prepare(`SELECT g.table_name AS name, g.column_name AS geometryColumn, g.srs_id AS srsId FROM gpkg_geometry_columns g
        JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY g.table_name`)
      .all() as { name: string; geometryColumn: string; srsId: number }[];
    if (!layers.length) throw badFile(I.gpkgNoTable);
    const chosen = pickLayer(layers, (l) => l.name, layer, { several: I.gpkgChooseTable, unknown: I.gpkgNoSuchTable });
    if (!tables.has(chosen.name)) throw badFile(I.gpkgListsMissing(chosen.name));
    const count = db
      .prepare(`SELECT count(*) FROM ${quote(chosen.name)}`)
      .pluck()
      .get() as number;
    if (count > limits.maxRows) throw tooLarge('too_many_rows', I.gpkgTooManyRows(chosen.name, count, limits.maxRows));

    const srs = db
      .prepare('SELECT srs_name AS name, organization, organization_coordsys_id AS id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?')
      .get(chosen.srsId) as { name: string; organization: string; id: number; definition: string } | undefined;
    const pk = new Set((db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0`).pluck().all(chosen.name) as string[]).map((n) => n.toLowerCase()));
    const features: ReadFeature[] = [];
    let row = 0;
    for (const r of db.prepare(`SELECT * FROM ${quote(chosen.name)}`).iterate() as Iterable<Record<string, unknown>>) {
      row++;
      const properties: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) {
        if (k === chosen.geometryColumn || pk.has(k.toLowerCase()) || v instanceof Uint8Array) continue;
        properties[k] = v;
      }
      const blob = r[chosen.geometryColumn];
      let geometry: ReadFeature['geometry'] = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = gpkgBlobToGeometry(blob);
        } catch (e) {
          if (e instanceof WkbError) throw unreadableFile(I.gpkgBadGeometry(row, chosen.name, e.curved), e);
          throw e;
        }
      }
      features.push({ properties, geometry });
    }
    return { format: 'geopackage', layer: chosen.name, features, crs: srsStatement(chosen.srsId, srs) };
  } finally {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function srsStatement(srsId: number, srs: { name: string; organization: string; id: number; definition: string } | undefined): CrsStatement {
  // srs_id -1 and 0 are the GeoPackage's "undefined Cartesian" and "undefined geographic" systems.
  if (!srs || srsId === -1 || srsId === 0) return { kind: 'missing' };
  const said = verbatim(`GeoPackage srs ${srs.organization}:${srs.id} "${srs.name}"`);
  const code = (srs.organization?.toUpperCase() === 'EPSG' ? crsFromName(`EPSG:${srs.id}`) : null) ?? crsFromPrj(srs.definition ?? '');
  return code ? { kind: 'known', code, said } : { kind: 'unknown', said };
}
