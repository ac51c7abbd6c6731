import type { Database } from 'better-sqlite3';
import type { ColumnType } from '../catalog/columns.ts';
import { createExportDatabase } from '../db/open.ts';
import { asMultiPolygon, type Envelope, GPKG_GEOMETRY_TYPE, multiPolygonBlob, pointBlob } from './gpkg-geometry.ts';
import type { DownloadLayer } from './layers.ts';
import { appTitleOf, layerDescription, licenceLines, licenceNote, licenceRows, licencesOf } from './provenance.ts';
import { tableColumns } from './table.ts';
import { escapeXml } from './xml.ts';

/**
 * A GeoPackage (OGC 12-128, version 1.3: GDAL before 3.7 warns on 1.4 files) written with SQLite: the required tables
 * (gpkg_spatial_ref_sys with EPSG:4326 and the undefined -1/0 systems, gpkg_contents,
 * gpkg_geometry_columns), one table per layer — `features` with GeoPackage geometry blobs
 * (WGS84 lon/lat), or `attributes` for collections without geometry — a `nguon_va_giay_phep`
 * table of each layer's date, parameters and licences, and the same as GDAL metadata
 * (gpkg_metadata, which QGIS and ogrinfo show). Identifiers come from the catalog only.
 */

const APPLICATION_ID = 0x47504b47; // "GPKG"
const USER_VERSION = 10300;
const WGS84 = 4326;
const LICENCE_TABLE = 'nguon_va_giay_phep';

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
  md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
  timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
  CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id), CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
INSERT INTO gpkg_extensions VALUES
  ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write'),
  ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write');
`;

const SQL_TYPES: Record<ColumnType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE' };

/** A double-quoted identifier; names come from the catalog and are checked, never from a request. */
function ident(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(name)) throw new Error(`not a safe GeoPackage identifier: "${name}"`);
  return `"${name}"`;
}

/** Writes the layers into a new GeoPackage file at `path`, in one transaction. */
export function writeGeoPackage(path: string, layers: readonly DownloadLayer[], generated: string): void {
  const db = createExportDatabase(path);
  try {
    // A scratch file until it is sent whole: no journal and no fsync (4–5× faster; a crash just loses the download).
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${USER_VERSION}`);
    db.transaction(() => {
      db.exec(SCHEMA);
      const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
      srs.run('WGS 84 geodetic', WGS84, 'EPSG', WGS84, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
      srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
      srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
      for (const layer of layers) writeLayer(db, layer);
      writeLicenceTable(db, layers);
      writeMetadata(db, layers, generated);
    })();
  } finally {
    db.close();
  }
}

function writeLayer(db: Database, layer: DownloadLayer): void {
  const table = layer.name;
  const kind = layer.collection.geometry;
  const columns = tableColumns(layer, { geometry: false, licence: false });
  const geom = kind ? `, geom ${GPKG_GEOMETRY_TYPE[kind]}` : '';
  db.exec(
    `CREATE TABLE ${ident(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${geom}, ${columns.map((c) => `${ident(c.key)} ${SQL_TYPES[c.type]}`).join(', ')})`,
  );
  const names = [...(kind ? ['geom'] : []), ...columns.map((c) => ident(c.key))];
  const insert = db.prepare(`INSERT INTO ${ident(table)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const extent: Envelope = [Infinity, -Infinity, Infinity, -Infinity];
  for (const f of layer.features) {
    let blob: Uint8Array | null = null;
    if (kind === 'point' && f.geometry?.type === 'Point') {
      blob = pointBlob(f.geometry, WGS84);
      grow(extent, [f.geometry.coordinates[0], f.geometry.coordinates[0], f.geometry.coordinates[1], f.geometry.coordinates[1]]);
    } else if (kind === 'polygon' && f.geometry) {
      const written = multiPolygonBlob(asMultiPolygon(f.geometry), WGS84);
      blob = written.blob;
      grow(extent, written.envelope);
    }
    const values = columns.map((c) => sqlValue(c.value(f)));
    insert.run(...(kind ? [blob, ...values] : values));
  }
  const description = [layerDescription(layer, 'vi'), layerDescription(layer, 'en'), ...licenceLines(layer.licences, 'vi')].join('\n');
  const hasExtent = Number.isFinite(extent[0]);
  db.prepare(
    'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    table,
    kind ? 'features' : 'attributes',
    layer.title.vi,
    description,
    ...(hasExtent ? [extent[0], extent[2], extent[1], extent[3]] : [null, null, null, null]),
    kind ? WGS84 : null,
  );
  if (kind) db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(table, 'geom', GPKG_GEOMETRY_TYPE[kind], WGS84);
}

function grow(e: Envelope, by: Envelope): void {
  e[0] = Math.min(e[0], by[0]);
  e[1] = Math.max(e[1], by[1]);
  e[2] = Math.min(e[2], by[2]);
  e[3] = Math.max(e[3], by[3]);
}

/** SQLite stores booleans as 0/1 (GeoPackage BOOLEAN). */
function sqlValue(v: string | number | boolean | null): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** An attributes table: each layer's date, parameters and licences, one row per licence. */
function writeLicenceTable(db: Database, layers: readonly DownloadLayer[]): void {
  const rows = licenceRows(layers, (l) => l.name);
  const keys = Object.keys(rows[0]) as (keyof (typeof rows)[number])[];
  const typeOf = (k: string) => (k === 'features' ? 'INTEGER' : k === 'asOf' ? 'DATE' : 'TEXT');
  db.exec(`CREATE TABLE ${ident(LICENCE_TABLE)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${keys.map((k) => `${ident(k)} ${typeOf(k)}`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO ${ident(LICENCE_TABLE)} (${keys.map(ident).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(...keys.map((k) => row[k]));
  db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)").run(
    LICENCE_TABLE,
    'Nguồn và giấy phép / Sources and licences',
    licenceNote(layers),
  );
}

/** GDAL's metadata format (md_standard_uri http://gdal.org): shown by ogrinfo and QGIS as dataset and layer metadata. */
function writeMetadata(db: Database, layers: readonly DownloadLayer[], generated: string): void {
  const addMetadata = db.prepare(
    "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset', 'http://gdal.org', 'text/xml', ?)",
  );
  const reference = db.prepare('INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES (?, ?, ?)');
  const xml = (items: Record<string, string>) =>
    `<GDALMultiDomainMetadata><Metadata>${Object.entries(items)
      .map(([k, v]) => `<MDI key="${k}">${escapeXml(v)}</MDI>`)
      .join('')}</Metadata></GDALMultiDomainMetadata>`;
  const ids = licencesOf(layers);
  const dataset = addMetadata.run(
    xml({ TITLE: appTitleOf(layers).vi, GENERATED: generated, LICENCE: licenceLines(ids, 'vi').join(' '), LICENCE_EN: licenceLines(ids, 'en').join(' ') }),
  );
  reference.run('geopackage', null, dataset.lastInsertRowid);
  for (const layer of layers) {
    const md = addMetadata.run(
      xml({
        AS_OF: layer.asOf ?? '',
        DESCRIPTION_VI: layerDescription(layer, 'vi'),
        DESCRIPTION_EN: layerDescription(layer, 'en'),
        LICENCE: licenceLines(layer.licences, 'vi').join(' '),
      }),
    );
    reference.run('table', layer.name, md.lastInsertRowid);
  }
}
